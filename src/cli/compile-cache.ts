/**
 * The compiled code of attio-lint, kept between runs (docs/performance.md, "The compile cache"): on Node 22.1 and
 * later Node's compile cache (attio-lint's modules and the TypeScript subset); on Node 20, which has none, a V8
 * code cache of the TypeScript subset alone (loadWithCodeCache), taken after the run's parse so that it holds the
 * parser's lazily compiled functions too.
 *
 * Either cache is code: V8 runs what it finds there once checks that whoever writes the file can satisfy pass. So
 * it lives in the node_modules folder that holds the running attio-lint (the app's, installed as the docs say),
 * where whoever can write can already change attio-lint itself: never in the shared temporary folder (Node's
 * default, where another user of the machine could plant it), nor at --cache-location, nor in an app linted by an
 * attio-lint installed elsewhere (a checkout could commit its node_modules/.cache).
 */
import crypto from "node:crypto"
import fs from "node:fs"
import module, {createRequire} from "node:module"
import path from "node:path"
import vm from "node:vm"

import {loadSyntaxBundleWith} from "../app-model/typescript.js"
import {PACKAGE_ROOT} from "../package-info.js"

/** Turns a cache on where attio-lint runs from a node_modules folder: Node's where it has one, else the subset's. */
export function enableCompileCache(): void {
    const enable = (module as {enableCompileCache?: (directory: string) => unknown}).enableCompileCache
    const directory = compileCacheDirectory(PACKAGE_ROOT)
    // Node's switch for its own cache turns off the V8 one too.
    if (directory === undefined || process.env.NODE_DISABLE_COMPILE_CACHE) return
    if (typeof enable === "function") enable(directory)
    else
        loadSyntaxBundleWith((file) => {
            const loaded = loadWithCodeCache(file, directory)
            // Taken at the end, when the run has compiled what it uses of the parser.
            if (loaded.cache !== "used") process.once("exit", loaded.save)
            return loaded.exports
        })
}

/** `<node_modules>/.cache/attio-lint-compile` of the node_modules folder that holds the package, if one does. */
export function compileCacheDirectory(packageRoot: string): string | undefined {
    const parts = packageRoot.split(path.sep)
    const at = parts.lastIndexOf("node_modules")
    return at === -1
        ? undefined
        : path.join(parts.slice(0, at + 1).join(path.sep) || path.sep, ".cache", "attio-lint-compile")
}

export interface CodeCachedModule {
    /** The CommonJS module's exports. */
    exports: unknown
    /** What the cache did: used, none found (or unreadable, damaged), or rejected by V8 (another V8, flags or source). */
    cache: "used" | "none" | "rejected"
    /** Writes the cache from the code compiled so far; a folder that cannot be written only costs the next run time. */
    save: () => void
}

/** What Node wraps a CommonJS module's source in. */
const WRAPPER = ["(function (exports, require, module, __filename, __dirname) { ", "\n});"]
/** Each cache file starts with this hash of the rest: V8 checks versions, flags and lengths, and the data only in debug builds. */
const CHECKSUM = "sha1"
const CHECKSUM_BYTES = 20

/**
 * Runs the CommonJS file `file` as `require` would, compiled with the V8 code cache kept in `directory`. The cache
 * file is named by a hash of the source, Node's and V8's versions and the flags, so an upgrade never reads another
 * build's data (V8 would reject it: then the cache is rewritten).
 */
export function loadWithCodeCache(file: string, directory: string): CodeCachedModule {
    const source = fs.readFileSync(file)
    const key = crypto.createHash("sha1")
    for (const part of [process.version, process.arch, process.versions.v8, process.execArgv.join("\0")])
        key.update(`${part}\0`)
    key.update(`${process.env.NODE_OPTIONS ?? ""}\0`).update(source)
    const cacheFile = path.join(directory, `${path.basename(file)}-${key.digest("hex").slice(0, 20)}.v8cache`)
    const cachedData = readCodeCache(cacheFile)
    const script = new vm.Script(WRAPPER[0] + source.toString("utf8") + WRAPPER[1], {filename: file, cachedData})
    const cjs = {exports: {}}
    const run = script.runInThisContext() as (...args: unknown[]) => void
    run.call(cjs.exports, cjs.exports, createRequire(file), cjs, file, path.dirname(file))
    return {
        exports: cjs.exports,
        cache: cachedData === undefined ? "none" : script.cachedDataRejected ? "rejected" : "used",
        save: () => writeCodeCache(cacheFile, script),
    }
}

/** The cached data, or undefined where there is none or it is not a whole regular file whose checksum holds. */
function readCodeCache(cacheFile: string): Buffer | undefined {
    let fd: number | undefined
    try {
        // Non-blocking: a FIFO in its place must not hang the run.
        fd = fs.openSync(cacheFile, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK)
        if (!fs.fstatSync(fd).isFile()) return undefined
        const file = fs.readFileSync(fd)
        const data = file.subarray(CHECKSUM_BYTES)
        const sum = crypto.createHash(CHECKSUM).update(data).digest()
        return file.length > CHECKSUM_BYTES && sum.equals(file.subarray(0, CHECKSUM_BYTES)) ? data : undefined
    } catch {
        return undefined
    } finally {
        if (fd !== undefined) fs.closeSync(fd)
    }
}

/** Written whole or not at all (a temp file renamed over it), so a run never reads another's half-written file. */
function writeCodeCache(cacheFile: string, script: vm.Script): void {
    const temp = `${cacheFile}.${process.pid}-${crypto.randomBytes(4).toString("hex")}.tmp`
    try {
        fs.mkdirSync(path.dirname(cacheFile), {recursive: true})
        // Opened first: where it cannot be written, the data is never made.
        const fd = fs.openSync(temp, "wx")
        try {
            const data = script.createCachedData()
            fs.writeFileSync(fd, crypto.createHash(CHECKSUM).update(data).digest())
            fs.writeFileSync(fd, data)
        } finally {
            fs.closeSync(fd)
        }
        fs.renameSync(temp, cacheFile)
    } catch {
        // A folder that cannot be written, a full disk: the next run compiles the subset again.
        try {
            fs.rmSync(temp, {force: true})
        } catch {
            // Nothing left to clean up where the folder cannot be written.
        }
    }
}
