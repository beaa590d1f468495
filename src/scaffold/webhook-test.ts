/**
 * The test the webhook generator writes beside a new handler: it runs the handler, its registration and its
 * cleanup through generator-attio-app/testing under vitest, against a fake third party.
 */
import type {Plan} from "./plan.js"
import {formatTypeScript, resolveStyle} from "./style.js"
import type {SyncTarget} from "./sync.js"
import {renderTemplate} from "./templates.js"

export interface WebhookTestSpec {
    id: string
    event: string
    registerUrl: string
    /** The URL the third party's webhooks are deleted under (`<url>/<id>`). */
    webhooksUrl: string
    /** Whether this run wrote the registration and cleanup the test checks (else it only delivers). */
    registers: boolean
    verify: SignatureCheck | undefined
    /** What the handler syncs; undefined: its sync is a TODO. */
    sync: SyncTarget | undefined
}

/** HMAC-SHA256 verification of the third party's signature, in the handler (`--verify hmac-sha256`). */
export interface SignatureCheck {
    /** The request header that carries the signature. */
    header: string
    /** The kv key connection-added stores the signing secret under. */
    secretKey: string
}

export function signatureCheck(id: string, header: string): SignatureCheck {
    return {header, secretKey: `${id}:signing-secret`}
}

/** The test file beside the handler (`x.webhook.ts` → `x.webhook.test.ts`), unless one exists: it is the user's. */
export async function planWebhookTest(plan: Plan, handlerRel: string, spec: WebhookTestSpec) {
    const relPath = handlerRel.replace(/\.webhook\.ts$/, ".webhook.test.ts")
    if (plan.read(relPath) !== undefined) {
        plan.notes.push(`${relPath} exists; left as it is.`)
        return
    }
    const code = renderTemplate("webhook/handler.test.ts.ejs", {...spec})
    plan.writeFile(relPath, await formatTypeScript(code, await resolveStyle(plan, relPath)))
}
