/**
 * The webhook generator's "Next steps": what is left to do after this run, read from what the run did and from the
 * app as it is now, so that no step asks for what is done already (an id registered earlier) or skips what is not
 * (a placeholder URL left by an earlier run).
 */
import {EVENT_NAMES} from "../app-model/layout.js"
import {isJsonObject} from "../json.js"
import {findHandler} from "./app-tree.js"
import type {Plan} from "./plan.js"
import {PLACEHOLDER_REGISTER_URL, type WebhookSpec} from "./webhook.js"

export function nextSteps(spec: WebhookSpec, plan: Plan): string[] {
    const read = (relPath: string) => textAfterRun(plan, relPath)
    const steps: string[] = []
    const written = (suffix: string) => plan.changes.find((c) => c.path.endsWith(suffix))
    const handler = written(".webhook.ts")
    if (handler) steps.push(`Fill in the sync in ${handler.path} (the part marked "Sync").`)
    if (!spec.register && plan.registeredIn === undefined) {
        steps.push(
            `${spec.id} is not registered (--no-register): create it with createWebhookHandler({fileName: ${JSON.stringify(spec.id)}}) where the app registers its webhooks, or run again without --no-register.`
        )
    }
    const placeholders = EVENT_NAMES.map((name) => findHandler(plan.tree, "event", name)).filter(
        (file): file is string => file !== undefined && (read(file)?.includes(PLACEHOLDER_REGISTER_URL) ?? false)
    )
    if (placeholders.length > 0) {
        steps.push(
            `Set the third party's webhook API in ${placeholders.join(" and ")}: ${placeholders.length > 1 ? "they still call" : "it still calls"} the placeholder ${PLACEHOLDER_REGISTER_URL}.`
        )
    }
    const test = written(".webhook.test.ts")
    if (test) {
        if (!hasTestDependencies(read("package.json"))) {
            steps.push(
                "Add vitest and generator-attio-app to the app for the test: `npx attio-app test-setup --install`."
            )
        }
        steps.push(`Run the test written beside the handler: \`npx vitest run ${test.path}\`.`)
    }
    if (spec.register || plan.registeredIn !== undefined) {
        steps.push(
            "Connect the service in the Attio developer dashboard (Connections), so that connection-added receives its token.",
            "Run `attio dev` and connect the service in Attio to try it."
        )
    } else {
        steps.push("Run `attio dev` to try it once the app creates the handler.")
    }
    return steps
}

/**
 * A file's text once the plan is written (through the tree's checks: a regular file in the app, not too large);
 * undefined when there is none or it cannot be read.
 */
function textAfterRun(plan: Plan, relPath: string): string | undefined {
    try {
        return plan.read(relPath)
    } catch {
        return undefined
    }
}

/** Whether the app's package.json names what the generated test imports: vitest and generator-attio-app. */
function hasTestDependencies(manifest: string | undefined): boolean {
    let pkg: unknown
    try {
        pkg = JSON.parse((manifest ?? "").replace(/^\uFEFF/, ""))
    } catch {
        return false
    }
    if (!isJsonObject(pkg)) return false
    const names = ["dependencies", "devDependencies"].flatMap((field) => {
        const deps = pkg[field]
        return isJsonObject(deps) ? Object.keys(deps) : []
    })
    return names.includes("vitest") && names.includes("generator-attio-app")
}
