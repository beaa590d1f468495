/**
 * Hostile setups through attio-lint: devices, FIFOs, links out of the app, deep nesting, prototype
 * names and escape sequences. Where a regression could hang (a FIFO or device read, a walk of /) or
 * overflow the type checker's stack, the built bin runs in a process of its own with a short timeout,
 * so that it fails (code null) instead of stalling the suite; the rest runs in this process.
 */
import {spawnSync} from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"

import {afterAll, describe, expect, it} from "vitest"

import {type BinResult, PACKAGE_ROOT} from "../support/bin.js"
import {runAttioLintHere} from "../support/attio-lint.js"
import {type AppFiles, writeApp} from "../support/temp-app.js"

const posix = process.platform !== "win32"
const HOOK = "export default async function h(req: Request) {\n    return new Response(null)\n}\n"
const SYNC_HOOK = "export default function h(req: Request) {\n    return new Response(null)\n}\n"
const created: string[] = []

afterAll(() => {
    for (const dir of created) {
        // Read-only files and folders left by a failed test must not keep their temp dir alive.
        spawnSync("chmod", ["-R", "u+rwX", dir])
        fs.rmSync(dir, {recursive: true, force: true})
    }
})

function app(files: AppFiles): string {
    const root = writeApp(files)
    created.push(root)
    return root
}

function tempDir(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "attio-lint-hostile-"))
    created.push(dir)
    return dir
}

/** The built attio-lint ARGS in `cwd` (facts cache in the app), killed after 20 s: a hang shows as code null. */
function spawned(args: string[], cwd: string): BinResult {
    const r = spawnSync(process.execPath, [path.join(PACKAGE_ROOT, "dist/src/cli/attio-lint.js"), ...args], {
        cwd,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
        env: {...process.env, NO_COLOR: "1"},
        timeout: 20_000,
        maxBuffer: 1024 * 1024,
    })
    return {code: r.status, stdout: r.stdout, stderr: r.stderr}
}

/** "file ruleId: message" for every finding of a JSON run. */
function findings(root: string, stdout: string): string[] {
    return JSON.parse(stdout).flatMap((r: {filePath: string; messages: {ruleId: string; message: string}[]}) =>
        r.messages.map((m) => `${path.relative(root, r.filePath)} ${m.ruleId}: ${m.message}`)
    )
}

/** attio-lint ARGS in `cwd`, in this process. */
const lint = (args: string[], cwd: string) => runAttioLintHere(args, {cwd})

function exit2(r: BinResult, pattern: RegExp): void {
    expect(r.code, r.stderr).toBe(2)
    expect(r.stderr.trim().split("\n")).toHaveLength(1)
    expect(r.stderr.trim()).toMatch(pattern)
    expect(r.stderr).not.toContain("internal error")
}

