/** Planning the webhook generator's changes: the handler, its registration and its cleanup. */
import {AppAnalysis} from "../app-model/analysis.js"
import type {App as AppModel} from "../app-model/app.js"
import {handlerPath} from "../app-model/layout.js"
import {meantId} from "../lint/meant-id.js"
import {findCaseTwin, findHandler, type AppTree} from "./app-tree.js"
import {ScaffoldError} from "./errors.js"
import {ensureEventCode} from "./event.js"
import type {EventHandlerFile, Insertion} from "./event-handler.js"
import {pascalCase, shownPath} from "./names.js"
import {Plan} from "./plan.js"
import {formatTypeScript, resolveStyle} from "./style.js"
import {syncTarget} from "./sync.js"
import {renderTemplate} from "./templates.js"
import {planWebhookTest, signatureCheck, type SignatureCheck} from "./webhook-test.js"
import {usesVitest} from "./vitest-app.js"

/** Where registration goes when the user names no URL; the summary asks them to replace it. */
export const PLACEHOLDER_REGISTER_URL = "https://api.example.com/v1/webhooks"

/**
 * The kv key (with the handler's id appended) under which registration records the URL that deletes the third
 * party's webhook. connection-removed reads it, so one cleanup serves webhooks registered at any API.
 */
export const DELETE_URL_KEY = "webhook-delete-url:"

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
export async function planWebhook(tree: AppTree, spec: WebhookSpec): Promise<Plan> {
    // attio-lint's model of the app knows the installed SDK, and where each fileName comes from.
    const model = await tree.loadModel()
    const plan = new Plan(tree)
    const legacySdk = model.hasLegacySdk()
    const handlerRel = await planHandler(spec, plan, legacySdk)
    // Found with --no-register too: the next steps tell whether anything registers the id yet.
    const registeredIn = registeringFile(model, spec.id, {refuseTypo: spec.register})
    plan.registeredIn = registeredIn
    if (spec.register) {
        if (registeredIn) {
            plan.notes.push(
                `${shownPath(registeredIn)} already registers the ${spec.id} webhook handler; connection-added left as it is.`
            )
        } else {
            await ensureEventCode(plan, "connection-added", {insertion: registration(spec)})
        }
        await ensureEventCode(plan, "connection-removed", {insertion: cleanup(), present: cleanupPresent(spec)})
    }
    if (handlerRel && (spec.test ?? usesVitest(tree))) {
        // The SDK before 1.0 calls Attio with attioFetch, which the testing runtime does not provide.
        if (legacySdk) {
            plan.notes.push("No test written: the installed attio SDK predates 1.0 (attioFetch).")
        } else {
            const registers = spec.register && !registeredIn
            const test = {
                ...spec,
                registers,
                verify: verifyOf(spec),
                webhooksUrl: webhooksUrl(spec),
                sync: syncTarget(spec.id, spec.event),
            }
            await planWebhookTest(plan, handlerRel, test)
        }
    }
    plan.validate()
    return plan
}

function verifyOf(spec: WebhookSpec): SignatureCheck | undefined {
    return spec.signatureHeader === undefined ? undefined : signatureCheck(spec.id, spec.signatureHeader)
}

/** The handler file written (app-relative), or undefined when an existing one is left alone. */
async function planHandler(spec: WebhookSpec, plan: Plan, legacySdk: boolean): Promise<string | undefined> {
    const twin = findCaseTwin(plan.tree, "webhook", spec.id)
    if (twin !== undefined) {
        throw new ScaffoldError(
            `${shownPath(twin)} exists, and differs from the id ${JSON.stringify(spec.id)} only by letter case (one file on macOS and Windows); rename it, or choose another id.`
        )
    }
    const existing = findHandler(plan.tree, "webhook", spec.id)
    if (existing?.endsWith(".js")) {
        plan.notes.push(`${existing} exists; it is JavaScript, so it is left as it is.`)
        return undefined
    }
    const relPath = existing ?? handlerPath("webhook", spec.id, plan.tree.layout)
    const code = renderTemplate("webhook/handler.ts.ejs", {
        id: spec.id,
        event: spec.event,
        functionName: `handle${pascalCase(spec.id)}`,
        legacySdk,
        verify: verifyOf(spec),
        sync: syncTarget(spec.id, spec.event),
    })
    plan.writeFile(relPath, await formatTypeScript(code, await resolveStyle(plan, relPath)))
    return relPath
}

