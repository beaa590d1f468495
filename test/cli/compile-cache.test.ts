import crypto from "node:crypto"
import fs from "node:fs"
import path from "node:path"

import {afterAll, describe, expect, it} from "vitest"

import {
    compileCacheDirectory,
    installCacheFolder,
    installName,
    loadWithCodeCache,
    MAX_CACHE_BYTES,
    pruneCompileCache,
} from "../../src/cli/compile-cache.js"
import {foreignCodeCache, predictableCacheName} from "../support/planted-code-cache.js"
import {removeWrittenApps, tempDir} from "../support/temp-app.js"

/** A CommonJS module that uses what Node hands a module. */
const MODULE =
    'exports.answer = (() => {\n    return 42\n})()\nexports.filename = __filename\nexports.dirname = __dirname\nexports.joined = require("node:path").posix.join("a", "b")\n'

const at = (...parts: string[]) => path.join(path.sep, ...parts)

describe("the compile cache's folder", () => {
    it("is in the node_modules folder that holds attio-lint: the app's, a workspace's, a global install's", () => {
        expect(compileCacheDirectory(at("app", "node_modules", "attio-lint"))).toBe(
            at("app", "node_modules", ".cache", "attio-lint-compile")
        )
        expect(compileCacheDirectory(at("repo", "node_modules", "@scope", "tools", "node_modules", "attio-lint"))).toBe(
            at("repo", "node_modules", "@scope", "tools", "node_modules", ".cache", "attio-lint-compile")
        )
        expect(compileCacheDirectory(at("usr", "lib", "node_modules", "generator-attio-app"))).toBe(
            at("usr", "lib", "node_modules", ".cache", "attio-lint-compile")
        )
    })

    it("is none for a checkout of attio-lint (no node_modules folder holds it): no cache, rather than the shared temporary folder", () => {
        expect(compileCacheDirectory(at("work", "generator-attio-app"))).toBeUndefined()
    })
})

