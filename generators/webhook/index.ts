/**
 * `yo attio-app:webhook [name]`: a webhook handler, its registration in connection-added and its cleanup in
 * connection-removed. The work is in src/scaffold/webhook.ts; this class asks the questions and reports.
 */
import {ScaffoldError} from "../../src/scaffold/errors.js"
import {ScaffoldGenerator} from "../../src/scaffold/generator.js"
import {GENERATOR_SPECS} from "../../src/scaffold/generator-options.js"
import {normaliseHandlerId} from "../../src/scaffold/names.js"
import type {Plan} from "../../src/scaffold/plan.js"
import type {WebhookSpec} from "../../src/scaffold/webhook.js"
import {checkEvent, checkRegisterUrl, checkSignatureOptions} from "../../src/scaffold/webhook-options.js"

/** The planner (TypeScript, prettier, the app model), loaded once the options are checked: a refusal needs none of it. */
type Planner = typeof import("../../src/scaffold/webhook.js")

export default class WebhookGenerator extends ScaffoldGenerator {
    private id: string | undefined
    private spec: WebhookSpec | undefined
    private plan: Plan | undefined
    private signatureHeader: string | undefined
    private planner!: Planner

    constructor(args: string[], options: ScaffoldGenerator["options"]) {
        super(args, options, GENERATOR_SPECS.webhook)
    }

    initializing() {
        const name = this.flag("name")
        if (typeof name === "string") this.id = this.normalise(name)
        // Values given up front are refused before any question, as a bad name is.
        const event = this.flag("event")
        if (event !== undefined) checkEvent(String(event))
        const registerUrl = this.flag("register-url")
        if (registerUrl !== undefined) checkRegisterUrl(String(registerUrl))
        this.signatureHeader = checkSignatureOptions(this.flag("verify"), this.flag("signature-header"))
    }

    async prompting() {
        if (this.id === undefined && this.yes) {
            throw new ScaffoldError(
                "Name the handler: `npx attio-app webhook <name>` or `yo attio-app:webhook <name>`."
            )
        }
        this.planner = await import("../../src/scaffold/webhook.js")
        const {PLACEHOLDER_REGISTER_URL} = this.planner
        const given = {
            event: this.flag("event"),
            registerUrl: this.flag("register-url"),
            register: this.flag("register"),
        }
        const answers = this.yes
            ? {}
            : await this.prompt<{name?: string; event?: string; register?: boolean; registerUrl?: string}>([
                  {
                      type: "input",
                      name: "name",
                      message: "Handler id (kebab-case, e.g. prospect-updated or crm/deal-closed)",
                      when: () => this.id === undefined,
                      validate: (input: string) => problem(() => normaliseHandlerId(input)),
                  },
                  {
                      type: "input",
                      name: "event",
                      message: "The third party's event this webhook subscribes to",
                      when: () => given.event === undefined,
                      default: (a: {name?: string}) => this.id ?? normaliseHandlerId(a.name ?? "").id,
                      validate: (input: string) => problem(() => checkEvent(input)),
                  },
                  {
                      type: "confirm",
                      name: "register",
                      message: "Register it in connection-added and delete it in connection-removed?",
                      when: () => given.register === undefined,
                      default: true,
                  },
                  {
                      type: "input",
                      name: "registerUrl",
                      message: "The third party's API endpoint that creates webhooks (POST)",
                      when: (a) => given.registerUrl === undefined && (a.register ?? given.register) !== false,
                      default: PLACEHOLDER_REGISTER_URL,
                      validate: (input: string) => problem(() => checkRegisterUrl(input)),
                  },
              ])
        const id = this.id ?? this.normalise(answers.name!)
        this.spec = {
            id,
            event: checkEvent(String(given.event ?? answers.event ?? id)),
            registerUrl: checkRegisterUrl(String(given.registerUrl ?? answers.registerUrl ?? PLACEHOLDER_REGISTER_URL)),
            register: (given.register ?? answers.register ?? true) !== false,
            test: this.flag("test") as boolean | undefined,
            signatureHeader: this.signatureHeader,
        }
    }

    async writing() {
        const spec = this.spec!
        this.plan = await this.planAndWrite((tree) => this.planner.planWebhook(tree, spec))
    }

    async end() {
        const plan = this.plan!
        this.reportNotes(plan)
        if (this.dryRun) return
        const [{lintSummary}, {nextSteps}] = await Promise.all([
            import("../../src/scaffold/lint-summary.js"),
            import("../../src/scaffold/next-steps.js"),
        ])
        this.log(await lintSummary(this.destinationRoot()))
        const steps = nextSteps(this.spec!, plan)
        this.log(["Next steps:", ...steps.map((step, i) => `  ${i + 1}. ${step}`)].join("\n"))
    }

    /** Normalises and shows the id when it differs from what was typed. */
    private normalise(name: string): string {
        const {id, changed} = normaliseHandlerId(name)
        if (changed) this.log(`Handler id: ${id} (from ${JSON.stringify(name)})`)
        return id
    }
}

/** A prompt's validation: true, or the refusal's message for the user to correct the answer. */
function problem(check: () => unknown): true | string {
    try {
        check()
        return true
    } catch (error) {
        return (error as Error).message
    }
}
