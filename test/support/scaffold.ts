/**
 * The scaffolding as built, planned and written in the test's process by the code the `attio-app` bin runs (its
 * generators write the plan's files as they are): for tests about the files, which need no new process per file.
 * Node loads dist/ as it is, where the test runner would transform each module of the scaffolding and the app model
 * from src/ first.
 */
import path from "node:path"

import type {EventName} from "../../src/app-model/layout.js"
import type {WebhookSpec} from "../../src/scaffold/webhook.js"
import {PACKAGE_ROOT} from "./bin.js"

/** A module of the build, by its path under dist/src. */
export const built = <T>(rel: string): Promise<T> => import(path.join(PACKAGE_ROOT, "dist/src", rel))

const [{inspectApp}, {PLACEHOLDER_REGISTER_URL, planWebhook}, {planEvent}] = await Promise.all([
    built<typeof import("../../src/scaffold/app-tree.js")>("scaffold/app-tree.js"),
    built<typeof import("../../src/scaffold/webhook.js")>("scaffold/webhook.js"),
    built<typeof import("../../src/scaffold/event.js")>("scaffold/event.js"),
])

/** A webhook as `attio-app webhook <id> --yes` writes it (the spec's other fields as its options give them). */
export async function writeWebhook(root: string, spec: Partial<WebhookSpec> & {id: string}) {
    const plan = await planWebhook(inspectApp(root), {
        event: spec.id,
        registerUrl: PLACEHOLDER_REGISTER_URL,
        register: true,
        ...spec,
    })
    plan.tree.commit()
    return plan
}

/** An event handler as `attio-app event <name>` writes it. */
export async function writeEvent(root: string, name: EventName) {
    const plan = await planEvent(inspectApp(root), name)
    plan.tree.commit()
    return plan
}
