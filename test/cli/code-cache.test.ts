/**
 * The TypeScript subset's V8 code cache (src/cli/compile-cache.ts), end to end: the built attio-lint package copied
 * into a node_modules folder, as installed, and spawned on an app. On a Node with its own compile cache (22.1 and
 * later) the bin uses that one instead, so the V8 cache's tests are skipped there.
 */
import {spawn, spawnSync} from "node:child_process"
import fs from "node:fs"
import module from "node:module"
import path from "node:path"
import vm from "node:vm"
import crypto from "node:crypto"

import {afterAll, beforeAll, describe, expect, it} from "vitest"

import {PACKAGE_ROOT} from "../support/bin.js"
import {foreignCodeCache, predictableCacheName} from "../support/planted-code-cache.js"
import {removeWrittenApps, tempDir, writeApp} from "../support/temp-app.js"

const NODE_HAS_COMPILE_CACHE = typeof (module as {enableCompileCache?: unknown}).enableCompileCache === "function"
const LINTER = path.join(PACKAGE_ROOT, "packages/attio-lint")
const BIN = "dist/src/cli/attio-lint.js"

/** A handler with no Response on one path, and a connection event that names a missing handler. */
const APP = {
    "src/webhooks/lead.webhook.ts":
        "export default async function handler(req: Request) {\n    if (req.body) return new Response(null)\n}\n",
    "src/events/connection-added.event.ts":
        'import {createWebhookHandler} from "attio/server"\n\nexport default async function added() {\n    await createWebhookHandler({fileName: "leads"})\n}\n',
}

let install: string
let cacheDir: string
let app: string
/** Where the bins may write besides the app and its cache location: checked to stay empty. */
let tmp: string

beforeAll(() => {
    install = tempDir("attio-lint-installed-")
    const pkg = path.join(install, "node_modules", "attio-lint")
    fs.mkdirSync(pkg, {recursive: true})
    fs.cpSync(path.join(LINTER, "dist"), path.join(pkg, "dist"), {recursive: true})
    fs.copyFileSync(path.join(LINTER, "package.json"), path.join(pkg, "package.json"))
    fs.symlinkSync(path.join(PACKAGE_ROOT, "node_modules"), path.join(pkg, "node_modules"), "dir")
    cacheDir = path.join(install, "node_modules", ".cache", "attio-lint-compile")
    app = writeApp(APP)
    tmp = tempDir("attio-lint-tmp-")
})
afterAll(removeWrittenApps)

/** The installed bin, or the checkout's, with a fresh --cache-location and its own TMPDIR. */
function command(from: "installed" | "checkout", args: string[], env: Record<string, string> = {}) {
    const bin =
        from === "installed" ? path.join(install, "node_modules", "attio-lint", BIN) : path.join(PACKAGE_ROOT, BIN)
    const cacheLocation = path.join(tempDir("attio-lint-facts-"), "cache")
    return {
        args: [bin, "--cache-location", cacheLocation, ...args],
        options: {
            cwd: app,
            stdio: ["ignore", "pipe", "pipe"] as ["ignore", "pipe", "pipe"],
            env: {...process.env, NO_COLOR: "1", CI: "true", TMPDIR: tmp, TMP: tmp, TEMP: tmp, ...env},
        },
        cacheLocation,
    }
}

/** A cold run (a fresh --cache-location) of the installed copy, or of the checkout's bin. */
function lint(from: "installed" | "checkout", format = "json", env: Record<string, string> = {}, args: string[] = []) {
    const {args: argv, options, cacheLocation} = command(from, ["--format", format, ...args], env)
    const result = spawnSync(process.execPath, argv, {...options, encoding: "utf8", timeout: 60_000})
    return {code: result.status, stdout: result.stdout, stderr: result.stderr, cacheLocation}
}

/** The installed subset, and cache data that writes `marker` where V8 runs it in the subset's place. */
const subsetFile = () => path.join(install, "node_modules", "attio-lint", "dist", "typescript-syntax.cjs")
function plantedCache(marker: string): Buffer {
    const code = `require("node:fs").writeFileSync(${JSON.stringify(marker)}, "ran")`
    return foreignCodeCache(fs.readFileSync(subsetFile()), code)
}