describe.skipIf(!posix)("only regular files are read, and at most 5 MB of each", () => {
    it(
        "handlers that are a FIFO, a link to a FIFO, a link to /dev/zero or too large are findings, never a hang",
        {timeout: 60_000},
        () => {
            const root = app({"src/webhooks/ok.webhook.ts": HOOK})
            const hooks = path.join(root, "src/webhooks")
            spawnSync("mkfifo", [path.join(hooks, "fifo.webhook.ts")])
            fs.symlinkSync("fifo.webhook.ts", path.join(hooks, "to-fifo.webhook.ts"))
            fs.symlinkSync("/dev/zero", path.join(hooks, "zero.webhook.ts"))
            fs.writeFileSync(path.join(hooks, "big.webhook.ts"), `${HOOK}//${" ".repeat(5 * 1024 * 1024)}\n`)
            const r = spawned(["--format", "json", "--rule", "unregistered-webhook:off"], root)
            expect(r.code, r.stderr).toBe(1)
            expect(findings(root, r.stdout).sort()).toEqual([
                "src/webhooks/big.webhook.ts parse-error: This handler file is larger than 5 MB, the most attio-lint reads",
                "src/webhooks/to-fifo.webhook.ts parse-error: This handler file is not a regular file (a folder, device, FIFO or socket)",
                "src/webhooks/zero.webhook.ts parse-error: This handler file is a link to a path outside the app",
            ])
        }
    )

    it(
        "a FIFO or device as package.json, tsconfig.json, attio-lint.config.json or tsconfig extends is an exit-2 line naming it",
        {timeout: 120_000},
        () => {
            const cases: [string, (root: string) => void, RegExp][] = [
                [
                    "package.json FIFO",
                    (root) => (
                        fs.rmSync(path.join(root, "package.json")),
                        spawnSync("mkfifo", [path.join(root, "package.json")])
                    ),
                    /package\.json is not a regular file/,
                ],
                [
                    "tsconfig.json to /dev/zero",
                    (root) => fs.symlinkSync("/dev/zero", path.join(root, "tsconfig.json")),
                    /tsconfig\.json is not a regular file/,
                ],
                [
                    "tsconfig.json to /dev/urandom",
                    (root) => fs.symlinkSync("/dev/urandom", path.join(root, "tsconfig.json")),
                    /tsconfig\.json is not a regular file/,
                ],
                [
                    "config FIFO",
                    (root) => spawnSync("mkfifo", [path.join(root, "attio-lint.config.json")]),
                    /attio-lint\.config\.json is not a regular file/,
                ],
                [
                    "extends /dev/zero",
                    (root) => fs.writeFileSync(path.join(root, "tsconfig.json"), '{"extends": "/dev/zero"}'),
                    /tsconfig\.json: .*\/dev\/zero/,
                ],
                [
                    "extends a FIFO",
                    (root) => (
                        spawnSync("mkfifo", [path.join(root, "base.json")]),
                        fs.writeFileSync(path.join(root, "tsconfig.json"), '{"extends": "./base.json"}')
                    ),
                    /tsconfig\.json: .*base\.json/,
                ],
            ]
            for (const [name, setUp, pattern] of cases) {
                const root = app({"src/webhooks/ok.webhook.ts": HOOK})
                setUp(root)
                const r = spawned([], root)
                expect(r.code, name).not.toBeNull()
                exit2(r, pattern)
            }
        }
    )
})

describe.skipIf(!posix)("nothing outside the app is walked", () => {
    it("links to / and to a folder outside the app are not walked; link loops end", {timeout: 60_000}, () => {
        const outside = tempDir()
        fs.mkdirSync(path.join(outside, "hooks"))
        fs.writeFileSync(path.join(outside, "hooks/out.webhook.ts"), SYNC_HOOK)
        const root = app({"src/webhooks/ok.webhook.ts": HOOK})
        fs.symlinkSync("/", path.join(root, "src/root"))
        fs.symlinkSync(path.join(outside, "hooks"), path.join(root, "src/webhooks/outside"))
        fs.symlinkSync("..", path.join(root, "src/webhooks/up"))
        fs.symlinkSync("b", path.join(root, "src/a"))
        fs.symlinkSync("a", path.join(root, "src/b"))
        const r = spawned(["--format", "json", "--rule", "unregistered-webhook:off"], root)
        expect(r).toMatchObject({code: 0, stderr: ""})
        expect(findings(root, r.stdout)).toEqual([])
        expect(JSON.parse(r.stdout).map((x: {filePath: string}) => path.relative(root, x.filePath))).toEqual([
            "src/webhooks/ok.webhook.ts",
        ])
    })
})

describe("deep nesting", () => {
    const deep = (open: string, close: string) => `${open.repeat(10_000)}1${close.repeat(10_000)}`

    it(
        "10,000 levels in a handler, in tsconfig.json or in a file the type checker reads name the file",
        {timeout: 120_000},
        async () => {
            for (const [open, close] of [
                ["(", ")"],
                ["[", "]"],
                ["() => ", ""],
                ["{a: ", "}"],
            ]) {
                const root = app({
                    "src/webhooks/deep.webhook.ts": `export default async function h(req: Request) {\n    const x = ${deep(open, close)}\n    return new Response(null)\n}\n`,
                })
                const r = await lint(["--format", "json", "--rule", "unregistered-webhook:off"], root)
                expect(r.code, open).toBe(1)
                expect(findings(root, r.stdout)).toEqual([
                    "src/webhooks/deep.webhook.ts parse-error: This file does not parse: the file is nested too deeply to analyse",
                ])
            }
            const config = app({
                "src/webhooks/ok.webhook.ts": HOOK,
                "tsconfig.json": `{"compilerOptions": ${deep("[", "]")}}`,
            })
            exit2(await lint([], config), /tsconfig\.json: nested too deeply to read$/)
            // The handler's parameter type is an alias: the type checker reads the deep file it imports (in a process
            // of its own: the checker's stack runs out midway, and this process's checker shares its lib files).
            const imported = app({
                "src/webhooks/a.webhook.ts":
                    'import type {R} from "../deep"\n\nexport default async function h(req: R) {\n    return new Response(null)\n}\n',
                "src/deep.ts": `export type R = Request\nexport const x = ${deep("[", "]")}\n`,
            })
            exit2(
                spawned([], imported),
                /src\/webhooks\/a\.webhook\.ts: it, or a file it imports, is nested too deeply to type-check$/
            )
        }
    )
})

