/**
 * Hostile setups around the generators (docs/generators-safety.md): a package.json that is a FIFO or a device, odd
 * prettier configurations, link loops, test-setup's package.json edit. Most cases run in memory; the one spawned run
 * has a timeout, so that a regression that hangs fails instead of stalling the suite.
 */
import {spawnSync} from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import {describe, expect, it, vi} from "vitest"
import {PACKAGE_ROOT} from "../support/bin.js"
import {fromDist} from "../support/dist.js"
import {tempDir, writeApp, type AppFiles} from "../support/temp-app.js"
import {runGenerator} from "./support.js"

// The scaffolding as built, the modules the generators run (test/support/dist.ts).
const [
    {readJson},
    {run: testSetup},
    {inspectApp},
    {EventHandlerFile},
    {Plan},
    {ATTIO_STYLE, resolveStyle},
    {planWebhook, PLACEHOLDER_REGISTER_URL},
] = await Promise.all([
    fromDist<typeof import("../../src/app-model/read-file.js")>("src/app-model/read-file.js"),
    fromDist<typeof import("../../src/cli/test-setup.js")>("src/cli/test-setup.js"),
    fromDist<typeof import("../../src/scaffold/app-tree.js")>("src/scaffold/app-tree.js"),
    fromDist<typeof import("../../src/scaffold/event-handler.js")>("src/scaffold/event-handler.js"),
    fromDist<typeof import("../../src/scaffold/plan.js")>("src/scaffold/plan.js"),
    fromDist<typeof import("../../src/scaffold/style.js")>("src/scaffold/style.js"),
    fromDist<typeof import("../../src/scaffold/webhook.js")>("src/scaffold/webhook.js"),
])

const posix = process.platform !== "win32"
const ADDED = "src/app/events/connection-added.event.ts"
const ADDED_CODE = `import type {Connection} from "attio/server"

export default async function connectionAdded({connection}: {connection: Connection}) {
    console.log(connection.id)
}
`

// The temp apps and dirs go when the file ends (test/support/cleanup.ts).
const app = (files: AppFiles): string => writeApp(files)

/** The style the webhook generator would use for connection-added, or the message it stops with. */
async function styleOrError(setUp: (root: string) => void): Promise<string> {
    const root = app({[ADDED]: ADDED_CODE})
    setUp(root)
    try {
        return JSON.stringify((await resolveStyle(new Plan(inspectApp(root)), ADDED)).options)
    } catch (error) {
        return (error as Error).message
    }
}

describe.skipIf(!posix)("a package.json that is no regular file", () => {
    it("a FIFO stops the webhook generator with a message, never a hang (Yeoman's own read of it included)", () => {
        const root = app({[ADDED]: ADDED_CODE})
        fs.rmSync(path.join(root, "package.json"))
        spawnSync("mkfifo", [path.join(root, "package.json")])
        const r = spawnSync(
            process.execPath,
            [path.join(PACKAGE_ROOT, "dist/src/cli/attio-app.js"), "webhook", "deal", "--yes"],
            {cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 60_000}
        )
        expect(r.status, r.stderr).toBe(1)
        expect(r.stderr).toBe(
            "attio-app: The app's prettier configuration cannot be read: package.json is not a regular file; the generator only edits files. Nothing was written.\n"
        )
        expect(fs.readFileSync(path.join(root, ADDED), "utf8")).toBe(ADDED_CODE)
    })

    it("readJson reads only a bounded regular file, accepts a BOM, and answers undefined for the rest", () => {
        const dir = tempDir("attio-app-hostile-")
        spawnSync("mkfifo", [path.join(dir, "fifo.json")])
        fs.writeFileSync(path.join(dir, "bom.json"), '\uFEFF{"a": 1}')
        fs.writeFileSync(path.join(dir, "big.json"), `[${" ".repeat(5 * 1024 * 1024)}]`)
        expect(readJson(path.join(dir, "bom.json"))).toEqual({a: 1})
        for (const name of ["fifo.json", "big.json", "missing.json"]) {
            expect(readJson(path.join(dir, name)), name).toBeUndefined()
        }
    })
})