/** Every file under `dir` whose name says V8 code cache. */
function codeCaches(dir: string): string[] {
    if (!fs.existsSync(dir)) return []
    return (fs.readdirSync(dir, {recursive: true}) as string[]).filter((f) => f.endsWith(".v8cache"))
}

/** The one code cache file, with what tells a rewrite (a new inode: it is renamed into place). */
function cacheFile() {
    const files = codeCaches(cacheDir)
    expect(files).toHaveLength(1)
    const file = path.join(cacheDir, files[0])
    return {file, ino: fs.statSync(file).ino, bytes: fs.readFileSync(file)}
}

describe.skipIf(NODE_HAS_COMPILE_CACHE)("the TypeScript subset's V8 code cache, installed (Node 20)", () => {
    let expected: Record<string, string>

    beforeAll(() => {
        // What a checkout prints, without any cache, in each format.
        expected = Object.fromEntries(
            ["json", "stylish", "sarif", "github"].map((format) => [format, lint("checkout", format).stdout])
        )
    })

    it("is written by the first run beside attio-lint, used by the next ones, and changes no output", () => {
        fs.rmSync(cacheDir, {recursive: true, force: true})
        const first = lint("installed")
        expect(first).toMatchObject({code: 1, stdout: expected.json, stderr: ""})
        const written = cacheFile()
        for (const format of ["json", "stylish", "sarif", "github"]) {
            const run = lint("installed", format)
            expect(run).toMatchObject({code: 1, stdout: expected[format], stderr: ""})
        }
        // Used, not rewritten: V8 accepted it.
        const after = cacheFile()
        expect(after.ino).toBe(written.ino)
        expect(after.bytes.equals(written.bytes)).toBe(true)
    })

    it("replaces data V8 rejects and damaged, short or foreign files, never failing a run", () => {
        lint("installed")
        const {file, bytes: good} = cacheFile()
        const foreign = new vm.Script("exports.answer = 42").createCachedData()
        const checksummed = Buffer.concat([crypto.createHash("sha1").update(foreign).digest(), foreign])
        for (const bad of [
            checksummed,
            foreign,
            good.subarray(0, good.length - 100),
            Buffer.from("attio"),
            Buffer.alloc(0),
        ]) {
            fs.writeFileSync(file, bad)
            const before = fs.statSync(file).ino
            expect(lint("installed")).toMatchObject({code: 1, stdout: expected.json, stderr: ""})
            const rewritten = cacheFile()
            expect(rewritten.ino).not.toBe(before)
            // Whole again, and used by the next run.
            expect(lint("installed")).toMatchObject({code: 1, stdout: expected.json, stderr: ""})
            expect(cacheFile().ino).toBe(rewritten.ino)
        }
    })

    it("a FIFO in the file's place neither hangs nor fails a run", () => {
        lint("installed")
        const {file} = cacheFile()
        fs.rmSync(file)
        expect(spawnSync("mkfifo", [file]).status).toBe(0)
        expect(lint("installed")).toMatchObject({code: 1, stdout: expected.json, stderr: ""})
        expect(fs.statSync(file).isFile()).toBe(true)
    })

    it("is neither read nor written with NODE_DISABLE_COMPILE_CACHE set, Node's switch for its own", () => {
        fs.rmSync(cacheDir, {recursive: true, force: true})
        const run = lint("installed", "json", {NODE_DISABLE_COMPILE_CACHE: "1"})
        expect(run).toMatchObject({code: 1, stdout: expected.json, stderr: ""})
        expect(fs.existsSync(cacheDir)).toBe(false)
        // Not read: data under this install's own name that V8 would run (as the run without the switch shows).
        lint("installed")
        const marker = path.join(tempDir("attio-lint-marker-"), "ran")
        fs.writeFileSync(cacheFile().file, plantedCache(marker))
        const planted = cacheFile()
        expect(lint("installed", "json", {NODE_DISABLE_COMPILE_CACHE: "1"})).toMatchObject({
            code: 1,
            stdout: expected.json,
            stderr: "",
        })
        expect(fs.existsSync(marker)).toBe(false)
        expect(cacheFile()).toEqual(planted)
        expect(lint("installed")).toMatchObject({code: 1, stdout: expected.json, stderr: ""})
        expect(fs.existsSync(marker)).toBe(true)
        fs.rmSync(cacheDir, {recursive: true})
    })

    it("never runs a cache an app's repository could commit under a name it can compute; prunes it and stale files", () => {
        fs.rmSync(cacheDir, {recursive: true, force: true})
        fs.mkdirSync(cacheDir, {recursive: true})
        const marker = path.join(tempDir("attio-lint-marker-"), "ran")
        // The first scheme's name: public inputs only (Node, V8, flags, the subset's bytes).
        const planted = path.join(cacheDir, predictableCacheName(subsetFile(), fs.readFileSync(subsetFile())))
        fs.writeFileSync(planted, plantedCache(marker))
        // A killed run's temp file, minutes old.
        const stale = `${planted}.123-abcd.tmp`
        fs.writeFileSync(stale, "half")
        const minutesAgo = new Date(Date.now() - 120_000)
        fs.utimesSync(stale, minutesAgo, minutesAgo)
        expect(lint("installed")).toMatchObject({code: 1, stdout: expected.json, stderr: ""})
        const written = cacheFile()
        expect(written.file).not.toBe(planted)
        expect(fs.readdirSync(cacheDir)).toEqual([path.basename(written.file)])
        // The real cache still works across runs.
        expect(lint("installed")).toMatchObject({code: 1, stdout: expected.json, stderr: ""})
        expect(cacheFile()).toEqual(written)
        expect(fs.existsSync(marker)).toBe(false)
    })

    it("is written by --watch after its first lint: Ctrl-C ends the process without the exit event", async () => {
        fs.rmSync(cacheDir, {recursive: true, force: true})
        const {args, options} = command("installed", ["--watch"])
        const child = spawn(process.execPath, args, options)
        let output = ""
        child.stdout.on("data", (chunk) => (output += chunk))
        const exited = new Promise((resolve) => child.on("exit", (code, signal) => resolve({code, signal})))
        try {
            for (let i = 0; i < 600 && !output.includes("watching"); i++) await new Promise((r) => setTimeout(r, 50))
            expect(output).toContain("watching")
            expect(codeCaches(cacheDir)).toHaveLength(1)
        } finally {
            child.kill("SIGINT")
        }
        expect(await exited).toEqual({code: null, signal: "SIGINT"})
        expect(lint("installed")).toMatchObject({code: 1, stdout: expected.json, stderr: ""})
        cacheFile()
    })

    it("a cache folder that cannot be written only costs speed", () => {
        fs.rmSync(cacheDir, {recursive: true, force: true})
        // A file where the folder would be: the one obstacle that holds for root too.
        fs.writeFileSync(cacheDir, "not a folder")
        try {
            expect(lint("installed")).toMatchObject({code: 1, stdout: expected.json, stderr: ""})
            expect(fs.readFileSync(cacheDir, "utf8")).toBe("not a folder")
        } finally {
            fs.rmSync(cacheDir)
        }
    })
})

describe("where no code cache is written", () => {
    it("nowhere with --no-cache: the installed copy makes no cache folder", () => {
        fs.rmSync(cacheDir, {recursive: true, force: true})
        expect(fs.existsSync(cacheDir)).toBe(false)
        const run = lint("installed", "json", {}, ["--no-cache"])
        expect(run).toMatchObject({code: 1, stderr: ""})
        expect(run.stdout).toBe(lint("checkout").stdout)
        expect(fs.existsSync(cacheDir)).toBe(false)
    })

    it("nowhere from a checkout of attio-lint; never in the app, at --cache-location or in the temporary folder", () => {
        const checkout = lint("checkout")
        expect(checkout.code).toBe(1)
        const installed = lint("installed")
        expect(installed.stdout).toBe(checkout.stdout)
        for (const dir of [
            app,
            checkout.cacheLocation,
            installed.cacheLocation,
            tmp,
            path.join(PACKAGE_ROOT, "node_modules/.cache"),
        ])
            expect(codeCaches(dir), dir).toEqual([])
        expect(fs.readdirSync(tmp)).toEqual([])
    })
})
