/** `yo attio-app:event [connection-added|connection-removed]`: an event handler with the right signature. */
import {EVENT_NAMES, type EventName} from "../../src/app-model/layout.js"
import {ScaffoldError} from "../../src/scaffold/errors.js"
import {ScaffoldGenerator} from "../../src/scaffold/generator.js"
import {GENERATOR_SPECS} from "../../src/scaffold/generator-options.js"
import {kebabCase} from "../../src/scaffold/names.js"
import type {Plan} from "../../src/scaffold/plan.js"

export default class EventGenerator extends ScaffoldGenerator {
    private event: EventName | undefined
    private plan: Plan | undefined

    constructor(args: string[], options: ScaffoldGenerator["options"]) {
        super(args, options, GENERATOR_SPECS.event)
    }

    async prompting() {
        const name = this.flag("name")
        if (typeof name === "string") {
            this.event = eventName(name)
            return
        }
        if (this.yes) throw new ScaffoldError(`Name the event: ${EVENT_NAMES.join(" or ")}.`)
        const answers = await this.prompt<{name: EventName}>({
            type: "select",
            name: "name",
            message: "Which event?",
            choices: [...EVENT_NAMES],
        })
        this.event = answers.name
    }

    async writing() {
        const event = this.event!
        // Loaded here, not at the top: --help needs no TypeScript.
        const {planEvent} = await import("../../src/scaffold/event.js")
        this.plan = await this.planAndWrite((tree) => planEvent(tree, event))
    }

    end() {
        this.reportNotes(this.plan!)
    }
}

/**
 * The event for a name such as `connection-added` or `connectionAdded`; anything else is refused. A name with
 * characters other than letters, digits, spaces, "-" and "_" (a path, `../connection-added`) is no event name.
 */
function eventName(name: string): EventName {
    const event = /^[\p{L}\p{N}\s_-]+$/u.test(name) ? EVENT_NAMES.find((e) => e === kebabCase(name)) : undefined
    if (!event)
        throw new ScaffoldError(
            `There is no ${JSON.stringify(name)} event; the platform has ${EVENT_NAMES.join(" and ")}.`
        )
    return event
}