describe("exact inputs", () => {
    it("severities are own names: constructor, toString and __proto__ are rejected", async () => {
        const root = app({"src/webhooks/ok.webhook.ts": HOOK})
        for (const severity of ["constructor", "toString", "__proto__", "hasOwnProperty"]) {
            exit2(await lint(["--rule", `webhook-filename:${severity}`], root), /severity must be off, warn or error/)
            exit2(await lint(["--rule", `${severity}:off`], root), /unknown rule/)
        }
        for (const rules of [
            '{"webhook-filename": "constructor"}',
            '{"__proto__": "off"}',
            '{"webhook-filename": ["off"]}',
            '{"constructor": "off"}',
        ]) {
            fs.writeFileSync(path.join(root, "attio-lint.config.json"), `{"rules": ${rules}}`)
            exit2(await lint([], root), /attio-lint\.config\.json.*(severity must be|unknown rule)/)
        }
    })

    it("--max-warnings takes a non-negative decimal integer only", async () => {
        const root = app({"src/webhooks/ok.webhook.ts": HOOK})
        for (const value of ["1e3", "0x10", "-1", "1.5", "", " 3", "3 ", "+3", "Infinity", "99999999999999999999"]) {
            exit2(
                await lint([`--max-warnings=${value}`], root),
                /--max-warnings .*: expected a whole number, 0 or more/
            )
        }
        expect((await lint(["--max-warnings=0"], root)).code).toBe(1)
        expect((await lint(["--max-warnings", "007"], root)).code).toBe(0)
        fs.writeFileSync(path.join(root, "attio-lint.config.json"), '{"maxWarnings": -1}')
        exit2(await lint([], root), /"maxWarnings" must be a whole number, 0 or more/)
    })
})

describe("messages name the file", () => {
    it("a package.json with a byte order mark is accepted, for settings and for finding the app", async () => {
        const root = app({"src/webhooks/ok.webhook.ts": HOOK})
        fs.writeFileSync(
            path.join(root, "package.json"),
            '\uFEFF{"name": "x", "attioLint": {"rules": {"unregistered-webhook": "off"}}}'
        )
        expect(await lint([], root)).toMatchObject({code: 0, stdout: "", stderr: ""})
        expect(await lint([], path.join(root, "src/webhooks"))).toMatchObject({code: 0, stdout: "", stderr: ""})
        fs.writeFileSync(path.join(root, "attio-lint.config.json"), '\uFEFF{"maxWarnings": 0}')
        expect(await lint([], root)).toMatchObject({code: 0, stderr: ""})
    })

    it.skipIf(!posix)(
        "file names with terminal escape sequences are printed escaped by stylish and github",
        async () => {
            const name = "e\u001b[2Jvil\u0007\u009b"
            const root = app({
                [`src/webhooks/${name}.webhook.ts`]:
                    'export default function h(req: Request) {\n    return new Response("\u001b[31m")\n}\n',
            })
            for (const format of ["stylish", "github"]) {
                const r = await lint(["--format", format], root)
                expect(r.code).toBe(1)
                expect(r.stdout).toContain("e\\x1b[2Jvil\\x07\\x9b")
                expect(r.stdout, format).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/)
            }
            const missing = await lint([`src/${name}`], root)
            exit2(missing, /no such file or folder: .*e\\x1b\[2Jvil\\x07\\x9b$/)
        }
    )
})

