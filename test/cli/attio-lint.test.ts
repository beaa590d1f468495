import {spawn, spawnSync} from "node:child_process"
import fs from "node:fs"
import path from "node:path"

import {describe, expect, it, vi} from "vitest"

import {PACKAGE_ROOT, runBin} from "../support/bin.js"
import {ESLINT_RESULT_KEYS} from "../support/eslint-json.js"
import {freshRunAttioLintHere, runAttioLintHere} from "../support/attio-lint.js"
import {tempDir, writeApp} from "../support/temp-app.js"

/** In this process (runAttioLint): for what is not the process's wiring. */
const lint = (args: string[], cwd: string) => runAttioLintHere(args, {cwd})
/** The built bin in a process of its own: for the wiring (exit codes, streams, the working folder, --help). */
const spawned = (args: string[], cwd: string, env?: Record<string, string>) => runBin("attio-lint", args, {cwd, env})

const CONNECTION = 'import {type Connection, createWebhookHandler} from "attio/server"\n'
const GOOD_HOOK =
    "export default async function handler(req: Request): Promise<Response> {\n    await req.text()\n    return new Response(null, {status: 200})\n}\n"
const REMOVED =
    'import {deleteWebhookHandler, listWebhookHandlers} from "attio/server"\n\nexport default async function connectionRemoved() {\n    for (const h of await listWebhookHandlers()) {\n        try {\n            await deleteWebhookHandler(h.id)\n        } catch (error) {\n            console.error(error)\n        }\n    }\n}\n'
const added = (...fileNames: string[]) =>
    CONNECTION +
    "\nexport default async function connectionAdded({connection}: {connection: Connection}) {\n    console.log(connection.id)\n" +
    fileNames.map((f) => `    await createWebhookHandler({fileName: "${f}"})\n`).join("") +
    "}\n"

/** A clean app, plus a typo in connection-added, plus a handler with no Response on one path. */
function brokenApp(): string {
    return writeApp({
        "src/webhooks/prospect-updated.webhook.ts": GOOD_HOOK,
        "src/webhooks/lead.webhook.ts":
            "export default async function handler(req: Request) {\n    if (req.body) return new Response(null)\n}\n",
        "src/events/connection-added.event.ts": added("prospect-update", "lead", "prospect-updated"),
        "src/events/connection-removed.event.ts": REMOVED,
    })
}

function cleanApp(): string {
    return writeApp({
        "src/app/webhooks/prospect-updated.webhook.ts": GOOD_HOOK,
        "src/app/events/connection-added.event.ts": added("prospect-updated"),
        "src/app/events/connection-removed.event.ts": REMOVED,
    })
}

