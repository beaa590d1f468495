/** Planning the webhook generator's changes: the handler, its registration and its cleanup. */
import {AppAnalysis} from "../app-model/analysis.js"
import {App as AppModel} from "../app-model/app.js"
import {handlerPath} from "../app-model/layout.js"
import {findCaseTwin, findHandler, type App} from "./app.js"
import {ScaffoldError} from "./errors.js"
import {ensureEventCode} from "./event.js"
import type {Insertion} from "./event-handler.js"
import {pascalCase, shownPath} from "./names.js"
import {Plan} from "./plan.js"
import {formatTypeScript, resolveStyle} from "./style.js"
import {renderTemplate} from "./templates.js"
import {planWebhookTest, signatureCheck, type SignatureCheck, usesVitest} from "./webhook-test.js"

/** Where registration goes when the user names no URL; the summary asks them to replace it. */
export const PLACEHOLDER_REGISTER_URL = "https://api.example.com/v1/webhooks"

/** Refuses a register URL that `fetch` could not call: the connection would fail with an unclear error. */
export function checkRegisterUrl(url: string): string {
    const protocol = URL.canParse(url) ? new URL(url).protocol : undefined
    if (protocol !== "https:" && protocol !== "http:") {
        throw new ScaffoldError(
            `The register URL ${JSON.stringify(url)} is not an http(s) URL, e.g. https://api.example.com/v1/webhooks.`
        )
    }
    return url
}

/** Refuses an empty event name: the third party would be asked to subscribe the webhook to nothing. */
export function checkEvent(event: string): string {
    if (event.trim() === "") {
        throw new ScaffoldError(
            `The event ${JSON.stringify(event)} is empty; name the third party's event, e.g. lead.processed (without --event, the handler id is used).`
        )
    }
    return event
}

export interface WebhookSpec {
    /** Normalised handler id (see names.ts). */
    id: string
    /** The third party's event name the webhook subscribes to. */
    event: string
    /** The third party's API endpoint that creates a webhook (POST); the same URL + "/<id>" deletes it. */
    registerUrl: string
    /** Add registration to connection-added and cleanup to connection-removed. */
    register: boolean
    /** Write a test beside the handler; undefined: when the app uses vitest (webhook-test.ts). */
    test?: boolean
    /** Verify the third party's HMAC-SHA256 signature, sent in this request header (`--signature-header`). */
    signatureHeader?: string
}

/** Every change the webhook generator would make, validated; throws a ScaffoldError when one is impossible. */
export async function planWebhook(app: App, spec: WebhookSpec): Promise<Plan> {
    // attio-lint's model of the app knows the installed SDK, and where each fileName comes from.
    const model = await AppModel.load(app.root)
    const plan = new Plan(app)
    const legacySdk = isLegacySdk(model.sdkVersion())
    const handlerRel = await planHandler(app, spec, plan, legacySdk)
    const registeredIn = registeringFile(model, spec.id)
    plan.registeredIn = registeredIn
    if (spec.register) {
        if (registeredIn) {
            plan.notes.push(
                `${shownPath(registeredIn)} already registers the ${spec.id} webhook handler; connection-added left as it is.`
            )
        } else {
            await ensureEventCode(app, plan, "connection-added", {insertion: registration(spec)})
        }
        await ensureEventCode(app, plan, "connection-removed", {
            insertion: cleanup(spec),
            present: {
                test: (file) => file.sdkCalls("deleteWebhookHandler").length > 0,
                note: "already deletes webhook handlers",
            },
        })
    }
    if (handlerRel && (spec.test ?? usesVitest(app.root))) {
        // The SDK before 1.0 calls Attio with attioFetch, which the testing runtime does not provide.
        if (legacySdk) {
            plan.notes.push("No test written: the installed attio SDK predates 1.0 (attioFetch).")
        } else {
            const registers = spec.register && !registeredIn
            await planWebhookTest(app, handlerRel, {...spec, registers, verify: verifyOf(spec)}, plan)
        }
    }
    plan.validate()
    return plan
}

function verifyOf(spec: WebhookSpec): SignatureCheck | undefined {
    return spec.signatureHeader === undefined ? undefined : signatureCheck(spec.id, spec.signatureHeader)
}

/** Whether the installed SDK predates 1.0, where `attioFetch` still works and handlers use it. */
function isLegacySdk(version: string | undefined): boolean {
    return version !== undefined && Number.parseInt(version, 10) < 1
}

/** The handler file written (app-relative), or undefined when an existing one is left alone. */
async function planHandler(app: App, spec: WebhookSpec, plan: Plan, legacySdk: boolean): Promise<string | undefined> {
    const twin = findCaseTwin(app, "webhook", spec.id)
    if (twin !== undefined) {
        throw new ScaffoldError(
            `${shownPath(twin)} exists, and differs from the id ${JSON.stringify(spec.id)} only by letter case (one file on macOS and Windows); rename it, or choose another id.`
        )
    }
    const existing = findHandler(app, "webhook", spec.id)
    if (existing?.endsWith(".js")) {
        plan.notes.push(`${existing} exists; it is JavaScript, so it is left as it is.`)
        return undefined
    }
    const relPath = existing ?? handlerPath("webhook", spec.id, app.layout)
    const code = renderTemplate("webhook/handler.ts.ejs", {
        id: spec.id,
        event: spec.event,
        functionName: `handle${pascalCase(spec.id)}`,
        legacySdk,
        verify: verifyOf(spec),
    })
    plan.writeFile(relPath, await formatTypeScript(code, await resolveStyle(plan, relPath)))
    return relPath
}

/**
 * The app-relative file with a createWebhookHandler call that names the id: in connection-added or a helper
 * module, as a literal, a constant or one of several values.
 */
function registeringFile(model: AppModel, id: string): string | undefined {
    return new AppAnalysis(model).webhookCallSites().find((site) => site.values?.includes(id))?.file.rel
}

function registration(spec: WebhookSpec): Insertion {
    const verify = verifyOf(spec)
    return {
        values: ["createWebhookHandler", "deleteWebhookHandler", "updateWebhookHandler", ...(verify ? ["kv"] : [])],
        helperName: `register${pascalCase(spec.id)}Webhook`,
        renderHelper: (names) => renderTemplate("event/register-webhook.ts.ejs", {...names, ...spec, verify}),
    }
}

function cleanup(spec: WebhookSpec): Insertion {
    // Deletion is at `<url>/<id>`: a URL given with a trailing slash must not make that `<url>//<id>`.
    // Registration keeps the URL as given, since some APIs accept POST only at the path with its slash.
    const webhooksUrl = spec.registerUrl.replace(/\/+$/, "")
    return {
        values: ["deleteWebhookHandler", "listWebhookHandlers"],
        helperName: "deleteWebhooks",
        renderHelper: (names) => renderTemplate("event/delete-webhooks.ts.ejs", {...names, webhooksUrl}),
    }
}