describe("the TypeScript subset's V8 code cache (Node without a compile cache)", () => {
    afterAll(removeWrittenApps)

    const cacheFolder = () =>
        path.join(tempDir("attio-lint-code-cache-"), "node_modules", ".cache", "attio-lint-compile")
    const cacheFiles = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [])
    /** A new installed copy of `source`, as an install (or a reinstall) writes one. */
    function install(source = MODULE): string {
        const file = path.join(tempDir("attio-lint-code-cache-module-"), "subset.cjs")
        fs.writeFileSync(file, source)
        return file
    }
    /** The one installed copy of each source, for the loads that do not name one. */
    const installed = new Map<string, string>()
    /**
     * Runs the installed `file` (of `source`) as a module and checks it ran as `require` would, whatever the cache
     * held. Each load reaches the file by a new link: V8 keeps what it compiled in the process by file name too, and
     * would answer a second load of one name from there, never reading the cache.
     */
    function load(cacheDir: string, source = MODULE, file = installed.get(source)) {
        if (file === undefined) installed.set(source, (file = install(source)))
        const link = path.join(tempDir("attio-lint-code-cache-link-"), "subset.cjs")
        fs.symlinkSync(file, link)
        const loaded = loadWithCodeCache(link, cacheDir)
        expect(loaded.exports).toEqual({answer: 42, filename: link, dirname: path.dirname(link), joined: "a/b"})
        return loaded
    }

    it("runs the module as require would, is written by save, and is used by the next load", () => {
        const cacheDir = cacheFolder()
        const first = load(cacheDir)
        expect(first.cache).toBe("none")
        expect(cacheFiles(cacheDir)).toEqual([])
        first.save()
        expect(cacheFiles(cacheDir)).toEqual([expect.stringMatching(/^subset\.cjs-[0-9a-f]{20}\.v8cache$/)])
        expect(load(cacheDir).cache).toBe("used")
    })

    it("replaces data V8 rejects (another source's, under this source's name) and uses it afterwards", () => {
        const [cacheDir, otherDir] = [cacheFolder(), cacheFolder()]
        load(cacheDir).save()
        load(otherDir, `${MODULE}exports.answer = 42\n`).save()
        const [name, other] = [cacheFiles(cacheDir)[0], cacheFiles(otherDir)[0]]
        expect(other).not.toBe(name)
        // A whole, checksummed file: only V8 can tell it is not this source's.
        fs.copyFileSync(path.join(otherDir, other), path.join(cacheDir, name))
        const rejected = load(cacheDir)
        expect(rejected.cache).toBe("rejected")
        rejected.save()
        expect(load(cacheDir).cache).toBe("used")
    })

    it("reads a damaged, short, empty or foreign file, or a folder in its place, as no cache, and replaces the file", () => {
        const cacheDir = cacheFolder()
        load(cacheDir).save()
        const [name] = cacheFiles(cacheDir)
        const cacheFile = path.join(cacheDir, name)
        const good = fs.readFileSync(cacheFile)
        const flipped = Buffer.from(good)
        flipped[flipped.length >> 1] ^= 0xff
        for (const bad of [good.subarray(0, good.length >> 1), good.subarray(0, 3), Buffer.alloc(0), flipped]) {
            fs.writeFileSync(cacheFile, bad)
            const loaded = load(cacheDir)
            expect(loaded.cache).toBe("none")
            loaded.save()
            expect(load(cacheDir).cache).toBe("used")
        }
        fs.rmSync(cacheFile)
        fs.mkdirSync(cacheFile)
        const loaded = load(cacheDir)
        expect(loaded.cache).toBe("none")
        loaded.save()
        expect(cacheFiles(cacheDir)).toEqual([name])
        expect(fs.statSync(cacheFile).isDirectory()).toBe(true)
    })

    it("costs only the cache where its folder cannot be made: save neither throws nor leaves a file", () => {
        const cacheDir = cacheFolder()
        fs.mkdirSync(path.dirname(cacheDir), {recursive: true})
        // A file where the folder would be: the one obstacle that holds for root too.
        fs.writeFileSync(cacheDir, "not a folder")
        const loaded = load(cacheDir)
        expect(() => loaded.save()).not.toThrow()
        expect(fs.readFileSync(cacheDir, "utf8")).toBe("not a folder")
        expect(fs.readdirSync(path.dirname(cacheDir))).toEqual(["attio-lint-compile"])
    })

    it("names the file by the source: a changed subset of the same length never reads the old data", () => {
        const cacheDir = cacheFolder()
        load(cacheDir).save()
        const changed = MODULE.replace("    return", "\t\t\t\treturn")
        expect(changed.length).toBe(MODULE.length)
        expect(load(cacheDir, changed).cache).toBe("none")
    })

    it("never reads the cache of another install of the same bytes: the name depends on the installed file", () => {
        const cacheDir = cacheFolder()
        load(cacheDir).save()
        expect(load(cacheDir).cache).toBe("used")
        expect(load(cacheDir, MODULE, install()).cache).toBe("none")
    })

    it("never runs a cache committed under a name a checkout can compute (the first scheme's), and prunes it", () => {
        const cacheDir = cacheFolder()
        const flag = "attioLintPlantedCacheRan"
        const planted = foreignCodeCache(Buffer.from(MODULE), `globalThis.${flag} = true`)
        fs.mkdirSync(cacheDir, {recursive: true})
        const predictable = predictableCacheName("subset.cjs", Buffer.from(MODULE), process.execArgv)
        fs.writeFileSync(path.join(cacheDir, predictable), planted)
        const globals = globalThis as Record<string, unknown>
        try {
            const loaded = load(cacheDir)
            expect(loaded.cache).toBe("none")
            expect(globals[flag]).toBeUndefined()
            loaded.save()
            const [name] = cacheFiles(cacheDir)
            expect(cacheFiles(cacheDir)).toEqual([name])
            expect(name).not.toBe(predictable)
            expect(load(cacheDir).cache).toBe("used")
            // The planted data is live: under the real name, V8 runs it.
            fs.writeFileSync(path.join(cacheDir, name), planted)
            const link = path.join(tempDir("attio-lint-code-cache-link-"), "subset.cjs")
            fs.symlinkSync(installed.get(MODULE)!, link)
            expect(loadWithCodeCache(link, cacheDir)).toMatchObject({cache: "used", exports: {}})
            expect(globals[flag]).toBe(true)
        } finally {
            delete globals[flag]
        }
    })

    it("refuses a file over the size cap unread, and replaces it", () => {
        const cacheDir = cacheFolder()
        load(cacheDir).save()
        const [name] = cacheFiles(cacheDir)
        const cacheFile = path.join(cacheDir, name)
        const good = fs.readFileSync(cacheFile)
        // Valid data padded past the cap, its checksum right: read whole, V8 would take it.
        const data = Buffer.concat([good.subarray(20), Buffer.alloc(MAX_CACHE_BYTES)])
        fs.writeFileSync(cacheFile, Buffer.concat([crypto.createHash("sha1").update(data).digest(), data]))
        const loaded = load(cacheDir)
        expect(loaded.cache).toBe("none")
        loaded.save()
        // Replaced by fresh data: its size is V8's to choose (it grows with the functions compiled so far).
        expect(fs.statSync(cacheFile).size).toBeGreaterThan(20)
        expect(fs.statSync(cacheFile).size).toBeLessThan(MAX_CACHE_BYTES)
        expect(load(cacheDir).cache).toBe("used")
    })

    it("is named per installed file: the same for one file, another for a copy of its bytes, none for no file", () => {
        const file = install()
        expect(installName(file)).toMatch(/^[0-9a-f]{20}$/)
        expect(installName(file)).toBe(installName(file))
        const copy = install()
        expect(fs.readFileSync(copy).equals(fs.readFileSync(file))).toBe(true)
        expect(installName(copy)).not.toBe(installName(file))
        expect(installName(path.join(path.dirname(file), "missing.cjs"))).toBeUndefined()
    })

    it("gives Node's compile cache (Node 22) a folder per install, pruning the others' when it is new", () => {
        const cacheDir = cacheFolder()
        const [file, copy] = [install(), install()]
        fs.mkdirSync(path.join(cacheDir, "install-0123abcd"), {recursive: true})
        fs.writeFileSync(path.join(cacheDir, "subset.cjs-0123abcd.v8cache"), "x")
        const own = installCacheFolder(cacheDir, file)!
        expect(own).toBe(path.join(cacheDir, `install-${installName(file)}`))
        expect(cacheFiles(cacheDir)).toEqual([])
        fs.mkdirSync(own)
        expect(installCacheFolder(cacheDir, file)).toBe(own)
        expect(cacheFiles(cacheDir)).toEqual([path.basename(own)])
        const other = installCacheFolder(cacheDir, copy)!
        expect(other).not.toBe(own)
        expect(cacheFiles(cacheDir)).toEqual([])
        expect(installCacheFolder(cacheDir, path.join(cacheDir, "missing.js"))).toBeUndefined()
    })
})