/**
 * The app-relative file with a createWebhookHandler call that names the id: in connection-added or a helper
 * module, as a literal, a constant or one of several values. Throws when no call names it but one names no handler
 * and was meant for this id (a typo, or the id with its folder) and `refuseTypo` is set: registering it as well
 * would leave two registrations, one of them failing.
 */
function registeringFile(model: AppModel, id: string, {refuseTypo}: {refuseTypo: boolean}): string | undefined {
    const analysis = new AppAnalysis(model)
    const sites = analysis.webhookCallSites()
    const registering = sites.find((site) => site.values?.includes(id))
    if (registering || !refuseTypo) return registering?.file.rel
    const handlers = analysis.handlersById("webhook")
    const ids = [...new Set([...handlers.keys(), id])]
    for (const site of sites) {
        const typo = site.values?.find((value) => !ids.includes(value) && meantId(value, ids) === id)
        if (typo !== undefined) {
            throw new ScaffoldError(
                `${shownPath(site.file.rel)} calls createWebhookHandler({fileName: ${JSON.stringify(typo)}}), which names no handler and looks meant for ${id}; fix that fileName to ${JSON.stringify(id)} instead of registering ${id} a second time (or run with --no-register).`
            )
        }
    }
    return undefined
}

function registration(spec: WebhookSpec): Insertion {
    const verify = verifyOf(spec)
    return {
        values: ["createWebhookHandler", "deleteWebhookHandler", "kv", "updateWebhookHandler"],
        helperName: `register${pascalCase(spec.id)}Webhook`,
        // A function of that name that registers no handler the generator can see may well register this one.
        refuseTakenHelper: (relPath, helper) =>
            `${shownPath(relPath)} already declares ${helper}, and the generator cannot tell which handler it registers; it does not register ${spec.id} a second time under another name. Make ${helper} call createWebhookHandler({fileName: ${JSON.stringify(spec.id)}}), or rename it, or run with --no-register.`,
        renderHelper: (names) =>
            renderTemplate("event/register-webhook.ts.ejs", {
                ...names,
                ...spec,
                verify,
                deleteUrlKey: DELETE_URL_KEY,
                webhooksUrl: webhooksUrl(spec),
            }),
    }
}

/**
 * The URL the third party's webhooks are deleted under (`<url>/<id>`): a URL given with a trailing slash must not
 * make that `<url>//<id>`. Registration keeps the URL as given, since some APIs accept POST only at the path with
 * its slash.
 */
function webhooksUrl(spec: {registerUrl: string}): string {
    return spec.registerUrl.replace(/\/+$/, "")
}

function cleanup(): Insertion {
    return {
        values: ["deleteWebhookHandler", "kv", "listWebhookHandlers"],
        helperName: "deleteWebhooks",
        renderHelper: (names) =>
            renderTemplate("event/delete-webhooks.ts.ejs", {...names, deleteUrlKey: DELETE_URL_KEY}),
    }
}

/**
 * Why connection-removed needs no cleanup added: it reads the delete URLs registration records (any endpoint's),
 * or it deletes webhook handlers in a way of its own, which the user must check for this webhook.
 */
function cleanupPresent(spec: WebhookSpec): (file: EventHandlerFile) => string | undefined {
    return (file) => {
        if (file.text.includes(DELETE_URL_KEY)) {
            return "already deletes each webhook at the URL its registration recorded"
        }
        if (file.sdkCalls("deleteWebhookHandler").length === 0) return undefined
        return `deletes webhook handlers in a way of its own, which the generator does not change: check that it deletes the ${spec.id} webhook at ${webhooksUrl(spec)}/<its id>`
    }
}
