/**
 * The TypeScript subset's V8 code cache (src/cli/compile-cache.ts), end to end: the built attio-lint package copied
 * into a node_modules folder, as installed, and spawned on an app. On a Node with its own compile cache (22.1 and
 * later) the bin uses that one instead, so the V8 cache's tests are skipped there.
 */
import {spawnSync} from "node:child_process"
import fs from "node:fs"
import module from "node:module"
import path from "node:path"
import vm from "node:vm"
import crypto from "node:crypto"

import {afterAll, beforeAll, describe, expect, it} from "vitest"

import {PACKAGE_ROOT} from "../support/bin.js"
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

/** A cold run (a fresh --cache-location) of the installed copy, or of the checkout's bin, with its own TMPDIR. */
function lint(from: "installed" | "checkout", format = "json", env: Record<string, string> = {}) {
    const bin =
        from === "installed" ? path.join(install, "node_modules", "attio-lint", BIN) : path.join(PACKAGE_ROOT, BIN)
    const cacheLocation = path.join(tempDir("attio-lint-facts-"), "cache")
    const result = spawnSync(process.execPath, [bin, "--format", format, "--cache-location", cacheLocation], {
        cwd: app,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
        env: {...process.env, NO_COLOR: "1", CI: "true", TMPDIR: tmp, TMP: tmp, TEMP: tmp, ...env},
        timeout: 60_000,
    })
    return {code: result.status, stdout: result.stdout, stderr: result.stderr, cacheLocation}
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