describe("pruning the compile cache's folder", () => {
    afterAll(removeWrittenApps)

    it("removes other caches, other installs' folders and stale temp files; keeps the rest and never follows links", () => {
        const dir = tempDir("attio-lint-prune-")
        const outside = tempDir("attio-lint-prune-outside-")
        fs.writeFileSync(path.join(outside, "target.v8cache"), "kept")
        const write = (name: string) => fs.writeFileSync(path.join(dir, name), "x")
        for (const name of ["keep.v8cache", "old.v8cache", "fresh.v8cache.1-ab.tmp", "stale.v8cache.2-cd.tmp"])
            write(name)
        write("notes.txt")
        const minutesAgo = new Date(Date.now() - 120_000)
        fs.utimesSync(path.join(dir, "stale.v8cache.2-cd.tmp"), minutesAgo, minutesAgo)
        fs.mkdirSync(path.join(dir, "install-0123abcd", "v22"), {recursive: true})
        fs.writeFileSync(path.join(dir, "install-0123abcd", "v22", "data"), "x")
        fs.mkdirSync(path.join(dir, "a-folder.v8cache"))
        fs.symlinkSync(path.join(outside, "target.v8cache"), path.join(dir, "link.v8cache"))
        fs.symlinkSync(outside, path.join(dir, "install-4567"), "dir")
        pruneCompileCache(dir, "keep.v8cache")
        expect(fs.readdirSync(dir).sort()).toEqual([
            "a-folder.v8cache",
            "fresh.v8cache.1-ab.tmp",
            "install-4567",
            "keep.v8cache",
            "link.v8cache",
            "notes.txt",
        ])
        expect(fs.readdirSync(outside)).toEqual(["target.v8cache"])
        // Never fails: a folder that is gone.
        expect(() => pruneCompileCache(path.join(dir, "gone"), "keep.v8cache")).not.toThrow()
    })
})