describe("odd prettier configurations", () => {
    it.each([
        ["tabWidth: 1000000000", "Expected an integer from 0 to 16, but received 1000000000"],
        ["tabWidth: -1", "Expected an integer from 0 to 16, but received -1"],
        ["tabWidth: .inf", "Expected an integer from 0 to 16, but received Infinity"],
    ])("a .prettierrc with %s is refused by name, never a huge indent", async (yaml, reason) => {
        expect(await styleOrError((root) => fs.writeFileSync(path.join(root, ".prettierrc"), yaml))).toBe(
            `The app's prettier configuration cannot be read: .prettierrc: Invalid tabWidth value. ${reason}.`
        )
    })

    it("an empty .prettierrc means prettier's defaults, as prettier takes it", async () => {
        for (const text of ["", "# only a comment\n"]) {
            const style = await styleOrError((root) => fs.writeFileSync(path.join(root, ".prettierrc"), text))
            expect(JSON.parse(style)).toEqual({})
        }
    })

    it("values that are no object of options are named by kind", async () => {
        const rc = (text: string) => (root: string) => fs.writeFileSync(path.join(root, ".prettierrc"), text)
        const pkg = (value: string) => (root: string) =>
            fs.writeFileSync(path.join(root, "package.json"), `{"name": "a", "prettier": ${value}}`)
        expect(await styleOrError(rc("- 1\n- 2\n"))).toContain(
            ".prettierrc: it holds a list, not an object of options."
        )
        expect(await styleOrError(pkg("null"))).toContain('package.json: "prettier" is null, not an object.')
        expect(await styleOrError(pkg("[1]"))).toContain('package.json: "prettier" is a list, not an object.')
        expect(await styleOrError(rc(`a: ${"[".repeat(10_000)}${"]".repeat(10_000)}`))).toMatch(
            /\.prettierrc: nested too deeply to read at line 1, column \d+\.$/
        )
    })

    it("a YAML tag the parser does not know prints no warning with a stack: only the value's problem", async () => {
        const warn = vi.spyOn(console, "warn")
        try {
            const message = await styleOrError((root) =>
                fs.writeFileSync(path.join(root, ".prettierrc"), "tabWidth: !!js/function 'function(){}'\n")
            )
            expect(message).toContain('Invalid tabWidth value. Expected an integer, but received "function(){}"')
            expect(warn).not.toHaveBeenCalled()
        } finally {
            warn.mockRestore()
        }
    })

    it.skipIf(!posix)("a .prettierrc linking outside the app is named once", async () => {
        expect(await styleOrError((root) => fs.symlinkSync("/dev/zero", path.join(root, ".prettierrc")))).toMatch(
            /^The app's prettier configuration cannot be read: \.prettierrc is a symbolic link to \/dev\/zero, outside the app; the generator neither reads nor writes outside it\. \(--allow-symlinks allows links that stay inside the repository\.\)$/
        )
    })
})

describe.skipIf(!posix)("link loops", () => {
    it("an events folder or event file that leads back to itself is called a loop, not missing", () => {
        const folder = app({})
        fs.mkdirSync(path.join(folder, "src/app"), {recursive: true})
        fs.symlinkSync("loop", path.join(folder, "src/app/events"))
        fs.symlinkSync("events", path.join(folder, "src/app/loop"))
        expect(() => inspectApp(folder)).toThrow(
            "src/app/events is a symbolic link to loop, which leads back to itself; the generator does not write through a dangling link."
        )
    })
})

describe("test-setup's edit of package.json", () => {
    /** test-setup in `cwd`, with what it printed. */
    async function testSetupIn(cwd: string) {
        let stdout = ""
        let stderr = ""
        const code = await testSetup([], {
            cwd,
            stdout: {write: (chunk) => (stdout += String(chunk))},
            stderr: {write: (chunk) => (stderr += String(chunk))},
        })
        return {code, stdout, stderr}
    }

    it("keeps a byte order mark and CRLF line endings", async () => {
        const root = app({"package.json": '\uFEFF{\r\n    "name": "a"\r\n}\r\n'})
        expect((await testSetupIn(root)).code).toBe(0)
        const text = fs.readFileSync(path.join(root, "package.json"), "utf8")
        expect(text.startsWith('\uFEFF{\r\n    "name": "a",\r\n')).toBe(true)
        expect(text.replace(/\r\n/g, "")).not.toContain("\n")
        expect(JSON.parse(text.slice(1)).devDependencies).toHaveProperty("vitest")
    })

    it.skipIf(!posix)("refuses a package.json linking outside the app, and one that is not UTF-8", async () => {
        const outside = path.join(tempDir("attio-app-hostile-"), "package.json")
        fs.writeFileSync(outside, '{"name": "elsewhere"}')
        const linked = app({})
        fs.rmSync(path.join(linked, "package.json"))
        fs.symlinkSync(outside, path.join(linked, "package.json"))
        const latin1 = app({})
        const bytes = Buffer.from('{"name": "caf\u00e9"}', "latin1")
        fs.writeFileSync(path.join(latin1, "package.json"), bytes)
        const refusedLink = await testSetupIn(linked)
        expect(refusedLink.code).toBe(2)
        expect(refusedLink.stderr).toContain("is a link to a path outside the app.")
        const refusedLatin1 = await testSetupIn(latin1)
        expect(refusedLatin1.code).toBe(2)
        expect(refusedLatin1.stderr).toContain("is not valid UTF-8 text; it is left as it is.")
        expect(fs.readFileSync(outside, "utf8")).toBe('{"name": "elsewhere"}')
        expect(fs.readFileSync(path.join(latin1, "package.json"))).toEqual(bytes)
    })
})

