/**
 * What makes each rule's finding a problem, as the platform shows it. A finding is confirmed by the first of its
 * rule's kinds that the platform shows for the finding's file:
 * - build: `attio build` fails with an error in that file (tsc, esbuild, or the duplicate-id check);
 * - runtime: a dispatched event or request fails in that handler, or with that file's code on the stack (a throw,
 *   "Default export not found", "does not export a function", no Response so the platform answers 500);
 * - ignored: the file's code never runs as a handler: the build did not bundle it, or bundled it under an id the
 *   platform never calls (an event other than connection-added/-removed, a webhook no createWebhookHandler created);
 * - contract: the platform builds and runs it, but the documented handler contract says otherwise.
 * A finding whose rule does not accept what the platform showed is contradicted.
 */
import type {RunResult} from "./platform.js"

export type Confirmation = "build" | "runtime" | "ignored" | "contract"

export interface RulePolicy {
    accepts: Confirmation[]
    /**
     * For a rule whose findings the contract confirms only when the bundle bears them out: the evidence, or undefined
     * when the platform contradicts the finding. Without it, a finding on code that built and ran is the contract's.
     */
    contractEvidence?: (message: string, run: RunResult) => string | undefined
    /** Why the rule's findings are problems: the platform behaviour behind it. */
    reason: string
}

export const POLICIES: Record<string, RulePolicy> = {
    "parse-error": {accepts: ["build"], reason: "tsc (for .ts) or esbuild (for .js) rejects the file: the build fails"},
    "webhook-location": {
        accepts: ["ignored"],
        reason: "the build only discovers `*.webhook.{ts,js}` under src/webhooks and src/app/webhooks: the file is never deployed",
    },
    "event-location": {
        accepts: ["ignored"],
        reason: "the build only discovers `*.event.{ts,js}` under src/events and src/app/events: the file is never deployed",
    },
    "event-name": {
        accepts: ["ignored"],
        reason: "the file is bundled under an id the platform never calls (only connection-added and connection-removed exist)",
    },
    "duplicate-handler-id": {
        accepts: ["build", "contract"],
        reason: "the build rejects two handler files with one id; ids that differ only by letter case build on Linux but collide in macOS and Windows checkouts (contract)",
    },
    "default-export": {
        accepts: ["build", "runtime"],
        reason: 'a re-exported default that does not exist fails tsc; otherwise the dispatcher throws "Default export not found" or "does not export a function" when the handler is called',
    },
    "async-handler": {
        accepts: ["runtime", "contract"],
        reason: "documented contract: handlers are `async` functions (the runtime awaits whatever the handler returns, so only a wrong result fails)",
    },
    "webhook-signature": {
        accepts: ["build", "runtime", "contract"],
        reason: "documented contract `(req: Request): Promise<Response>`; a handler that answers no Response gets a 500",
    },
    "webhook-response": {
        accepts: ["build", "runtime"],
        reason: "a path without a Response fails tsc (TS7030, noImplicitReturns in the template) or makes the platform answer 500",
    },
    "event-signature": {
        accepts: ["build", "runtime", "contract"],
        reason: "documented contract `({connection}: {connection: Connection})`: the platform passes one object with a connection",
    },
    "webhook-filename": {
        accepts: ["build", "runtime", "contract"],
        reason: "createWebhookHandler with a fileName that names no bundled handler fails when connection-added runs, so the connection is not saved (contract: the bundle has no such handler, on a path the stub did not take)",
        contractEvidence(message, run) {
            const fileName = /fileName "([^"]*)"/.exec(message)?.[1]
            if (fileName === undefined || run.webhookIds.includes(fileName)) return undefined
            return `the bundle has no webhook handler "${fileName}": createWebhookHandler fails wherever this call runs`
        },
    },
    "dynamic-filename": {
        accepts: ["runtime", "contract"],
        reason: "a fileName that is not statically known cannot be checked against the handler ids (warning); it fails at run time when it names no handler",
    },
    "unregistered-webhook": {
        accepts: ["ignored"],
        reason: "a webhook handler that no createWebhookHandler call creates has no URL: it is never called (warning; a handler the stub saw created contradicts it)",
    },
    "missing-cleanup": {
        accepts: ["contract"],
        reason: "documented contract: webhooks registered in connection-added stay registered when the connection is removed unless connection-removed deletes them (warning)",
    },
    "deprecated-attio-fetch": {
        accepts: ["build"],
        reason: "attio 1.0 declares attioFetch as `never`: any call is a type error and the build fails",
    },
    "client-import": {
        accepts: ["build"],
        reason: "a value import of attio/client in server code does not resolve in the server bundle: the build fails",
    },
}