describe("--cache-location never overwrites a file that is not an attio-lint cache", () => {
    it("package.json, tsconfig.json or any other file is refused with exit 2 and left as it was", async () => {
        const root = app({
            "src/webhooks/ok.webhook.ts": HOOK,
            "tsconfig.json": '{"compilerOptions": {"strict": true}}\n',
            "notes.json": "[1, 2]\n",
            "empty.json": "",
        })
        for (const file of ["package.json", "tsconfig.json", "notes.json", "empty.json"]) {
            const before = fs.readFileSync(path.join(root, file))
            exit2(
                await lint(["--cache-location", file], root),
                new RegExp(`--cache-location: .*${file} is not an attio-lint cache`)
            )
            expect(fs.readFileSync(path.join(root, file))).toEqual(before)
        }
        // A folder whose facts.json is someone else's file is refused too.
        fs.mkdirSync(path.join(root, "data"))
        fs.writeFileSync(path.join(root, "data/facts.json"), '{"mine": true}')
        exit2(await lint(["--cache-location", "data"], root), /data\/facts\.json is not an attio-lint cache/)
        expect(fs.readFileSync(path.join(root, "data/facts.json"), "utf8")).toBe('{"mine": true}')
        // A new file, and then the cache it became, are fine.
        expect((await lint(["--cache-location", "cache.json"], root)).code).toBe(0)
        expect(fs.readFileSync(path.join(root, "cache.json"), "utf8")).toMatch(/^\{"schema":/)
        expect(await lint(["--cache-location", "cache.json"], root)).toMatchObject({code: 0, stderr: ""})
    })
})

describe.skipIf(!posix)("--fix stays inside the app", () => {
    it("a handler linking outside the app or nowhere is a finding and is not written; a read-only file is refused", async () => {
        const outside = tempDir()
        fs.writeFileSync(path.join(outside, "shared.ts"), SYNC_HOOK)
        const root = app({"src/webhooks/ok.webhook.ts": HOOK})
        fs.symlinkSync(path.join(outside, "shared.ts"), path.join(root, "src/webhooks/out.webhook.ts"))
        fs.symlinkSync(path.join(root, "nowhere.ts"), path.join(root, "src/webhooks/dangling.webhook.ts"))
        const r = await lint(["--fix", "--format", "json", "--rule", "unregistered-webhook:off"], root)
        expect(r.code).toBe(1)
        expect(findings(root, r.stdout).sort()).toEqual([
            "src/webhooks/dangling.webhook.ts parse-error: This handler file is a dangling link",
            "src/webhooks/out.webhook.ts parse-error: This handler file is a link to a path outside the app",
        ])
        expect(fs.readFileSync(path.join(outside, "shared.ts"), "utf8")).toBe(SYNC_HOOK)
        expect(fs.lstatSync(path.join(root, "src/webhooks/dangling.webhook.ts")).isSymbolicLink()).toBe(true)

        const readOnly = path.join(root, "src/webhooks/ro.webhook.ts")
        fs.writeFileSync(readOnly, SYNC_HOOK)
        fs.chmodSync(readOnly, 0o444)
        exit2(await lint(["--fix"], root), /cannot write the fix to .*ro\.webhook\.ts: it is read-only$/)
        expect(fs.readFileSync(readOnly, "utf8")).toBe(SYNC_HOOK)
        expect(fs.statSync(readOnly).mode & 0o777).toBe(0o444)
    })
})

describe.skipIf(!posix)("the working folder", () => {
    it("a deleted working folder is an exit-2 line saying so, not an internal error", () => {
        const dir = tempDir()
        const script = `cd "$1" && rmdir "$1" && exec "$2" "$3"`
        const bin = path.join(PACKAGE_ROOT, "dist/src/cli/attio-lint.js")
        const r = spawnSync("sh", ["-c", script, "sh", dir, process.execPath, bin], {encoding: "utf8", timeout: 20_000})
        expect(r.stderr).toMatch(
            /^attio-lint: the working folder cannot be read \(ENOENT[^\n]*; it may have been deleted\. Go to the app's folder and run again\n$/
        )
        expect(r.status).toBe(2)
    })
})

describe.skipIf(process.platform !== "linux")("file names", () => {
    it("a handler whose name is not valid UTF-8 is a finding, not silently skipped as vanished", async () => {
        const root = app({"src/webhooks/ok.webhook.ts": HOOK})
        // Linux takes any bytes in a name; Node lists this one with U+FFFD in place of \xff\xfe and cannot open it.
        const name = Buffer.concat([Buffer.from(path.join(root, "src/webhooks/")), Buffer.from([0xff, 0xfe, 0x2e])])
        fs.writeFileSync(Buffer.concat([name, Buffer.from("webhook.ts")]), SYNC_HOOK)
        const r = await lint(["--format", "json", "--rule", "unregistered-webhook:off"], root)
        expect(r.code, r.stderr).toBe(1)
        expect(findings(root, r.stdout)).toEqual([
            "src/webhooks/\uFFFD\uFFFD.webhook.ts parse-error: This handler file has a name that is not valid UTF-8, which cannot be opened; rename it",
        ])
    })
})
