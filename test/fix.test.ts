import fs from "node:fs"
import os from "node:os"
import path from "node:path"

import {describe, expect, it} from "vitest"

import {lint} from "../src/index.js"
import {writeFixes} from "../src/lint/fix.js"
import type {LintReport} from "../src/lint/types.js"
import {runBin} from "./support/bin.js"
import {runAttioLintHere} from "./support/attio-lint.js"
import {writeApp} from "./support/temp-app.js"

const HOOK = "export default async function h(req: Request) {\n    return new Response(null)\n}\n"
const read = (root: string, rel: string) => fs.readFileSync(path.join(root, rel), "utf8")

describe("--fix", () => {
    it("a fileName carrying the suffix or a root folder becomes the bare id, formatting kept", async () => {
        const added =
            "import {createWebhookHandler} from 'attio/server';\n\n" +
            "export default async function added() {\n" +
            "\tawait createWebhookHandler({ fileName: 'crm/deal.webhook.ts' }); // the deal hook\n" +
            '\tawait createWebhookHandler({fileName: "src/app/webhooks/lead"})\n' +
            "}\n"
        const root = writeApp({
            "src/app/webhooks/crm/deal.webhook.ts": HOOK,
            "src/app/webhooks/lead.webhook.ts": HOOK,
            "src/app/events/connection-added.event.ts": added,
            "src/app/events/connection-removed.event.ts": "export default async function removed() {}\n",
        })
        const report = await lint({cwd: root, fix: true})
        expect(report.errorCount).toBe(0)
        expect(report.stats.fixedFiles).toEqual([path.join(root, "src/app/events/connection-added.event.ts")])
        expect(read(root, "src/app/events/connection-added.event.ts")).toBe(
            added.replace("'crm/deal.webhook.ts'", "'crm/deal'").replace('"src/app/webhooks/lead"', '"lead"')
        )
    })

    it("follows the module graph: a call through a re-export module, and `async` where a re-exported handler is defined", async () => {
        const register =
            'import {make} from "../platform/index.js"\n\nexport async function register() {\n    await make({fileName: "deal.webhook.ts"})\n}\n'
        const impl = "export default function impl(req: Request) {\n    return new Response(null)\n}\n"
        const root = writeApp({
            "src/webhooks/deal.webhook.ts": 'export {default} from "../handlers/deal.js"\n',
            "src/handlers/deal.ts": impl,
            "src/platform/index.ts": 'export * from "./sdk.js"\n',
            "src/platform/sdk.ts": 'export {createWebhookHandler as make} from "attio/server"\n',
            "src/server/register.ts": register,
            "src/events/connection-added.event.ts":
                'import {register} from "../server/register.js"\n\nexport default async function added() {\n    await register()\n}\n',
        })
        const report = await lint({cwd: root, fix: true, rules: {"missing-cleanup": "off"}})
        expect(report.errorCount).toBe(0)
        expect(read(root, "src/server/register.ts")).toBe(register.replace('"deal.webhook.ts"', '"deal"'))
        expect(read(root, "src/handlers/deal.ts")).toBe(impl.replace("function", "async function"))
        expect(read(root, "src/webhooks/deal.webhook.ts")).toBe('export {default} from "../handlers/deal.js"\n')
    })

    it("does not make a re-exported handler async when another module imports it (its caller would get a Promise)", async () => {
        const impl = "export default function impl(req: Request) {\n    return new Response(null)\n}\n"
        const root = writeApp({
            "src/webhooks/deal.webhook.ts": 'export {default} from "../handlers/deal.js"\n',
            "src/handlers/deal.ts": impl,
            "src/handlers/status.ts":
                'import deal from "./deal.js"\n\nexport const status = (req: Request) => deal(req).status\n',
        })
        const report = await lint({cwd: root, fix: true, rules: {"unregistered-webhook": "off"}})
        expect(read(root, "src/handlers/deal.ts")).toBe(impl)
        expect(report.results.flatMap((r) => r.messages.map((m) => [m.ruleId, m.fix]))).toEqual([
            ["async-handler", undefined],
        ])
    })

    it("a webhook handler that returns Responses gets `async`, in every function form", async () => {
        const root = writeApp({
            "src/webhooks/a.webhook.ts":
                "export default function a(req: Request) {\n    return new Response(null)\n}\n",
            "src/webhooks/b.webhook.ts": "const b = (req: Request) => Response.json({ok: true})\nexport default b\n",
            "src/webhooks/c.webhook.ts":
                "export   default /* keep */ function (req: Request) {\n    return new Response(null)\n}\n",
        })
        await lint({cwd: root, fix: true, rules: {"unregistered-webhook": "off"}})
        expect(read(root, "src/webhooks/a.webhook.ts")).toBe(
            "export default async function a(req: Request) {\n    return new Response(null)\n}\n"
        )
        expect(read(root, "src/webhooks/b.webhook.ts")).toBe(
            "const b = async (req: Request) => Response.json({ok: true})\nexport default b\n"
        )
        expect(read(root, "src/webhooks/c.webhook.ts")).toBe(
            "export   default /* keep */ async function (req: Request) {\n    return new Response(null)\n}\n"
        )
    })

    it("edits files in place: through a symlink, keeping the mode, never a file in another encoding", async () => {
        const broken = "export default function h(req: Request) {\n    return new Response(null)\n}\n"
        const root = writeApp({
            "shared/real.ts": broken,
            "src/webhooks/mode.webhook.ts": broken,
            "src/webhooks/latin1.webhook.ts": "",
            "src/webhooks/bom-crlf.webhook.ts": `\uFEFF${broken.replaceAll("\n", "\r\n")}`,
        })
        fs.symlinkSync(path.join(root, "shared/real.ts"), path.join(root, "src/webhooks/linked.webhook.ts"))
        fs.chmodSync(path.join(root, "src/webhooks/mode.webhook.ts"), 0o600)
        // "café" in Latin-1: not UTF-8, so reading it replaced the é and writing would lose it.
        const latin1 = Buffer.from(broken.replace("null", '"caf\xe9"'), "latin1")
        fs.writeFileSync(path.join(root, "src/webhooks/latin1.webhook.ts"), latin1)

        const report = await lint({cwd: root, fix: true, rules: {"unregistered-webhook": "off"}})
        const fixedText = broken.replace("function", "async function")
        expect(fs.lstatSync(path.join(root, "src/webhooks/linked.webhook.ts")).isSymbolicLink()).toBe(true)
        expect(read(root, "shared/real.ts")).toBe(fixedText)
        expect(read(root, "src/webhooks/mode.webhook.ts")).toBe(fixedText)
        expect(fs.statSync(path.join(root, "src/webhooks/mode.webhook.ts")).mode & 0o777).toBe(0o600)
        expect(read(root, "src/webhooks/bom-crlf.webhook.ts")).toBe(`\uFEFF${fixedText.replaceAll("\n", "\r\n")}`)
        expect(fs.readFileSync(path.join(root, "src/webhooks/latin1.webhook.ts"))).toEqual(latin1)
        expect(
            report.results.find((r) => r.filePath.endsWith("latin1.webhook.ts"))?.messages.map((m) => m.ruleId)
        ).toEqual(["async-handler"])
        expect(fs.readdirSync(path.join(root, "src/webhooks")).filter((f) => f.includes("tmp"))).toEqual([])
    })

    it("counts positions from after a byte order mark, as ESLint does", async () => {
        const text = "export default function h(req: Request) {\n    return new Response(null)\n}\n"
        const root = writeApp({"src/webhooks/plain.webhook.ts": text, "src/webhooks/bom.webhook.ts": `\uFEFF${text}`})
        const report = await lint({cwd: root, rules: {"unregistered-webhook": "off"}})
        const [bom, plain] = report.results.map((r) =>
            r.messages.map(({line, column, endLine, endColumn, fix}) => ({line, column, endLine, endColumn, fix}))
        )
        expect(plain).toHaveLength(1)
        expect(bom).toEqual(plain)
    })

    it("is not offered where `async` would change behaviour or contradict a declared type", async () => {
        const files = {
            "src/webhooks/declared.webhook.ts":
                "export default function h(req: Request): Response {\n    return new Response(null)\n}\n",
            // Returns a Promise syntax cannot see (a bare `return fetch(req)` passes async-handler: the platform awaits it).
            "src/webhooks/forwards.webhook.ts":
                "export default function h(req: Request) {\n    return forward(req)\n}\n\nasync function forward(req: Request) {\n    return fetch(req)\n}\n",
            "src/webhooks/called.webhook.ts":
                'function h(req: Request) {\n    return new Response("ok")\n}\n\nexport function statusOf(req: Request) {\n    return h(req).status\n}\n\nexport default h\n',
            "src/webhooks/exported.webhook.ts":
                "const h = (req: Request) => new Response(null)\n\nexport {h, h as default}\n",
        }
        const root = writeApp(files)
        const report = await lint({cwd: root, fix: true, rules: {"unregistered-webhook": "off"}})
        expect(report.results.flatMap((r) => r.messages.filter((m) => m.ruleId === "async-handler"))).toHaveLength(4)
        for (const [rel, text] of Object.entries(files)) expect(read(root, rel)).toBe(text)
    })

    it("a mistyped fileName with one close match is a suggestion, never applied", async () => {
        const added =
            'import {createWebhookHandler} from "attio/server"\n\nexport default async function added() {\n    await createWebhookHandler({fileName: "prospect-update"})\n    await createWebhookHandler({fileName: "deal-x"})\n}\n'
        const root = writeApp({
            "src/webhooks/prospect-updated.webhook.ts": HOOK,
            "src/webhooks/deal-a.webhook.ts": HOOK,
            "src/webhooks/deal-b.webhook.ts": HOOK,
            "src/events/connection-added.event.ts": added,
        })
        const report = await lint({cwd: root, fix: true})
        expect(read(root, "src/events/connection-added.event.ts")).toBe(added)
        const messages = report.results.flatMap((r) => r.messages.filter((m) => m.ruleId === "webhook-filename"))
        expect(messages).toHaveLength(2)
        expect(messages[0].suggestions).toEqual([
            {
                desc: 'Change the fileName to "prospect-updated"',
                fix: {
                    range: [added.indexOf('"prospect-update"'), added.indexOf('"prospect-update"') + 17],
                    text: '"prospect-updated"',
                },
            },
        ])
        // Two ids are equally close: nothing is suggested.
        expect(messages[1].suggestions).toBeUndefined()
        expect(messages[1].fix).toBeUndefined()
    })

    it("a fix is never written when the result would not parse", () => {
        const root = writeApp({"src/x.ts": "const a = 1\n"})
        const file = path.join(root, "src/x.ts")
        const report = {
            results: [
                {
                    filePath: file,
                    source: "const a = 1\n",
                    messages: [{fix: {range: [6, 7], text: "("}}],
                },
            ],
        } as unknown as LintReport
        expect(writeFixes(report)).toEqual([])
        expect(fs.readFileSync(file, "utf8")).toBe("const a = 1\n")
    })

    it.skipIf(process.platform === "win32")(
        "never writes through a link that points out of the app or nowhere by the time it writes",
        () => {
            const text = "export default function h(req: Request) {\n    return new Response(null)\n}\n"
            const root = writeApp({"src/webhooks/h.webhook.ts": text})
            const outside = fs.mkdtempSync(path.join(os.tmpdir(), "attio-lint-outside-"))
            const file = path.join(root, "src/webhooks/h.webhook.ts")
            // The report was made on the file; then it became a link (a checkout, an attacker) before the write.
            const report = {
                results: [{filePath: file, source: text, messages: [{fix: {range: [15, 15], text: "async "}}]}],
            } as unknown as LintReport
            try {
                fs.writeFileSync(path.join(outside, "victim.ts"), text)
                fs.rmSync(file)
                fs.symlinkSync(path.join(outside, "victim.ts"), file)
                expect(() => writeFixes(report)).toThrow(
                    /cannot write the fix to .*h\.webhook\.ts: it links to .*victim\.ts, outside the app/
                )
                expect(fs.readFileSync(path.join(outside, "victim.ts"), "utf8")).toBe(text)
                fs.rmSync(file)
                fs.symlinkSync(path.join(root, "gone.ts"), file)
                expect(() => writeFixes(report)).toThrow(/it is a dangling link/)
                expect(fs.existsSync(path.join(root, "gone.ts"))).toBe(false)
                // Deleted since it was linted: nothing to write, and no error.
                fs.rmSync(file)
                expect(writeFixes(report)).toEqual([])
            } finally {
                fs.rmSync(outside, {recursive: true, force: true})
                fs.rmSync(root, {recursive: true, force: true})
            }
        }
    )

    it("the CLI's --fix reports only what remains and exits 0 when all is fixed", async () => {
        const root = writeApp({
            "src/webhooks/a.webhook.ts":
                "export default function a(req: Request) {\n    return new Response(null)\n}\n",
            "src/events/connection-added.event.ts":
                'import {createWebhookHandler} from "attio/server"\n\nexport default async function added() {\n    await createWebhookHandler({fileName: "a.webhook.ts"})\n}\n',
            "src/events/connection-removed.event.ts": "export default async function removed() {}\n",
        })
        const before = await runAttioLintHere(["--format", "json"], {cwd: root})
        expect(before.code).toBe(1)
        const fixable = JSON.parse(before.stdout).reduce(
            (n: number, r: {fixableErrorCount: number}) => n + r.fixableErrorCount,
            0
        )
        expect(fixable).toBe(2)
        const r = runBin("attio-lint", ["--fix"], {cwd: root})
        expect(r).toMatchObject({code: 0, stdout: ""})
        expect(read(root, "src/events/connection-added.event.ts")).toContain('{fileName: "a"}')
    })
})
