/**
 * The compiled code of attio-lint, kept between runs (docs/performance.md, "The compile cache"): on Node 22.1 and
 * later Node's compile cache (attio-lint's modules and the TypeScript subset); on Node 20, which has none, a V8
 * code cache of the TypeScript subset alone (loadWithCodeCache), taken after the run's parse so that it holds the
 * parser's lazily compiled functions too.
 *
 * Either cache is code: V8 runs what it finds there once checks that whoever writes the file can satisfy pass. So
 * it lives in the node_modules folder that holds the running attio-lint (the app's, installed as the docs say):
 * never in the shared temporary folder (Node's default, where another user of the machine could plant it), nor at
 * --cache-location, nor in an app linted by an attio-lint installed elsewhere. And since an app's repository can
 * commit files into node_modules/.cache, which `npm install` keeps, the names there come from the installed files'
 * identity (installName), which no committed file can know.
 */
import crypto from "node:crypto"
import fs from "node:fs"
import module, {createRequire} from "node:module"
import path from "node:path"
import {fileURLToPath} from "node:url"
import vm from "node:vm"

import {loadSyntaxBundleWith} from "../app-model/typescript.js"
import {PACKAGE_ROOT} from "../package-info.js"

/** The subset's cache to write, until saveCompileCache() or the exit writes it. */
let pendingSave: (() => void) | undefined

/** Turns a cache on where attio-lint runs from a node_modules folder: Node's where it has one, else the subset's. */
export function enableCompileCache(): void {
    const enable = (module as {enableCompileCache?: (directory: string) => unknown}).enableCompileCache
    const directory = compileCacheDirectory(PACKAGE_ROOT)
    // Node's switch for its own cache turns off the V8 one too.
    if (directory === undefined || process.env.NODE_DISABLE_COMPILE_CACHE) return
    if (typeof enable === "function") {
        const own = installCacheFolder(directory, fileURLToPath(import.meta.url))
        if (own !== undefined) enable(own)
    } else
        loadSyntaxBundleWith((file) => {
            const loaded = loadWithCodeCache(file, directory)
            if (loaded.cache !== "used") {
                // Taken at the end (or after --watch's first lint), when the run has compiled what it uses of the parser.
                pendingSave = loaded.save
                process.once("exit", saveCompileCache)
            }
            return loaded.exports
        })
}

/**
 * Writes the compile cache now rather than at exit: `--watch` ends on Ctrl-C, which kills the process without an
 * exit event. Does nothing where there is nothing (left) to write.
 */
export function saveCompileCache(): void {
    const save = pendingSave
    pendingSave = undefined
    save?.()
    // Node 22.10 and later: Node's cache, written at exit otherwise.
    ;(module as {flushCompileCache?: () => void}).flushCompileCache?.()
}

/**
 * A name for the installed file `file` that a file committed to an app cannot know: a hash of its device, inode and
 * change time (set by the kernel, never by a user: a checkout or an install makes new ones), with Node's version,
 * so that an upgrade of either starts a new cache (and prunes the old one). None where the file cannot be read.
 */
export function installName(file: string): string | undefined {
    try {
        return identityHash(fs.statSync(file, {bigint: true}))
            .digest("hex")
            .slice(0, 20)
    } catch {
        return undefined
    }
}

/**
 * The folder in `directory` for Node's compile cache of the install that holds `file`: `install-<installName>`, a
 * name a committed folder cannot have. A new one prunes what other installs left. None where `file` cannot be read.
 */
export function installCacheFolder(directory: string, file: string): string | undefined {
    const name = installName(file)
    if (name === undefined) return undefined
    const own = path.join(directory, `install-${name}`)
    if (!fs.existsSync(own)) pruneCompileCache(directory, path.basename(own))
    return own
}

/** The hash of what identifies an installed file (installName), to be completed with what else names the cache. */
function identityHash(stat: fs.BigIntStats): crypto.Hash {
    const key = crypto.createHash("sha1")
    for (const part of [process.version, process.arch, process.versions.v8, stat.dev, stat.ino, stat.ctimeNs])
        key.update(`${part}\0`)
    return key
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
export const WRAPPER = ["(function (exports, require, module, __filename, __dirname) { ", "\n});"]
/** Far above the subset's cache (about 1.3 MB): a larger file is refused before it is read (its cost, not its use). */
export const MAX_CACHE_BYTES = 16 * 1024 * 1024
/** A temp file this old was left by a killed run: a running one renames its own within a second or so. */
const STALE_TEMP_MS = 60_000
/** Node 22's per-install folders (enableCompileCache). */
const INSTALL_FOLDER = /^install-[0-9a-f]+$/
/** Each cache file starts with this hash of the rest: V8 checks versions, flags and lengths, and the data only in debug builds. */
const CHECKSUM = "sha1"
const CHECKSUM_BYTES = 20

/**
 * Runs the CommonJS file `file` as `require` would, compiled with the V8 code cache kept in `directory`. The cache
 * file is named by a hash of the file's identity (installName: a committed cache cannot know its name), of its
 * bytes, and of the flags, so an upgrade never reads another build's data (V8 would reject it: then the cache is
 * rewritten).
 */
export function loadWithCodeCache(file: string, directory: string): CodeCachedModule {
    // One descriptor for the identity and the bytes: the identity is that of the file read.
    const fd = fs.openSync(file, "r")
    let source: Buffer
    let key: crypto.Hash
    try {
        key = identityHash(fs.fstatSync(fd, {bigint: true}))
        source = fs.readFileSync(fd)
    } finally {
        fs.closeSync(fd)
    }
    key.update(`${process.execArgv.join("\0")}\0${process.env.NODE_OPTIONS ?? ""}\0`).update(source)
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
        const stat = fs.fstatSync(fd)
        if (!stat.isFile() || stat.size > MAX_CACHE_BYTES) return undefined
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
        pruneCompileCache(path.dirname(cacheFile), path.basename(cacheFile))
    } catch {
        // A folder that cannot be written, a full disk: the next run compiles the subset again.
        try {
            fs.rmSync(temp, {force: true})
        } catch {
            // Nothing left to clean up where the folder cannot be written.
        }
    }
}

/**
 * Removes the cache folder's entries other than `keep` that earlier runs left: caches of another Node, attio-lint
 * or set of flags (`*.v8cache`), Node 22's folders of another install (`install-*`), and temp files of killed runs
 * (`*.tmp`, once a minute old). Links are never followed nor removed, nor is anything else; never fails.
 */
export function pruneCompileCache(directory: string, keep: string): void {
    let names: string[]
    try {
        names = fs.readdirSync(directory)
    } catch {
        return
    }
    for (const name of names) {
        if (name === keep) continue
        const entry = path.join(directory, name)
        try {
            const stat = fs.lstatSync(entry)
            if (stat.isDirectory() && INSTALL_FOLDER.test(name)) fs.rmSync(entry, {recursive: true})
            else if (stat.isFile() && name.endsWith(".v8cache")) fs.rmSync(entry)
            else if (stat.isFile() && name.endsWith(".tmp") && Date.now() - stat.mtimeMs > STALE_TEMP_MS)
                fs.rmSync(entry)
        } catch {
            // Removed by another run first, or a folder this user cannot write: left for a later write.
        }
    }
}
