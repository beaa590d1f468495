/**
 * The package as users get it: the `attio-app` bin run as a user would (a fresh process, stdin closed,
 * CI=true, as root in CI). yeoman-environment's lookup finding the generators in the packed package is in
 * test/precommit.test.ts, on the tarball and install that the pre-commit hook's test makes.
 */
import {spawn, spawnSync} from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import {describe, expect, it} from "vitest"
import {PACKAGE_ROOT, runBin} from "../support/bin.js"
import {tempDir, writeApp} from "../support/temp-app.js"
import {readTree} from "./support.js"

const VERSION = (JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, "package.json"), "utf8")) as {version: string})
    .version

describe("the attio-app bin", () => {
    // CI runs the tests as root, so this is also the "works as root" case (yo refuses root).
    it("adds a webhook with --yes, stdin closed and CI=true", () => {
        const root = writeApp({"src/app/settings/schema.ts": "export {}\n"})
        const result = runBin("attio-app", ["webhook", "prospect-updated", "--yes", "--event", "lead.processed"], {
            cwd: root,
        })
        expect(result.stderr).not.toMatch(/^\s+at /m)
        expect(result.code).toBe(0)
        expect(Object.keys(readTree(root)).sort()).toEqual([
            "package.json",
            "src/app/events/connection-added.event.ts",
            "src/app/events/connection-removed.event.ts",
            "src/app/settings/schema.ts",
            "src/app/webhooks/prospect-updated.webhook.ts",
        ])
        expect(result.stderr).toContain("create src/app/webhooks/prospect-updated.webhook.ts")
        expect(result.stderr).toContain("attio-lint: no problems.")
        expect(result.stderr).toContain("Next steps:")
    })

    it("run in a subfolder, writes to the app found upwards and names files from its root", () => {
        const root = writeApp({
            "src/app/webhooks/other.webhook.ts": "export default async (r: Request) => new Response(await r.text())\n",
        })
        const result = runBin("attio-app", ["webhook", "x", "--yes"], {cwd: path.join(root, "src/app/webhooks")})
        expect(result.code).toBe(0)
        const files = Object.keys(readTree(root))
        expect(files.filter((f) => f.startsWith("src/app/webhooks/src/"))).toEqual([])
        expect(files).toEqual(
            expect.arrayContaining(["src/app/webhooks/x.webhook.ts", "src/app/events/connection-added.event.ts"])
        )
        // Yeoman's lines, the lint summary and the next steps: every path from the app root.
        expect(result.stderr).toContain("   create src/app/webhooks/x.webhook.ts\n")
        expect(result.stderr).toMatch(/^ {2}src\/app\/webhooks\/other\.webhook\.ts:\d+:\d+ warning /m)
        expect(result.stderr).toContain("Fill in the sync in src/app/webhooks/x.webhook.ts")
        expect(result.stderr).not.toMatch(/\.\.\/|src\/app\/webhooks\/src\//)
    })

    it.each([
        ["webhook", "x", "--yes"],
        ["event", "connection-added"],
    ])("refuses outside any app with one line, and writes nothing: %j", (...args) => {
        const cwd = tempDir("attio-app-no-app-")
        const result = runBin("attio-app", args, {cwd})
        expect(result.code).toBe(1)
        expect(result.stderr).toBe(
            `attio-app: No app found at ${fs.realpathSync(cwd)}: no package.json or tsconfig.json there or in any folder above. Run the generator inside your app.\n`
        )
        expect(readTree(cwd)).toEqual({})
    })

    it("--dry-run shows diffs readably without a terminal, --force's overwrite included", () => {
        const root = writeApp({
            "src/app/webhooks/foo.webhook.ts": "// mine\nexport {}\n",
            "src/app/events/connection-added.event.ts":
                'import type {Connection} from "attio/server"\n\nexport default async function connectionAdded({connection}: {connection: Connection}) {\n    console.log(connection.id)\n}\n',
        })
        const before = readTree(root)
        const result = runBin("attio-app", ["webhook", "foo", "--dry-run", "--force"], {cwd: root})
        expect(result.code).toBe(0)
        expect(readTree(root)).toEqual(before)
        expect(result.stderr).not.toContain("removedadded")
        expect(result.stderr).toContain("    force src/app/webhooks/foo.webhook.ts\n")
        expect(result.stderr).toMatch(/^-\/\/ mine$/m)
        expect(result.stderr).toMatch(/^\+export default async function handleFoo\(/m)
        // Code added to an existing file is an update, not a forced overwrite.
        expect(result.stderr).toContain("   update src/app/events/connection-added.event.ts\n")
        expect(result.stderr).not.toContain("force src/app/events/connection-added.event.ts")
        expect(result.stderr).toMatch(
            /^ {5}console\.log\(connection\.id\)\n\+ {4}await registerFooWebhook\(connection\)$/m
        )
        // A new file in full, as added lines.
        expect(result.stderr).toMatch(
            /^ {3}create src\/app\/events\/connection-removed\.event\.ts\n@@ -0,0 \+1,\d+ @@\n\+/m
        )
        expect(result.stderr).toMatch(/^\+export default async function connectionRemoved\(/m)
        expect(result.stderr).toContain("Dry run: nothing was written.")
    })

    it("takes the defaults without --yes when there is no terminal, instead of waiting", () => {
        const root = writeApp({})
        const result = runBin("attio-app", ["webhook", "crm/deal-closed", "--no-register"], {cwd: root})
        expect(result.code).toBe(0)
        expect(Object.keys(readTree(root)).sort()).toEqual([
            "package.json",
            "src/app/webhooks/crm/deal-closed.webhook.ts",
        ])
    })

    it("scaffolds an event", () => {
        const root = writeApp({"src/events/x.ts": "export {}\n"})
        const result = runBin("attio-app", ["event", "connection-removed"], {cwd: root})
        expect(result.code).toBe(0)
        expect(readTree(root)["src/events/connection-removed.event.ts"]).toContain(
            "export default async function connectionRemoved("
        )
    })

    it.each([
        [
            ["webhook", "../escape", "--yes"],
            'attio-app: The handler name "../escape" contains "..", which would leave the webhooks folder.\n',
        ],
        [
            ["webhook", "x", "--yes"],
            /^attio-app: src\/app\/events\/connection-added\.event\.ts:2: the existing file does not parse \(.*\)\. Nothing was written\.\n$/,
        ],
        [["component"], /^There is no generator "component"\.\n\nUsage: attio-app/],
        [
            ["webhook", "--", "---"],
            'attio-app: The handler name "---" is empty once turned into kebab-case; use letters and digits.\n',
        ],
        [
            ["webhook", "x", "--event", ""],
            `attio-app: The event "" is empty; name the third party's event, e.g. lead.processed (without --event, the handler id is used).\n`,
        ],
        [
            ["event", "../x"],
            'attio-app: There is no "../x" event; the platform has connection-added and connection-removed.\n',
        ],
        [["webhook", "x", "--registr-url", "y"], /unknown option '--registr-url'/],
    ])("fails with one clear message and writes nothing: %j", (args, message) => {
        const root = writeApp({"src/app/events/connection-added.event.ts": "export default {\n"})
        const before = readTree(root)
        const result = runBin("attio-app", args, {cwd: root})
        expect(result.code).toBe(1)
        expect(result.stderr).toMatch(message)
        expect(result.stderr).not.toMatch(/^\s+at /m)
        expect(readTree(root)).toEqual(before)
    })

    it("prints its help, each generator's options, and its version", () => {
        const cwd = os.tmpdir()
        const help = runBin("attio-app", ["--help"], {cwd})
        expect(help.code).toBe(0)
        expect(help.stdout).toMatch(/^Usage: attio-app <generator> \[name\] \[options\]/)
        const webhook = runBin("attio-app", ["webhook", "--help"], {cwd})
        expect(webhook.code).toBe(0)
        for (const option of [
            "attio-app webhook [<name>] [options]",
            "--event",
            "--register-url",
            "--register",
            "--no-register",
            "--yes",
            "--force",
            "--dry-run",
            "--bail",
        ]) {
            expect(webhook.stdout).toContain(option)
        }
        expect(runBin("attio-app", ["--version"], {cwd}).stdout).toBe(`${VERSION}\n`)
    })
})

describe("the attio-app bin and its surroundings: one line, never a stack trace", () => {
    const BIN = path.join(PACKAGE_ROOT, "dist/src/cli/attio-app.js")

    it.each([["-v"], ["--help"]])("%s into a full disk (/dev/full) exits 2 with one line", (flag) => {
        const full = fs.openSync("/dev/full", "w")
        try {
            const result = spawnSync(process.execPath, [BIN, flag], {stdio: ["ignore", full, "pipe"], encoding: "utf8"})
            expect(result.stderr).toBe("attio-app: cannot write the output: ENOSPC: no space left on device, write\n")
            expect(result.status).toBe(2)
        } finally {
            fs.closeSync(full)
        }
    })

    it("--help into a pipe closed by its reader (| head -1) ends quietly", async () => {
        const child = spawn(process.execPath, [BIN, "--help"], {stdio: ["ignore", "pipe", "pipe"]})
        child.stdout.destroy()
        let stderr = ""
        child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()))
        const code = await new Promise((resolve) => child.on("close", resolve))
        expect(stderr).toBe("")
        expect(code).toBe(0)
    })

    it("an error thrown outside the run (a timer of a dependency) ends in one line", () => {
        const dir = tempDir("attio-app-boom-")
        try {
            const boom = path.join(dir, "boom.mjs")
            // Thrown once the bin has set its handler up (a fixed delay could fire before a slow start did), or
            // after 5 s without one.
            fs.writeFileSync(
                boom,
                'let ticks = 0\nconst timer = setInterval(() => {\n    if (process.listenerCount("uncaughtException") === 0 && ++ticks < 1000) return\n    clearInterval(timer)\n    throw new Error("boom")\n}, 5)\n'
            )
            const result = runBin("attio-app", ["webhook", "--help"], {
                cwd: dir,
                env: {NODE_OPTIONS: `--import=${boom}`},
            })
            expect(result.stderr).toBe("attio-app: internal error: boom\n")
            expect(result.code).toBe(1)
        } finally {
            fs.rmSync(dir, {recursive: true, force: true})
        }
    })

    it.each([["webhook x --yes"], ["test-setup"]])(
        "%s in a working folder that was deleted exits 2 with one line",
        (args) => {
            const dir = tempDir("attio-app-gone-")
            const script = `cd "$1" && rmdir "$1" && exec "$2" "$3" ${args}`
            const result = spawnSync("sh", ["-c", script, "sh", dir, process.execPath, BIN], {encoding: "utf8"})
            expect(result.stderr).toMatch(
                /^attio-app: the working folder cannot be read \(ENOENT[^\n]*; it may have been deleted\. Go to the app's folder and run again\.\n$/
            )
            expect(result.status).toBe(2)
        }
    )
})
