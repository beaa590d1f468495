/** Files and folders deleted while a run reads them are skipped quietly: no internal error, no false "cannot be read". */
import {spawn} from "node:child_process"
import fs from "node:fs"
import path from "node:path"

import {expect, it} from "vitest"

import {AppAnalysis} from "../src/app-model/analysis.js"
import {App} from "../src/app-model/app.js"
import {discover} from "../src/app-model/discovery.js"
import {RULES} from "../src/lint/rules/index.js"
import {runRules} from "../src/lint/runner.js"
import {runAttioLintHere} from "./support/attio-lint.js"
import {writeApp} from "./support/temp-app.js"

const HOOK = "export default async function h(req: Request) {\n    return new Response(null)\n}\n"

it("a handler and a folder of handlers deleted after the walk listed them give no finding", async () => {
    const root = writeApp({
        "src/webhooks/kept.webhook.ts": HOOK,
        "src/webhooks/gone.webhook.ts": HOOK,
        "src/webhooks/crm/deal.webhook.ts": HOOK,
        "src/events/connection-added.event.ts":
            'import {createWebhookHandler} from "attio/server"\n\nexport default async function added() {\n    await createWebhookHandler({fileName: "kept"})\n}\n',
    })
    try {
        const {files} = await discover(root)
        fs.rmSync(path.join(root, "src/webhooks/gone.webhook.ts"))
        fs.rmSync(path.join(root, "src/webhooks/crm"), {recursive: true})
        const app = new App(root, files)
        const analysis = new AppAnalysis(app)
        const found: string[] = []
        runRules(
            app,
            analysis,
            RULES,
            () => true,
            (rule, file) => found.push(`${file.rel} ${rule.meta.id}`)
        )
        expect(found.filter((f) => f.includes("parse-error"))).toEqual([])
    } finally {
        fs.rmSync(root, {recursive: true, force: true})
    }
})

it.skipIf(process.platform === "win32")(
    "runs while folders and handlers are created and deleted end without internal errors",
    {timeout: 120_000},
    async () => {
        const root = writeApp({"src/webhooks/kept.webhook.ts": HOOK})
        // A churn of handlers and folders (what a git checkout or a generator does) beside the runs. Each file is
        // written whole and renamed into place, as the generators write: a half-written handler is a real finding.
        const churn = spawn(
            process.execPath,
            [
                "-e",
                `const fs = require("fs"), p = require("path"), d = p.join(process.argv[1], "src/webhooks")
            for (let i = 0; ; i++) {
                const dir = p.join(d, "n" + (i % 3), "deep")
                fs.mkdirSync(dir, {recursive: true})
                const put = (file) => (fs.writeFileSync(file + ".tmp", ${JSON.stringify(HOOK)}), fs.renameSync(file + ".tmp", file))
                put(p.join(dir, "x.webhook.ts"))
                put(p.join(d, "t" + (i % 5) + ".webhook.ts"))
                fs.rmSync(p.join(d, "n" + ((i + 1) % 3)), {recursive: true, force: true})
                fs.rmSync(p.join(d, "t" + ((i + 2) % 5) + ".webhook.ts"), {force: true})
            }`,
                root,
            ],
            {stdio: "ignore"}
        )
        try {
            for (let i = 0; i < 6; i++) {
                // In this process: the churn's other side is the files, not the process (an internal error is on stderr).
                const r = await runAttioLintHere(["--format", "json", "--rule", "unregistered-webhook:off"], {
                    cwd: root,
                })
                expect(r.stderr).toBe("")
                expect(r.code).toBe(0)
                expect(r.stdout).not.toMatch(/cannot be read|does not exist|dangling/)
            }
        } finally {
            churn.kill()
            await new Promise((resolve) => churn.once("exit", resolve))
            fs.rmSync(root, {recursive: true, force: true})
        }
    }
)
