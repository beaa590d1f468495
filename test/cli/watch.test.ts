import {spawn} from "node:child_process"
import fs from "node:fs"
import path from "node:path"

import {expect, it} from "vitest"

import {PACKAGE_ROOT} from "../support/bin.js"
import {writeApp} from "../support/rule-tester.js"

const HOOK = "export default async function h(req: Request) {\n    return new Response(null)\n}\n"

it("--watch reports an edit's new finding, then its fix, and only what changed", async () => {
    const root = writeApp({
        "src/webhooks/a.webhook.ts": HOOK,
        "src/events/connection-added.event.ts": 'import {createWebhookHandler} from "attio/server"\n\nexport default async function added() {\n    await createWebhookHandler({fileName: "a"})\n}\n',
        "src/events/connection-removed.event.ts": "export default async function removed() {}\n",
    })
    const child = spawn(process.execPath, [path.join(PACKAGE_ROOT, "dist/src/cli/attio-lint.js"), "--watch"], {
        cwd: root,
        stdio: ["ignore", "pipe", "pipe"],
        env: {...process.env, NO_COLOR: "1"},
    })
    let output = ""
    child.stdout.on("data", (chunk) => (output += chunk))
    const waitFor = async (pattern: RegExp) => {
        for (let i = 0; i < 200 && !pattern.test(output); i++) await new Promise((r) => setTimeout(r, 50))
        expect(output).toMatch(pattern)
    }
    try {
        await waitFor(/✔ no problems/)
        output = ""
        fs.writeFileSync(path.join(root, "src/webhooks/a.webhook.ts"), HOOK.replace("return new Response(null)", "console.log(req)"))
        await waitFor(/error\(s\)/)
        expect(output).toMatch(/src\/webhooks\/a\.webhook\.ts\n\s+\+ 3:1\s+error\s+This webhook handler can reach its end without returning a Response.*webhook-response/)
        // Only the change is printed: the unchanged connection-added is not listed.
        expect(output).not.toContain("connection-added")
        output = ""
        fs.writeFileSync(path.join(root, "src/webhooks/a.webhook.ts"), HOOK)
        await waitFor(/✔ no problems/)
        expect(output).toMatch(/✓ fixed: This webhook handler can reach its end/)
    } finally {
        child.kill()
    }
})
