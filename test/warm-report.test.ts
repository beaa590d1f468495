import fs from "node:fs"
import os from "node:os"
import path from "node:path"

import {afterAll, beforeAll, describe, expect, it, vi} from "vitest"

import {contentHash} from "../src/app-model/sealed-file.js"
import {freshRunAttioLintHere, type LintHere} from "./support/attio-lint.js"
import {writeApp} from "./support/temp-app.js"

const HOOK = "export default async function h(req: Request) {\n    return new Response(null, {status: 200})\n}\n"
const ADDED = (...ids: string[]) =>
    'import {createWebhookHandler} from "attio/server"\n\nexport default async function added() {\n' +
    ids.map((id) => `    await createWebhookHandler({fileName: "${id}"})\n`).join("") +
    "}\n"

const roots: string[] = []
afterAll(() => {
    vi.useRealTimers()
    for (const root of roots) fs.rmSync(root, {recursive: true, force: true})
})

const cacheDir = (root: string) => path.join(root, "node_modules/.cache/attio-lint")
/** attio-lint in this process, on modules of this file's own (freshRunAttioLintHere says why). */
let run: LintHere
const lint = async (root: string, args: string[] = []) => {
    const result = await run(["--format", "json", "--debug", ...args], {cwd: root})
    const stats = JSON.parse(
        result.stderr
            .split("\n")
            .find((l) => l.startsWith("attio-lint: {"))!
            .slice("attio-lint: ".length)
    )
    return {code: result.code, output: result.stdout, stats}
}
/** What the engine says without any cache: what every warm answer must equal. */
const fresh = async (root: string, args: string[] = []) =>
    (await run(["--format", "json", "--no-cache", ...args], {cwd: root})).stdout

/** The apps of the two tests. */
let changing = ""
let single = ""
/** The cache folder of the first app after its first run. */
let firstCache: string[] = []

// A run on files changed a moment ago stores nothing: a later change in the same clock tick could go unseen (the
// times compared include ctime, which no tool can set back, so file times cannot be made older). Both apps have
// their first run; then the runs' clock is set 2.1 s later, as if they started after a wait: the run compares the
// files' times with the time it started, Date.now(), the only clock it reads.
beforeAll(async () => {
    run = await freshRunAttioLintHere()
    changing = writeApp({
        "src/app/webhooks/a.webhook.ts": HOOK,
        "src/app/webhooks/b.webhook.ts": HOOK,
        "src/app/events/connection-added.event.ts": ADDED("a", "b"),
    })
    single = writeApp({"src/app/webhooks/a.webhook.ts": HOOK})
    roots.push(changing, single)
    await lint(changing)
    firstCache = fs.readdirSync(cacheDir(changing))
    // The first run makes node_modules/.cache: a change of the app's folder, too recent to store.
    await lint(single)
    vi.setSystemTime(vi.getRealSystemTime() + 2100)
})

describe("the warm path (the last run's findings, reused while nothing changed)", () => {
    it("answers an unchanged app without the engine, and sees every kind of change", async () => {
        const root = changing
        expect(firstCache).toEqual(["facts.json"])
        await lint(root)
        expect(fs.readdirSync(cacheDir(root)).sort()).toEqual(["facts.json", "report.json"])

        // Without the facts the engine would parse every file: the warm path needs none.
        fs.rmSync(path.join(cacheDir(root), "facts.json"))
        const warm = await lint(root)
        expect(warm.stats).toMatchObject({filesParsed: 0, typescript: "none", filesScanned: 3})
        expect(warm.output).toBe(await fresh(root))
        // One staged file, a folder, and the options that change findings.
        const staged = ["src/app/webhooks/b.webhook.ts"]
        expect(await lint(root, staged)).toMatchObject({output: await fresh(root, staged), stats: {filesParsed: 0}})
        expect((await lint(root, ["src/app/events"])).output).toBe(await fresh(root, ["src/app/events"]))
        const rule = ["--rule", "webhook-filename:off"]
        expect((await lint(root, rule)).stats.filesParsed).toBe(3)

        // An edit of the same size, a new file, a settings file: each is seen at once.
        fs.writeFileSync(path.join(root, "src/app/events/connection-added.event.ts"), ADDED("a", "c"))
        const edited = await lint(root)
        expect(edited.output).toBe(await fresh(root))
        expect(edited.output).toContain("unregistered-webhook")
        fs.writeFileSync(path.join(root, "src/app/webhooks/c.webhook.ts"), HOOK)
        expect((await lint(root)).output).toBe(await fresh(root))
        fs.writeFileSync(path.join(root, "attio-lint.config.json"), '{"rules": {"unregistered-webhook": "off"}}')
        const configured = await lint(root)
        expect(configured.output).toBe(await fresh(root))
        expect(configured.output).not.toContain("unregistered-webhook")
    })

    it("a damaged report is ignored, never trusted", async () => {
        const root = single
        await lint(root)
        const file = path.join(cacheDir(root), "report.json")
        const sealed = JSON.parse(fs.readFileSync(file, "utf8"))
        const good = sealed.body
        // Sealed afresh (a right checksum), so that the shape check is what must refuse them.
        const reseal = (body: unknown) => {
            const json = JSON.stringify(body)
            return `{"schema":${sealed.schema},"key":${JSON.stringify(sealed.key)},"sum":"${contentHash(json)}","body":${json}}`
        }
        const damaged = [
            "not json",
            reseal({...good, results: [{filePath: 5}]}),
            reseal({...good, stamps: {[root]: "x"}}),
            reseal({...good, results: [{...good.results[0], messages: [{ruleId: "x"}]}]}),
            // Valid JSON of the right shape with one finding dropped: only the checksum tells.
            JSON.stringify({...sealed, body: {...good, results: []}}),
        ]
        // A location that cannot be written (here no folder at all) only costs speed.
        const unwritable = await run(["--cache-location", "/dev/null/x"], {cwd: root})
        expect(unwritable).toMatchObject({code: 0, stderr: ""})
        // A report.json that is not attio-lint's, at a location the user chose, is left as it is.
        const chosen = fs.mkdtempSync(path.join(os.tmpdir(), "attio-lint-chosen-"))
        roots.push(chosen)
        fs.writeFileSync(path.join(chosen, "report.json"), "my own report")
        expect((await run(["--cache-location", chosen], {cwd: root})).code).toBe(0)
        expect(fs.readFileSync(path.join(chosen, "report.json"), "utf8")).toBe("my own report")
        // The app does not change: one run without the cache is what each answer must equal.
        const expected = await fresh(root)
        for (const text of damaged) {
            fs.writeFileSync(file, text)
            const report = await lint(root)
            expect(report.code).toBe(0)
            expect(report.output).toBe(expected)
        }
    })
})
