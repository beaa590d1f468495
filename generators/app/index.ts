/** `yo attio-app [webhook|event] [name]`: asks which generator to run, then runs it. */
import {fileURLToPath} from "node:url"
import {ScaffoldError} from "../../src/scaffold/errors.js"
import {ScaffoldGenerator} from "../../src/scaffold/generator.js"
import {GENERATOR_SPECS} from "../../src/scaffold/generator-options.js"

const GENERATORS = ["webhook", "event"] as const

export default class AppGenerator extends ScaffoldGenerator {
    constructor(args: string[], options: ScaffoldGenerator["options"]) {
        super(args, options, GENERATOR_SPECS.app)
    }

    async prompting() {
        const given = this.flag("generator")
        const generator =
            given === undefined && !this.yes
                ? (
                      await this.prompt<{generator: string}>({
                          type: "select",
                          name: "generator",
                          message: "What do you want to add?",
                          choices: [
                              {name: "A webhook handler (with its registration and cleanup)", value: "webhook"},
                              {name: "An event handler (connection-added or connection-removed)", value: "event"},
                          ],
                      })
                  ).generator
                : String(given ?? "webhook")
        if (!(GENERATORS as readonly string[]).includes(generator)) {
            throw new ScaffoldError(
                `There is no ${JSON.stringify(generator)} generator; use ${GENERATORS.join(" or ")}.`
            )
        }
        const name = this.flag("name")
        await this.composeWith(fileURLToPath(new URL(`../${generator}/index.js`, import.meta.url)), {
            generatorArgs: typeof name === "string" ? [name] : [],
            forwardOptions: true,
        })
    }
}
