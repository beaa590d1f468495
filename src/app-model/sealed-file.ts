/**
 * The file format of attio-lint's caches (the facts cache and the warm report):
 * `{"schema":N,"key":"…","sum":"<sha1 of the body's JSON>","mac":"<see below>","body":{…}}`. The caches are
 * data a crash, a disk or a hand may have damaged: damage that keeps the JSON valid and the shape right (a
 * digit changed in an offset a fix is written at) shows as a wrong sum, and the file is then ignored. Files
 * are written atomically (temp file + rename) and never through a link or over a file that is not one of these.
 *
 * The sum is public: anyone can write a file whose sum holds (an app's repository can commit one into
 * node_modules/.cache). The mac says that this installed attio-lint wrote the file: an HMAC of the sum keyed
 * by the identity of attio-lint's own installed file (device, inode, change time in nanoseconds), which no
 * committed file can know and every install or rebuild changes. A reader may skip checks of what it wrote
 * itself (the facts cache's schema check) only where the mac holds.
 */
import crypto from "node:crypto"
import fs from "node:fs"
import path from "node:path"
import {fileURLToPath} from "node:url"

import {readText} from "./read-file.js"

const HEADER = /^\{"schema":(\d+),"key":("(?:[^"\\]|\\.)*"),"sum":"([0-9a-f]{40})",(?:"mac":"([0-9a-f]{64})",)?"body":/
/** How every cache file attio-lint writes begins: what makes a file at --cache-location one it may replace. */
const SEALED_START = /^\{"schema":\d+,"key":"/
/** The largest cache file read. */
const MAX_SEALED_BYTES = 256 * 1024 * 1024

/** The SHA-1 of a text (its UTF-8 bytes) or of bytes, in hex: a text and its UTF-8 bytes hash alike. */
export function contentHash(content: string | Buffer): string {
    // One call, no Hash object: a cold run hashes every source file.
    return crypto.hash("sha1", content, "hex")
}

/**
 * The file's text, or what keeps it from being read. `foreign`: a file that is there and is not a sealed
 * file (package.json, a typo in --cache-location), which is never replaced.
 */
export function readSealedText(file: string): {text?: string; foreign?: string} {
    const text = readText(file, {maxBytes: MAX_SEALED_BYTES})
    if (typeof text === "string") return SEALED_START.test(text) ? {text} : {foreign: "is not an attio-lint cache"}
    return text.problem === "missing" ? {} : {foreign: text.message}
}

/** A sealed file's body, parsed, with its sum and whether this install wrote it (its mac holds). */
export interface Sealed {
    body: unknown
    sum: string
    ours: boolean
}

/** The parsed body of a sealed text of this schema and key whose sum checks out; undefined for anything else. */
export function openSealed(text: string, schema: number, key: string): unknown {
    return unseal(text, schema, key)?.body
}

/** openSealed(), with the sum and whether the mac holds. */
export function unseal(text: string, schema: number, key: string): Sealed | undefined {
    const header = HEADER.exec(text)
    if (!header || Number(header[1]) !== schema || header[2] !== JSON.stringify(key) || !text.endsWith("}"))
        return undefined
    const json = text.slice(header[0].length, -1)
    const sum = header[3]
    if (contentHash(json) !== sum) return undefined
    try {
        return {body: JSON.parse(json), sum, ours: header[4] !== undefined && header[4] === macOf(sum)}
    } catch {
        // Nested too deeply to parse: start afresh.
        return undefined
    }
}

/** Writes `body` sealed; returns its sum. Never throws: a cache only costs speed. */
export function writeSealed(file: string, schema: number, key: string, body: unknown): string {
    // Encoded once, for the sum and the write (the facts cache of a large app is megabytes).
    const json = Buffer.from(JSON.stringify(body))
    const sum = contentHash(json)
    const mac = macOf(sum)
    const head = `{"schema":${schema},"key":${JSON.stringify(key)},"sum":"${sum}",${mac ? `"mac":"${mac}",` : ""}"body":`
    const temp = `${file}.${process.pid}.${crypto.randomBytes(4).toString("hex")}.tmp`
    try {
        fs.mkdirSync(path.dirname(file), {recursive: true})
        // "wx": never through a link or file that is already there.
        fs.writeFileSync(temp, Buffer.concat([Buffer.from(head), json, Buffer.from("}")]), {flag: "wx"})
        fs.renameSync(temp, file)
    } catch {
        // A read-only or full disk, or a location that is no folder, only costs the next run its speed.
        if (fs.existsSync(temp)) fs.rmSync(temp)
    }
    return sum
}

/** The key of the mac: this module's installed file's identity; undefined where it cannot be read (then no file is ours). */
let macKey: Buffer | null | undefined

function macOf(sum: string): string | undefined {
    if (macKey === undefined) {
        try {
            const stat = fs.statSync(fileURLToPath(import.meta.url), {bigint: true})
            macKey = crypto.createHash("sha256").update(`${stat.dev}:${stat.ino}:${stat.ctimeNs}`).digest()
        } catch {
            macKey = null
        }
    }
    return macKey ? crypto.createHmac("sha256", macKey).update(sum).digest("hex") : undefined
}
