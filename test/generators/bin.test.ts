/**
 * The package as users get it: the `attio-app` bin run as a user would (a fresh process, stdin closed,
 * CI=true, as root in CI) for what the process adds, and its run in this process (runAttioAppHere) for what each
 * command writes and prints. yeoman-environment's lookup finding the generators in the packed package is in
 * test/precommit.test.ts, on the tarball and install that the pre-commit hook's test makes.
 */
import {spawn, spawnSync} from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import {describe, expect, it} from "vitest"
import {runAttioAppHere} from "../support/attio-app.js"
import {PACKAGE_ROOT, runBin} from "../support/bin.js"
import {tempDir, writeApp} from "../support/temp-app.js"
import {readTree} from "./support.js"

const VERSION = (JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, "package.json"), "utf8")) as {version: string})
    .version

describe("the attio-app bin", () => {
    // CI runs the tests as root, so this is also the "works as root" case (yo refuses root). One run for the
    // process's part of a run: no --yes, stdin closed, CI=true, in a subfolder; what a run writes and prints for
    // each command is the in-process tests' below.
    it("run in a subfolder without --yes, stdin closed and CI=true, takes the defaults, writes to the app found upwards and names files from its root", () => {
        const root = writeApp({
            "src/app/webhooks/other.webhook.ts": "export default async (r: Request) => new Response(await r.text())\n",
        })
        const result = runBin("attio-app", ["webhook", "x"], {cwd: path.join(root, "src/app/webhooks")})
        expect(result.stderr).not.toMatch(/^\s+at /m)
        expect(result.code).toBe(0)
        expect(Object.keys(readTree(root)).sort()).toEqual([
            "package.json",
            "src/app/events/connection-added.event.ts",
            "src/app/events/connection-removed.event.ts",
            "src/app/webhooks/other.webhook.ts",
            "src/app/webhooks/x.webhook.ts",
        ])
        // Yeoman's lines, the lint summary and the next steps, on stderr: every path from the app root.
        expect(result.stdout).toBe("")
        expect(result.stderr).toContain("   create src/app/webhooks/x.webhook.ts\n")
        expect(result.stderr).toMatch(/^ {2}src\/app\/webhooks\/other\.webhook\.ts:\d+:\d+ warning /m)
        expect(result.stderr).toContain("Next steps:")
        expect(result.stderr).toContain("Fill in the sync in src/app/webhooks/x.webhook.ts")
        expect(result.stderr).not.toMatch(/\.\.\/|src\/app\/webhooks\/src\//)
    })

    it("refuses outside any app with one line and exit code 1, and writes nothing", () => {
        const cwd = tempDir("attio-app-no-app-")
        const result = runBin("attio-app", ["webhook", "x", "--yes"], {cwd})
        expect(result.code).toBe(1)
        expect(result.stderr).toBe(
            `attio-app: No app found at ${fs.realpathSync(cwd)}: no package.json or tsconfig.json there or in any folder above. Run the generator inside your app.\n`
        )
        expect(readTree(cwd)).toEqual({})
    })

    // Commander reports an unknown option and ends the process itself, so this one cannot run in-process.
    it("fails on an unknown option with exit code 1, and writes nothing", () => {
        const root = writeApp({})
        const before = readTree(root)
        const result = runBin("attio-app", ["webhook", "x", "--registr-url", "y"], {cwd: root})
        expect(result.code).toBe(1)
        expect(result.stderr).toMatch(/unknown option '--registr-url'/)
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

/** The bin's run in this process (runAttioAppHere): what each command writes, prints and answers. */
describe("attio-app's run", () => {
    it("adds a webhook with --yes", async () => {
        const root = writeApp({"src/app/settings/schema.ts": "export {}\n"})
        const result = await runAttioAppHere(["webhook", "prospect-updated", "--yes", "--event", "lead.processed"], {
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

    it("refuses the event generator outside any app with one line, and writes nothing", async () => {
        const cwd = fs.realpathSync(tempDir("attio-app-no-app-"))
        const result = await runAttioAppHere(["event", "connection-added"], {cwd})
        expect(result.code).toBe(1)
        expect(result.stderr).toBe(
            `attio-app: No app found at ${cwd}: no package.json or tsconfig.json there or in any folder above. Run the generator inside your app.\n`
        )
        expect(readTree(cwd)).toEqual({})
    })

    it("--dry-run shows diffs readably without a terminal, --force's overwrite included", async () => {
        const root = writeApp({
            "src/app/webhooks/foo.webhook.ts": "// mine\nexport {}\n",
            "src/app/events/connection-added.event.ts":
                'import type {Connection} from "attio/server"\n\nexport default async function connectionAdded({connection}: {connection: Connection}) {\n    console.log(connection.id)\n}\n',
        })
        const before = readTree(root)
        const result = await runAttioAppHere(["webhook", "foo", "--dry-run", "--force"], {cwd: root})
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

    it("takes the defaults without --yes when there is no terminal, instead of waiting", async () => {
        const root = writeApp({})
        const result = await runAttioAppHere(["webhook", "crm/deal-closed", "--no-register"], {cwd: root})
        expect(result.code).toBe(0)
        expect(Object.keys(readTree(root)).sort()).toEqual([
            "package.json",
            "src/app/webhooks/crm/deal-closed.webhook.ts",
        ])
    })

    it("scaffolds an event", async () => {
        const root = writeApp({"src/events/x.ts": "export {}\n"})
        const result = await runAttioAppHere(["event", "connection-removed"], {cwd: root})
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
    ])("fails with one clear message and writes nothing: %j", async (args, message) => {
        const root = writeApp({"src/app/events/connection-added.event.ts": "export default {\n"})
        const before = readTree(root)
        const result = await runAttioAppHere(args, {cwd: root})
        expect(result.code).toBe(1)
        expect(result.stderr).toMatch(message)
        expect(result.stderr).not.toMatch(/^\s+at /m)
        expect(readTree(root)).toEqual(before)
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
