import fs from "node:fs"
import path from "node:path"

import {afterAll, describe, expect, it} from "vitest"

import {compileCacheDirectory, loadWithCodeCache} from "../../src/cli/compile-cache.js"
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
    const cacheFiles = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir) : [])
    /**
     * Runs `source` as a module and checks it ran as `require` would, whatever the cache held. Each load is a new
     * file: V8 keeps what it compiled in the process by file name too, and would answer a second load of one file
     * from there, never reading the cache.
     */
    function load(cacheDir: string, source = MODULE) {
        const file = path.join(tempDir("attio-lint-code-cache-module-"), "subset.cjs")
        fs.writeFileSync(file, source)
        const loaded = loadWithCodeCache(file, cacheDir)
        expect(loaded.exports).toEqual({answer: 42, filename: file, dirname: path.dirname(file), joined: "a/b"})
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
})
