/**
 * `yo attio-app:webhook [name]`: a webhook handler, its registration in connection-added and its cleanup in
 * connection-removed. The work is in src/scaffold/webhook.ts; this class asks the questions and reports.
 */
import {ScaffoldError} from "../../src/scaffold/errors.js"
import {ScaffoldGenerator} from "../../src/scaffold/generator.js"
import {lintSummary} from "../../src/scaffold/lint-summary.js"
import {normaliseHandlerId} from "../../src/scaffold/names.js"
import {checkSignatureOptions} from "../../src/scaffold/webhook-test.js"
import type {Plan} from "../../src/scaffold/plan.js"
import {
    checkEvent,
    checkRegisterUrl,
    PLACEHOLDER_REGISTER_URL,
    planWebhook,
    type WebhookSpec,
} from "../../src/scaffold/webhook.js"

export default class WebhookGenerator extends ScaffoldGenerator {
    private id: string | undefined
    private spec: WebhookSpec | undefined
    private plan: Plan | undefined
    private signatureHeader: string | undefined

    constructor(args: string[], options: ScaffoldGenerator["options"]) {
        super(args, options)
        this.argument("name", {
            type: String,
            required: false,
            description: "Handler id in kebab-case; nested ids such as crm/deal-closed are allowed",
        })
        this.option("event", {
            type: String,
            description: "The third party's event to subscribe to, e.g. lead.processed (default: the id)",
        })
        this.option("register-url", {
            type: String,
            description: `The third party's API endpoint that creates webhooks (POST; <url>/<id> deletes one). Default: ${PLACEHOLDER_REGISTER_URL}`,
        })
        this.option("test", {
            type: Boolean,
            description:
                "Write a vitest test beside the handler (default: when the app uses vitest); --no-test skips it",
        })
        this.option("verify", {
            type: String,
            description: "Verify the third party's signature over the raw body: hmac-sha256 (needs --signature-header)",
        })
        this.option("signature-header", {
            type: String,
            description: "The request header with the third party's signature, e.g. X-Signature",
        })
        this.option("register", {
            type: Boolean,
            description:
                "Register the handler in connection-added and delete it in connection-removed (default); --no-register writes the handler only",
        })
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
        this.plan = await this.planAndWrite((app) => planWebhook(app, spec))
    }

    async end() {
        const spec = this.spec!
        const plan = this.plan!
        this.reportNotes(plan)
        if (this.dryRun) return
        this.log(await lintSummary(this.destinationRoot()))
        const handler = plan.changes.find((c) => c.path.endsWith(".webhook.ts"))
        const steps: string[] = []
        if (handler) steps.push(`Fill in the sync in ${handler.path} (the part marked "Sync").`)
        if (!spec.register) {
            const call = `createWebhookHandler({fileName: ${JSON.stringify(spec.id)}})`
            steps.push(
                `Create the handler with ${call} where the app registers its webhooks (or run again without --no-register).`
            )
        }
        const placeholders = plan.changes.filter((c) => c.content.includes(PLACEHOLDER_REGISTER_URL)).map((c) => c.path)
        if (placeholders.length > 0) {
            steps.push(
                `Replace ${PLACEHOLDER_REGISTER_URL} in ${placeholders.join(" and ")} with the third party's webhook API.`
            )
        }
        steps.push(
            "Connect the service in the Attio developer dashboard (Connections), so that connection-added receives its token.",
            "Run `attio dev` and connect the service in Attio to try it."
        )
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