describe("exit codes", () => {
    it("0 and no output for a clean app", () => {
        const r = spawned([], cleanApp())
        expect(r).toMatchObject({code: 0, stdout: "", stderr: ""})
    })

    it("1 when errors are found, with stylish output grouped by file", () => {
        const r = spawned([], brokenApp())
        expect(r.code).toBe(1)
        expect(r.stdout).toContain("src/events/connection-added.event.ts")
        expect(r.stdout).toMatch(
            /5:\d+\s+error\s+fileName "prospect-update" names no webhook handler.*webhook-filename/
        )
        expect(r.stdout).toContain('hint: Did you mean "prospect-updated"?')
        expect(r.stdout).toContain("> 5 |")
        expect(r.stdout).toContain("✖ 2 problems (2 errors, 0 warnings)")
        expect(r.stdout).not.toMatch(/\u001b\[/)
        expect(r.stderr).toBe("")
    })

    it("0 with warnings only, 1 when they exceed --max-warnings", async () => {
        const root = writeApp({
            "src/webhooks/a.webhook.ts": GOOD_HOOK,
            "src/events/connection-added.event.ts": added("a"),
        })
        const warned = await lint([], root)
        expect(warned.code).toBe(0)
        expect(warned.stdout).toContain("missing-cleanup")
        const strict = await lint(["--max-warnings", "0"], root)
        expect(strict.code).toBe(1)
        expect(strict.stderr).toContain("too many warnings")
        expect((await lint(["--max-warnings", "1"], root)).code).toBe(0)
        expect((await lint(["--quiet"], root)).stdout).toBe("")
    })

    it("2 with one line and no stack for usage errors", async () => {
        const root = cleanApp()
        const stderr = new Map<string, string>()
        for (const args of [
            ["--format", "xml"],
            ["--bogus"],
            ["--rule", "no-such-rule:off"],
            ["--rule", "webhook-filename:loud"],
            ["--max-warnings", "x"],
            ["--rule", "webhook-filenme:off"],
            ["--rule", "webhook-response:off:x"],
        ]) {
            const r = await lint(args, root)
            expect(r.code, args.join(" ")).toBe(2)
            expect(r.stderr.trim().split("\n"), args.join(" ")).toHaveLength(1)
            expect(r.stderr).toMatch(/^attio-lint: /)
            expect(r.stderr).not.toMatch(/\n\s+at /)
            stderr.set(args.join(" "), r.stderr)
        }
        expect(stderr.get("--bogus")).toBe("attio-lint: unknown option --bogus (see attio-lint --help)\n")
        // The bin's own: exit 2 and the one line on stderr, nothing on stdout.
        expect(spawned(["--bogus"], root)).toEqual({code: 2, stdout: "", stderr: stderr.get("--bogus")})
        expect(stderr.get("--rule webhook-filenme:off")).toContain('did you mean "webhook-filename"')
        // A malformed severity is blamed on the severity, not on the rule id.
        expect(stderr.get("--rule webhook-response:off:x")).not.toContain("unknown rule")
    })

    it("--help and --version", () => {
        const root = cleanApp()
        const help = spawned(["--help"], root)
        expect(help.code).toBe(0)
        expect(help.stdout).toContain("--max-warnings")
        const pkg = JSON.parse(fs.readFileSync(new URL("../../package.json", import.meta.url), "utf8"))
        expect(spawned(["--version"], root).stdout.trim()).toBe(pkg.version)
    })
})

describe("formats", () => {
    it("json is ESLint's shape with absolute paths", async () => {
        const root = brokenApp()
        const r = await lint(["--format", "json"], root)
        expect(r.code).toBe(1)
        const results = JSON.parse(r.stdout)
        const added = results.find((x: {filePath: string}) => x.filePath.endsWith("connection-added.event.ts"))
        expect(path.isAbsolute(added.filePath)).toBe(true)
        expect(Object.keys(added)).toEqual(ESLINT_RESULT_KEYS)
        expect(added.source).toBe(fs.readFileSync(added.filePath, "utf8"))
        expect(added.messages[0]).toMatchObject({
            ruleId: "webhook-filename",
            severity: 2,
            line: 5,
            column: 43,
            endLine: 5,
        })
        expect(added.errorCount).toBe(1)
    })

    it("sarif has what GitHub code scanning requires", async () => {
        const r = await lint(["-f", "sarif"], brokenApp())
        expect(r.code).toBe(1)
        const log = JSON.parse(r.stdout)
        expect(log.version).toBe("2.1.0")
        const run = log.runs[0]
        expect(run.tool.driver.name).toBe("attio-lint")
        const ids = run.tool.driver.rules.map((rule: {id: string}) => rule.id)
        expect(ids).toContain("webhook-response")
        for (const rule of run.tool.driver.rules) {
            expect(rule.shortDescription.text).toBeTruthy()
            expect(rule.help.text).toBeTruthy()
        }
        expect(run.results).toHaveLength(2)
        for (const result of run.results) {
            expect(ids[result.ruleIndex]).toBe(result.ruleId)
            expect(["error", "warning"]).toContain(result.level)
            const location = result.locations[0].physicalLocation
            expect(location.artifactLocation.uri).toMatch(/^src\/(webhooks|events)\//)
            expect(location.region.startLine).toBeGreaterThan(0)
            expect(location.region.startColumn).toBeGreaterThan(0)
            expect(Object.keys(result.partialFingerprints)).toContain("primaryLocationLineHash")
        }
    })

    it("github prints workflow commands", async () => {
        const r = await lint(["--format", "github"], brokenApp())
        expect(r.code).toBe(1)
        const lines = r.stdout.trim().split("\n")
        expect(lines).toHaveLength(2)
        expect(lines[0]).toMatch(
            /^::error file=src\/events\/connection-added\.event\.ts,line=5,col=43,endLine=5,endColumn=\d+,title=attio-lint \(webhook-filename\)::fileName "prospect-update"/
        )
        expect(lines[1]).toMatch(
            /^::error file=src\/webhooks\/lead\.webhook\.ts,line=2,.*title=attio-lint \(webhook-response\)::/
        )
    })

    it("colours only when asked for a TTY and never with NO_COLOR", () => {
        // Output is a pipe here, so no colours even without NO_COLOR.
        const r = spawned([], brokenApp(), {NO_COLOR: ""})
        expect(r.stdout).not.toMatch(/\u001b\[/)
    })
})

describe("targets", () => {
    it("FILE arguments report only those files, analysed in their whole app", async () => {
        const root = brokenApp()
        const onlyAdded = await lint(["src/events/connection-added.event.ts"], root)
        expect(onlyAdded.code).toBe(1)
        expect(onlyAdded.stdout).toContain("webhook-filename")
        expect(onlyAdded.stdout).not.toContain("lead.webhook.ts")
        const onlyGood = await lint(["--format", "json", "src/webhooks/prospect-updated.webhook.ts"], root)
        expect(onlyGood.code).toBe(0)
        const results = JSON.parse(onlyGood.stdout)
        expect(results.map((x: {filePath: string}) => path.relative(root, x.filePath))).toEqual([
            path.join("src", "webhooks", "prospect-updated.webhook.ts"),
        ])
    })

    it("the JSON output lists the files attio-lint analysed: the modules a handler bundles, not the files it skipped", async () => {
        const root = writeApp({
            "src/app/webhooks/prospect-updated.webhook.ts":
                'import {sync} from "../../lib/sync"\n\n' +
                GOOD_HOOK.replace("await req.text()", "await sync(await req.text())"),
            "src/lib/sync.ts": "export async function sync(body: string) {\n    console.log(body)\n}\n",
            "src/lib/unused.ts": "export const unused = 1\n",
            "src/app/events/connection-added.event.ts": added("prospect-updated"),
            "src/app/events/connection-removed.event.ts": REMOVED,
            "README.md": "# app\n",
        })
        const fresh = await freshRunAttioLintHere()
        const files = (stdout: string) =>
            JSON.parse(stdout).map((x: {filePath: string}) => path.relative(root, x.filePath).split(path.sep).join("/"))
        const listed = async (...args: string[]) =>
            files((await fresh(["--format", "json", ...args], {cwd: root})).stdout)
        expect(await listed()).toEqual([
            "src/app/events/connection-added.event.ts",
            "src/app/events/connection-removed.event.ts",
            "src/app/webhooks/prospect-updated.webhook.ts",
            "src/lib/sync.ts",
        ])
        // FILE arguments the checks skip (lint-staged passes every staged file) are not listed as linted, by
        // the engine nor by the warm path (a run stores its report once its inputs are 2 s older than its start:
        // the runs here start 2.1 s later by their clock, as after a wait; warm-report.test.ts says why).
        vi.setSystemTime(vi.getRealSystemTime() + 2100)
        try {
            await listed()
            const staged = ["src/lib/unused.ts", "README.md", "src/lib/sync.ts"]
            const warm = await fresh(["--format", "json", "--debug", ...staged], {cwd: root})
            // The warm path's answer: in this process only it says that TypeScript is not loaded.
            expect(warm.stderr).toContain('"typescript":"none"')
            expect(files(warm.stdout)).toEqual(["src/lib/sync.ts"])
            expect(await listed("--no-cache", ...staged)).toEqual(["src/lib/sync.ts"])
        } finally {
            vi.useRealTimers()
        }
    })

    it("deleted paths and unrelated files are fine", async () => {
        const root = cleanApp()
        fs.writeFileSync(path.join(root, "README.md"), "# app\n")
        const r = await lint(["src/app/webhooks/deleted.webhook.ts", "README.md"], root)
        expect(r).toMatchObject({code: 0, stdout: "", stderr: ""})
    })

    it("finds the app root upwards from a folder inside it, and an app in a monorepo subfolder", async () => {
        const repo = tempDir("attio-lint-mono-")
        const app = brokenApp()
        fs.renameSync(app, path.join(repo, "app"))
        fs.mkdirSync(path.join(repo, ".git"))
        const fromRepo = await lint(["app"], repo)
        expect(fromRepo.code).toBe(1)
        expect(fromRepo.stdout).toContain("app/src/events/connection-added.event.ts")
        const fromInside = spawned([], path.join(repo, "app", "src", "webhooks"))
        expect(fromInside.code).toBe(1)
        expect(fromInside.stdout).toContain("lead.webhook.ts")
        expect(fromInside.stdout).not.toContain("connection-added")
    })
})

describe("settings", () => {
    it("--rule ID:off and :warn change severities", async () => {
        const root = brokenApp()
        expect((await lint(["--rule", "webhook-filename:off", "--rule", "webhook-response:off"], root)).code).toBe(0)
        const warned = await lint(["--rule", "webhook-filename:warn", "--rule", "webhook-response:warn"], root)
        expect(warned.code).toBe(0)
        expect(warned.stdout).toContain("(0 errors, 2 warnings)")
    })

    it("reads package.json's attioLint and attio-lint.config.json, the command line winning", async () => {
        const root = brokenApp()
        fs.writeFileSync(
            path.join(root, "package.json"),
            JSON.stringify({name: "x", attioLint: {rules: {"webhook-filename": "off"}}})
        )
        const r = await lint([], root)
        expect(r.code).toBe(1)
        expect(r.stdout).not.toContain("webhook-filename")
        fs.writeFileSync(
            path.join(root, "attio-lint.config.json"),
            JSON.stringify({rules: {"webhook-response": "warn"}, format: "github"})
        )
        const both = await lint([], root)
        expect(both.code).toBe(0)
        expect(both.stdout).toMatch(/^::warning /)
        expect((await lint(["--rule", "webhook-response:error", "--format", "json"], root)).code).toBe(1)
    })

    it("--cache (ESLint's flag) is accepted and is the default; --no-cache wins over it", async () => {
        const root = cleanApp()
        const cache = path.join(root, "node_modules/.cache/attio-lint")
        expect((await lint(["--cache", "--no-cache"], root)).code).toBe(0)
        expect(fs.existsSync(cache)).toBe(false)
        expect((await lint(["--cache"], root)).code).toBe(0)
        expect(fs.readdirSync(cache)).toContain("facts.json")
    })

    it("invalid settings are exit-2 messages", async () => {
        const root = cleanApp()
        fs.writeFileSync(
            path.join(root, "attio-lint.config.json"),
            JSON.stringify({rules: {"webhook-filename": "loud"}})
        )
        const r = await lint([], root)
        expect(r.code).toBe(2)
        expect(r.stderr).toContain('rule "webhook-filename": severity must be off, warn or error')
        fs.writeFileSync(path.join(root, "attio-lint.config.json"), JSON.stringify({colour: true}))
        expect((await lint([], root)).stderr).toContain('unknown setting "colour"')
    })
})

describe("hostile input", () => {
    const oneLine = (r: {code: number | null; stderr: string}, pattern: RegExp) => {
        expect(r.code).toBe(2)
        expect(r.stderr.trim().split("\n")).toHaveLength(1)
        expect(r.stderr).toMatch(pattern)
    }

    it("an unparsable and a binary handler are findings; other files are still checked", async () => {
        const root = writeApp({
            "src/webhooks/broken.webhook.ts":
                "export default async function (req: Request) {\n    return new Response(\n",
            "src/webhooks/lead.webhook.ts":
                "export default async function handler(req: Request) {\n    await req.text()\n}\n",
        })
        fs.writeFileSync(
            path.join(root, "src/webhooks/binary.webhook.ts"),
            Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3])
        )
        const r = await lint(["--format", "json"], root)
        expect(r.code).toBe(1)
        const messages = JSON.parse(r.stdout).flatMap((x: {filePath: string; messages: {ruleId: string}[]}) =>
            x.messages.map((m) => `${path.basename(x.filePath)} ${m.ruleId}`)
        )
        expect(messages).toContain("broken.webhook.ts parse-error")
        expect(messages).toContain("binary.webhook.ts parse-error")
        expect(messages).toContain("lead.webhook.ts webhook-response")
    })

    it("a directory named like a handler, symlink loops and dangling links", async () => {
        const root = cleanApp()
        fs.mkdirSync(path.join(root, "src/app/webhooks/dir.webhook.ts"))
        fs.symlinkSync("..", path.join(root, "src/app/webhooks/loop"))
        fs.symlinkSync(path.join(root, "nowhere.ts"), path.join(root, "src/app/webhooks/dangling.webhook.ts"))
        const r = await lint(["--format", "json", "--rule", "unregistered-webhook:off"], root)
        expect(r.code).toBe(1)
        const found = JSON.parse(r.stdout).flatMap((x: {filePath: string; messages: {ruleId: string}[]}) =>
            x.messages.map((m) => `${path.relative(root, x.filePath)} ${m.ruleId}`)
        )
        expect(found.sort()).toEqual([
            "src/app/webhooks/dangling.webhook.ts parse-error",
            "src/app/webhooks/dir.webhook.ts webhook-location",
        ])
    })

    it("broken package.json, broken tsconfig.json and a tsconfig extending a missing file", async () => {
        const root = cleanApp()
        fs.writeFileSync(path.join(root, "package.json"), "{not json")
        oneLine(await lint([], root), /package\.json: not valid JSON/)
        for (const notAnObject of ["[]", "null", '"app"', ""]) {
            fs.writeFileSync(path.join(root, "package.json"), notAnObject)
            oneLine(await lint([], root), /package\.json: (expected a JSON object|not valid JSON)/)
        }
        fs.writeFileSync(path.join(root, "package.json"), "{}")
        fs.writeFileSync(path.join(root, "tsconfig.json"), '{"compilerOptions": {')
        oneLine(await lint([], root), /tsconfig\.json: .*expected/)
        fs.writeFileSync(path.join(root, "tsconfig.json"), '{"extends": "./base.json"}')
        oneLine(await lint([], root), /tsconfig\.json: .*base\.json/)
    })

    it.skipIf(process.platform === "win32")(
        "a file it may not read is a finding; a folder in src/ it may not read is an exit-2 message",
        (context) => {
            // Root reads everything: the bin runs as nobody, who must be able to reach this checkout's build.
            const cli = path.join(PACKAGE_ROOT, "dist/src/cli/attio-lint.js")
            if (
                process.getuid?.() === 0 &&
                spawnSync(process.execPath, [cli, "--version"], {uid: 65534, gid: 65534}).status !== 0
            ) {
                const reason = `skipped: user nobody cannot read ${cli} (a checkout in a private folder); the permission cases need another user`
                console.warn(reason)
                context.skip(reason)
            }
            const root = cleanApp()
            fs.mkdirSync(path.join(root, "src/app/webhooks/crm"))
            fs.chmodSync(root, 0o755)
            const secret = path.join(root, "src/app/webhooks/prospect-updated.webhook.ts")
            const crm = path.join(root, "src/app/webhooks/crm")
            // Root reads everything: run as nobody there (permissions are what is tested).
            const asOther = process.getuid?.() === 0 ? {uid: 65534, gid: 65534} : {}
            const run = () =>
                spawnSync(
                    process.execPath,
                    [path.join(PACKAGE_ROOT, "dist/src/cli/attio-lint.js"), "--no-cache", "--format", "json"],
                    {cwd: root, encoding: "utf8", ...asOther}
                )
            fs.chmodSync(secret, 0)
            const file = run()
            expect(file.status).toBe(1)
            expect(
                JSON.parse(file.stdout).flatMap((r: {messages: {message: string}[]}) =>
                    r.messages.map((m) => m.message)
                )
            ).toEqual([expect.stringContaining("cannot be read (no permission)")])
            fs.chmodSync(secret, 0o644)
            fs.chmodSync(crm, 0)
            const folder = run()
            expect(folder.status).toBe(2)
            expect(folder.stderr).toBe(
                `attio-lint: cannot read ${crm}: no permission (the handlers there would be missed)\n`
            )
            fs.chmodSync(crm, 0o755)
        }
    )

    it("an empty app is fine and a folder with no app is an exit-2 message", async () => {
        expect(await lint([], writeApp({}))).toMatchObject({code: 0, stdout: "", stderr: ""})
        const nowhere = tempDir("attio-lint-noapp-")
        oneLine(await lint([], nowhere), /no app found at .*no package\.json or tsconfig\.json/)
    })

    it("a folder that is not there is an exit-2 message (a typo must not pass CI); a deleted file is fine", async () => {
        const root = cleanApp()
        oneLine(await lint(["src/app/webhook"], root), /no such file or folder: .*src\/app\/webhook$/m)
        expect(await lint(["src/app/webhooks/deleted.webhook.ts"], root)).toMatchObject({code: 0, stderr: ""})
    })

    it("works on an app with only a tsconfig.json, and on files that import packages that are not installed", async () => {
        const root = writeApp({
            "src/app/webhooks/a.webhook.ts":
                'import {z} from "zod"\nimport {helper} from "./missing"\n\nexport default async function handler(req: Request) {\n    z.parse(helper(await req.json()))\n    return new Response(null)\n}\n',
            "src/app/events/connection-added.event.ts": added("a"),
            "src/app/events/connection-removed.event.ts": REMOVED,
        })
        fs.rmSync(path.join(root, "package.json"))
        fs.writeFileSync(path.join(root, "tsconfig.json"), '{"compilerOptions": {"strict": true}}')
        expect(await lint([], root)).toMatchObject({code: 0, stdout: ""})
    })
})

describe("the seed example", () => {
    it("with a connection-removed added reports zero errors", async () => {
        // A copy of Attio's original docs page on webhook handlers, kept in the repository so the test is hermetic.
        const seed = fs.readFileSync(new URL("../fixtures/seed-webhook-handlers.txt", import.meta.url), "utf8")
        const hook = seed.slice(
            seed.indexOf('import {attioFetch} from "attio/server"'),
            seed.indexOf("This webhook handler calls")
        )
        const event = seed.slice(
            seed.indexOf('import type {Connection} from "attio/server"'),
            seed.indexOf("And that’s it!")
        )
        const root = writeApp({
            "src/webhooks/prospect-updated.webhook.ts": hook,
            "src/events/connection-added.event.ts": event,
            "src/events/connection-removed.event.ts": REMOVED,
        })
        const r = await lint(["--format", "json"], root)
        expect(JSON.parse(r.stdout).reduce((n: number, x: {errorCount: number}) => n + x.errorCount, 0)).toBe(0)
        expect(r.code).toBe(0)
    })
})

describe("found in review", () => {
    it("a staged file outside any app is skipped; the app's files are still linted", async () => {
        const app = brokenApp()
        const loose = tempDir("attio-lint-loose-")
        fs.writeFileSync(path.join(loose, "loose.ts"), "export const x = 1\n")
        const r = await lint(
            [
                path.join(loose, "loose.ts"),
                path.join(loose, "deleted.ts"),
                path.join(app, "src/webhooks/lead.webhook.ts"),
            ],
            loose
        )
        expect(r.code).toBe(1)
        expect(r.stdout).toContain("webhook-response")
        expect(await lint(["loose.ts"], loose)).toMatchObject({code: 0, stdout: "", stderr: ""})
    })

    it("a cache location that cannot be written only costs speed", async () => {
        const root = cleanApp()
        fs.mkdirSync(path.join(root, "node_modules"))
        fs.writeFileSync(path.join(root, "node_modules/.cache"), "a file, not a folder")
        expect(await lint([], root)).toMatchObject({code: 0, stderr: ""})
        expect(await lint(["--cache-location", "/dev/null/x"], root)).toMatchObject({code: 0, stderr: ""})
    })

    it("at a monorepo root, each package with its own package.json is an app of its own", async () => {
        const repo = writeApp({
            "package.json": JSON.stringify({name: "mono", private: true, workspaces: ["apps/*"]}),
            "apps/a/package.json": '{"name": "a"}',
            "apps/a/src/webhooks/x.webhook.ts": GOOD_HOOK,
            "apps/a/src/events/connection-added.event.ts": added("x"),
            "apps/a/src/events/connection-removed.event.ts": REMOVED,
            "apps/b/package.json": '{"name": "b"}',
            "apps/b/src/app/webhooks/y.webhook.ts": GOOD_HOOK,
            "apps/b/src/app/events/connection-added.event.ts": added("y", "typo"),
            "apps/b/src/app/events/connection-removed.event.ts": REMOVED,
        })
        const r = await lint(["--format", "json"], repo)
        expect(r.code).toBe(1)
        const found = JSON.parse(r.stdout).flatMap((x: {filePath: string; messages: {ruleId: string}[]}) =>
            x.messages.map((m) => `${path.relative(repo, x.filePath)} ${m.ruleId}`)
        )
        expect(found).toEqual(["apps/b/src/app/events/connection-added.event.ts webhook-filename"])
    })

    it("a package.json inside src/ (a module format) starts no app: its handlers stay the app's", async () => {
        const root = writeApp({
            "src/webhooks/nested/package.json": '{"type": "module"}',
            "src/webhooks/nested/n.webhook.ts":
                "export default async function n(req: Request) {\n    console.log(req)\n}\n",
            "src/events/connection-added.event.ts": added("nested/n"),
            "src/events/connection-removed.event.ts": REMOVED,
        })
        for (const args of [[], ["src/webhooks/nested/n.webhook.ts"]]) {
            const r = await lint(["--format", "json", ...args], root)
            const ruleIds = JSON.parse(r.stdout).flatMap((f: {messages: {ruleId: string}[]}) =>
                f.messages.map((m) => m.ruleId)
            )
            expect(ruleIds).toEqual(["webhook-response"])
        }
    })

    it("a handler nested too deeply to analyse is a finding, not a crash", async () => {
        const depth = 3000
        const body = "if (req) {".repeat(depth) + "return new Response(null)" + "}".repeat(depth)
        const root = writeApp({
            "src/webhooks/deep.webhook.ts": `export default async function h(req: Request) {\n${body}\n}\n`,
        })
        const r = await lint(["--format", "json", "--rule", "unregistered-webhook:off"], root)
        expect(r.code).toBe(1)
        expect(JSON.parse(r.stdout)[0].messages[0]).toMatchObject({
            ruleId: "parse-error",
            message: expect.stringContaining("nested too deeply"),
        })
    })

    it("no code excerpt for minified lines: the output stays short", async () => {
        const root = writeApp({
            "src/webhooks/min.webhook.ts": `export default function h(req: Request) { ${"req;".repeat(5000)} return new Response(null) }\n`,
        })
        const r = await lint(["--rule", "unregistered-webhook:off"], root)
        expect(r.code).toBe(1)
        expect(r.stdout).toContain("async-handler")
        expect(r.stdout.length).toBeLessThan(2000)
    })

    it("--watch refuses machine formats, and argument errors stay on one line", async () => {
        const root = cleanApp()
        const watchJson = await lint(["--watch", "--format", "json"], root)
        expect(watchJson.code).toBe(2)
        expect(watchJson.stderr).toContain("--watch")
        const ambiguous = await lint(["--max-warnings", "-1"], root)
        expect(ambiguous.code).toBe(2)
        expect(ambiguous.stderr.trim().split("\n")).toHaveLength(1)
        expect((await lint(["--max-warnings=-1"], root)).code).toBe(2)
    })

    it("a reader that stops early is no failure; output that cannot be written is one exit-2 line", async () => {
        // A long report (about 200 KB, more than a pipe holds) from one file: 300 fileNames that name no handler.
        const root = writeApp({
            "src/events/connection-added.event.ts": added(...Array.from({length: 300}, (_, i) => `h${i}`)),
        })
        // `attio-lint | head -1`: the pipe closes after the first chunk of a long report.
        const child = spawn(process.execPath, [path.join(PACKAGE_ROOT, "dist/src/cli/attio-lint.js")], {
            cwd: root,
            stdio: ["ignore", "pipe", "pipe"],
        })
        let stderr = ""
        child.stderr.on("data", (chunk) => (stderr += chunk))
        child.stdout.once("data", () => child.stdout.destroy())
        const code = await new Promise((resolve) => child.on("close", resolve))
        expect(stderr).toBe("")
        expect(code).toBe(1)
        if (!fs.existsSync("/dev/full")) return
        const full = spawnSync(
            process.execPath,
            [path.join(PACKAGE_ROOT, "dist/src/cli/attio-lint.js"), "-f", "json"],
            {
                cwd: root,
                stdio: ["ignore", fs.openSync("/dev/full", "w"), "pipe"],
                encoding: "utf8",
            }
        )
        expect(full.status).toBe(2)
        expect(full.stderr).toMatch(/^attio-lint: cannot write the output: ENOSPC[^\n]*\n$/)
    })
})
