import path from "node:path"

import {describe, expect, it} from "vitest"

import {lint} from "../src/index.js"
import {PACKAGE_ROOT} from "./support/bin.js"
import {writeApp} from "./support/rule-tester.js"

describe("the programmatic API", () => {
    it("lints both example apps with no findings, and without building a type checker", async () => {
        for (const example of ["documented-layout", "app-layout"]) {
            const report = await lint({cwd: path.join(PACKAGE_ROOT, "examples", example)})
            expect(report.results.flatMap((r) => r.messages)).toEqual([])
            expect(report.results.length).toBeGreaterThan(2)
            expect(report.stats.filesParsed).toBeGreaterThan(2)
            // Plain handlers are decided from syntax alone: the syntactic path stays checker-free.
            expect(report.stats.typeCheckedFiles).toEqual([])
        }
    })

    it("builds type information only for the file that needs it", async () => {
        const root = writeApp({
            "src/webhooks/a.webhook.ts": "export default async function h(req: Request) {\n    return new Response(null)\n}\n",
            "src/events/connection-added.event.ts":
                'import {createWebhookHandler} from "attio/server"\n\nfunction pick(): "a" | "b" {\n    return "a"\n}\n\nexport default async function added() {\n    await createWebhookHandler({fileName: pick()})\n}\n',
        })
        const report = await lint({cwd: root})
        expect(report.stats.typeCheckedFiles).toEqual([path.join(root, "src/events/connection-added.event.ts")])
        const messages = report.results.flatMap((r) => r.messages.map((m) => m.ruleId))
        // "b" names no handler: the union was resolved value by value.
        expect(messages).toContain("webhook-filename")
        expect(messages).not.toContain("dynamic-filename")
    })

    it("a test file beside handlers is no call site", async () => {
        const root = writeApp({
            "src/webhooks/a.webhook.ts": "export default async function h(req: Request) {\n    return new Response(null)\n}\n",
            "src/events/connection-added.event.test.ts":
                'import {createWebhookHandler} from "attio/server"\n\nawait createWebhookHandler({fileName: "a"})\n',
        })
        const report = await lint({cwd: root})
        expect(report.results.flatMap((r) => r.messages.map((m) => m.ruleId))).toEqual(["unregistered-webhook"])
    })
})

describe("what belongs to the app", () => {
    it("src/lib is source (only top-level lib/, dist/, build/ are build output); node_modules never is", async () => {
        const root = writeApp({
            "src/lib/hooks.ts": 'export const HOOK = "a"\n',
            "src/webhooks/a.webhook.ts": "export default async function h(req: Request) {\n    return new Response(null)\n}\n",
            "src/events/connection-added.event.ts":
                'import {createWebhookHandler} from "attio/server"\nimport {HOOK} from "../lib/hooks"\n\nexport default async function added() {\n    await createWebhookHandler({fileName: HOOK})\n}\n',
            "src/events/connection-removed.event.ts": "export default async function removed() {}\n",
            "lib/webhooks/stale.webhook.js": "export default 1\n",
            "src/node_modules/x/y.webhook.ts": "export default 1\n",
        })
        const report = await lint({cwd: root})
        expect(report.results.flatMap((r) => r.messages)).toEqual([])
        expect(report.stats.typeCheckedFiles).toEqual([])
    })
})