describe("unusual default exports the webhook generator edits", () => {
    const insert = (text: string) =>
        new EventHandlerFile("src/app/events/connection-added.event.ts", text).insert(
            {values: [], helperName: "registerHook", renderHelper: ({helper}) => `async function ${helper}() {}\n`},
            {options: ATTIO_STYLE, indent: "    "}
        )

    it("a sync function becomes async, so that the awaited call is valid code", async () => {
        expect(await insert("export default function f({connection}: any) {\n    log(connection)\n}\n")).toContain(
            "export default async function f({connection}: any) {\n    log(connection)\n    await registerHook(connection)\n}\n"
        )
        expect(await insert("export default ({connection}: any) => {\n    log(connection)\n}\n")).toContain(
            "export default async ({connection}: any) => {\n"
        )
    })

    it("comments in a body on one line are kept when it is opened up", async () => {
        for (const [body, kept] of [
            ["{ /* nothing yet */ }", "{ /* nothing yet */\n    await registerHook(connection)\n}"],
            ["{ log() /* later */ }", "{ log() /* later */\n    await registerHook(connection)\n}"],
            ["{ return 1 /* done */ }", "{\n    await registerHook(connection)\n    return 1 /* done */\n}"],
        ]) {
            expect(await insert(`export default async function f({connection}: any) ${body}\n`), body).toContain(kept)
        }
    })
})

describe.skipIf(!posix)("a file even root may not write", () => {
    it("a read-only event file (chmod a-w) is refused before the first write, by root too", async () => {
        const root = app({[ADDED]: ADDED_CODE})
        fs.chmodSync(path.join(root, ADDED), 0o444)
        const plan = await planWebhook(inspectApp(root), {
            id: "deal",
            event: "deal",
            registerUrl: PLACEHOLDER_REGISTER_URL,
            register: true,
        })
        expect(() => plan.tree.commit()).toThrow(
            `The file ${ADDED} may not be written (it is read-only). Nothing was written.`
        )
        expect(fs.existsSync(path.join(root, "src/app/webhooks"))).toBe(false)
        expect(fs.statSync(path.join(root, ADDED)).mode & 0o777).toBe(0o444)
    })

    it("an immutable event file (chattr +i) fails before the first write, for root too", async () => {
        const root = app({[ADDED]: ADDED_CODE})
        const file = path.join(root, ADDED)
        const plan = await planWebhook(inspectApp(root), {
            id: "deal",
            event: "deal",
            registerUrl: PLACEHOLDER_REGISTER_URL,
            register: true,
        })
        // Not every file system has the flag (tmpfs, overlayfs): the case is then the non-root one of safety.test.ts.
        if (spawnSync("chattr", ["+i", file]).status !== 0) return
        try {
            expect(() => plan.tree.commit()).toThrow(
                `The file ${ADDED} may not be written (not permitted: immutable or append-only, see lsattr). Nothing was written.`
            )
            expect(fs.existsSync(path.join(root, "src/app/webhooks"))).toBe(false)
        } finally {
            spawnSync("chattr", ["-i", file])
        }
        expect(fs.readFileSync(file, "utf8")).toBe(ADDED_CODE)
    })
})

describe("surroundings", () => {
    it("a pnpm monorepo's root (pnpm-workspace.yaml, no src/) is refused: run it in the app's folder", async () => {
        const run = await runGenerator("webhook", {
            files: {"pnpm-workspace.yaml": "packages:\n  - apps/*\n"},
            args: ["deal"],
        })
        expect(run.error?.message).toMatch(
            /is a monorepo's root \(it has a pnpm-workspace\.yaml\), not an app; run it in the app's folder\.$/
        )
        expect(run.files).toEqual(run.before)
    })

    it.skipIf(!posix)("a reader that stops reading the run's messages (2>&1 | head -c 1) is no failure", () => {
        const root = app({[ADDED]: ADDED_CODE})
        const bin = path.join(PACKAGE_ROOT, "dist/src/cli/attio-app.js")
        const script = `"$1" "$2" webhook deal --dry-run 2>&1 | head -c 1 >/dev/null; echo "\${PIPESTATUS[0]}"`
        const r = spawnSync("bash", ["-c", script, "bash", process.execPath, bin], {
            cwd: root,
            encoding: "utf8",
            timeout: 60_000,
        })
        expect(r.stdout).toBe("0\n")
    })
})
