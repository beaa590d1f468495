/**
 * What an app's repository could commit into node_modules/.cache/attio-lint-compile (src/cli/compile-cache.ts):
 * V8 code cache data that runs `code`, made to pass every check a committed file can pass, and the file name the
 * first scheme gave a subset's cache, which depended on public inputs only.
 */
import crypto from "node:crypto"
import path from "node:path"
import vm from "node:vm"

import {WRAPPER} from "../../src/cli/compile-cache.js"

/**
 * A checksummed cache file of `code` compiled in the CommonJS wrapper, padded to the length of `source` (V8 checks
 * its version, its flags and the source's length): where it is read, V8 runs `code` in place of `source`.
 */
export function foreignCodeCache(source: Buffer, code: string): Buffer {
    const length = source.toString("utf8").length
    if (code.length > length) throw new Error("the code is longer than the source it stands in for")
    const data = new vm.Script(WRAPPER[0] + code.padEnd(length, " ") + WRAPPER[1]).createCachedData()
    return Buffer.concat([crypto.createHash("sha1").update(data).digest(), data])
}

/**
 * The cache file name of `file` (with bytes `source`) under the first scheme, for a process with these flags
 * (a spawned bin has none): computable from a checkout.
 */
export function predictableCacheName(file: string, source: Buffer, execArgv: string[] = []): string {
    const key = crypto.createHash("sha1")
    for (const part of [process.version, process.arch, process.versions.v8, execArgv.join("\0")])
        key.update(`${part}\0`)
    key.update(`${process.env.NODE_OPTIONS ?? ""}\0`).update(source)
    return `${path.basename(file)}-${key.digest("hex").slice(0, 20)}.v8cache`
}
