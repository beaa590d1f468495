/**
 * docs/eslint.md on a copy of attio@1.0.4's app template, with the template's own ESLint, plugins and prettier
 * (installed as its package.json lists them): the doc's edit applies to the real eslint.config.js, the template's
 * `npm run lint` then runs attio-lint's rules, and the doc's whole file is that same configuration, formatted.
 * The edit and the file are read from the doc, so that the doc cannot drift from what is tested.
 */
import {spawn} from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"

import {afterAll, beforeAll, describe, expect, it} from "vitest"

import {attioNodeModules, templateNodeModules} from "../support/attio-sdk.js"
import {PACKAGE_ROOT} from "../support/bin.js"

const DOC = fs.readFileSync(path.join(PACKAGE_ROOT, "docs/eslint.md"), "utf8")
const blocks = (lang: string) =>
    [...DOC.matchAll(/^```(\w+)\n([\s\S]*?)^```$/gm)].filter(([, l]) => l === lang).map(([, , text]) => text)

/** The doc's edit: each `- text` line, then the `+ text` line that replaces it. */
function documentedEdits(): [string, string][] {
    const [diff] = blocks("diff")
    const lines = diff.trimEnd().split("\n")
    return Array.from({length: lines.length / 2}, (_, i) => {
        const [from, to] = [lines[2 * i], lines[2 * i + 1]]
        if (!from.startsWith("- ") || !to.startsWith("+ "))
            throw new Error(`docs/eslint.md: not a -/+ pair: ${from} / ${to}`)
        return [from.slice(2), to.slice(2)]
    })
}

const HOOK =
    "export default async function handler(req: Request): Promise<Response> {\n    if (req.body) return new Response(null)\n}\n"
const SERVER =
    'import {showToast} from "attio/client"\n\nexport {confirm} from "attio/client"\n\nexport default async function sync() {\n    await showToast({title: "Synced", variant: "success"})\n}\n'

const temp = fs.mkdtempSync(path.join(os.tmpdir(), "attio-eslint-doc-"))
const root = path.join(temp, "app")
afterAll(() => fs.rmSync(temp, {recursive: true, force: true}))

function run(args: string[]): Promise<{code: number | null; stdout: string; stderr: string}> {
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, args, {
            cwd: root,
            stdio: ["ignore", "pipe", "pipe"],
            env: {...process.env, NO_COLOR: "1"},
        })
        let stdout = ""
        let stderr = ""
        child.stdout.on("data", (chunk: Buffer) => (stdout += chunk))
        child.stderr.on("data", (chunk: Buffer) => (stderr += chunk))
        child.on("error", reject)
        child.on("close", (code) => resolve({code, stdout, stderr}))
    })
}

describe("docs/eslint.md on attio@1.0.4's app template", () => {
    let realConfig = ""

    beforeAll(async () => {
        const sdk = await attioNodeModules("1.0.4")
        const template = await templateNodeModules("1.0.4")
        fs.cpSync(path.join(sdk, "attio/dist/template"), root, {recursive: true})
        realConfig = fs.readFileSync(path.join(root, "eslint.config.js"), "utf8")
        // The template's packages, the SDK, and attio-lint as `npm install` of its tarball would add it.
        const links = new Map<string, string>()
        for (const dir of [sdk, template])
            for (const entry of fs.readdirSync(dir)) links.set(entry, path.join(dir, entry))
        links.set("attio", path.join(sdk, "attio"))
        links.set("attio-lint", path.join(PACKAGE_ROOT, "packages/attio-lint"))
        fs.mkdirSync(path.join(root, "node_modules"))
        for (const [entry, target] of links) fs.symlinkSync(target, path.join(root, "node_modules", entry), "dir")
        fs.mkdirSync(path.join(root, "src/app/webhooks"), {recursive: true})
        fs.writeFileSync(path.join(root, "src/app/webhooks/lead.webhook.ts"), HOOK)
        fs.writeFileSync(path.join(root, "src/app/sync.server.ts"), SERVER)
    }, 300_000)

    it("the edit applies to the real eslint.config.js, and the template's npm run lint runs attio-lint's rules", async () => {
        let edited = realConfig
        for (const [from, to] of documentedEdits()) {
            expect(edited.split(from), from).toHaveLength(2)
            edited = edited.replace(from, to)
        }
        fs.writeFileSync(path.join(root, "eslint.config.js"), edited)
        const {code, stdout, stderr} = await run(["node_modules/eslint/bin/eslint.js", "--format", "json"])
        expect(stderr).toBe("")
        const found = (
            JSON.parse(stdout) as {filePath: string; messages: {line: number; column: number; ruleId: string}[]}[]
        ).flatMap((r) => r.messages.map((m) => `${path.relative(root, r.filePath)} ${m.line}:${m.column} ${m.ruleId}`))
        // The template's own files stay clean; the import in a .server.ts file is reported once, by Attio's rule.
        expect(found).toEqual([
            "src/app/sync.server.ts 1:1 attio/attio-client-import",
            "src/app/sync.server.ts 3:1 attio-lint/client-import",
            "src/app/webhooks/lead.webhook.ts 2:5 attio-lint/webhook-response",
        ])
        expect(code).toBe(1)
    })

    it("the whole file is the same configuration as the edited real one, and passes the template's prettier --check", async () => {
        const [documented] = blocks("js")
        fs.writeFileSync(path.join(root, "eslint.documented.js"), documented)
        const {stdout} = await run([
            "--input-type=module",
            "-e",
            `import {ESLint} from "eslint"
            const shape = async (overrideConfigFile) => {
                const config = await new ESLint({overrideConfigFile}).calculateConfigForFile("src/app/webhooks/lead.webhook.ts")
                return {rules: config.rules, plugins: Object.keys(config.plugins).sort(), settings: config.settings}
            }
            console.log(JSON.stringify([await shape("eslint.config.js"), await shape("eslint.documented.js")]))`,
        ])
        const [edited, whole] = JSON.parse(stdout)
        expect(whole.plugins).toContain("attio-lint")
        expect(whole.rules["attio-lint/webhook-response"]).toEqual([2])
        expect(whole).toEqual(edited)
        const prettier = await run(["node_modules/prettier/bin/prettier.cjs", "--check", "eslint.documented.js"])
        expect(prettier).toMatchObject({code: 0, stderr: ""})
    })
})
