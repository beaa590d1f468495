/**
 * The facts cache: per-file facts keyed by a hash of the file's content (and kind), so unchanged
 * files are never parsed again. One JSON file, written atomically (temp file + rename) so that
 * overlapping runs each leave a complete cache; a cache that is unreadable, corrupt or from another
 * tool version or configuration is ignored and rewritten. Cross-file results are never cached:
 * they are recomputed from the facts on every run, so they cannot go stale. The cache is data, never
 * instructions: each entry is used only when its hash, its schema (every field) and its positions
 * check out, else it is recomputed; the files a cached check names are read only inside the app.
 */
import crypto from "node:crypto"
import fs from "node:fs"
import path from "node:path"

import {isJsonObject} from "../json.js"
import type {FileFacts} from "./facts.js"
import {isFileFactsOf} from "./facts-schema.js"
import {isInside, readText, realpathOr} from "./read-file.js"

/** Bump when the shape of FileFacts or of the file changes. */
const SCHEMA = 3

export const DEFAULT_CACHE_DIR = path.join("node_modules", ".cache", "attio-lint")
const CACHE_FILE = "facts.json"

/** A check whose answer depends on some files: reused while they are unchanged. */
export interface CachedCheck {
    /** Absolute path to content hash, or null for a file that did not exist. */
    inputs: Record<string, string | null>
    result: string | null
}

/**
 * An entry with the hash of its JSON: damage that keeps the shape (a digit changed in an offset,
 * where a fix would then be written) is detected too.
 */
interface Sealed<T> {
    sum: string
    value: T
}

interface CacheFile {
    schema: number
    key: string
    facts: Record<string, Sealed<FileFacts>>
    checks: Record<string, Sealed<CachedCheck>>
}

export function contentHash(text: string): string {
    return crypto.createHash("sha1").update(text).digest("hex")
}

/** The hash of a regular file's content, or null when it is not read (missing, not a regular file, too large, a link out of `within`). */
export function fileHash(file: string, within?: string): string | null {
    const text = readText(file, {within})
    return typeof text === "string" ? contentHash(text) : null
}

/** A cache file that was not written by attio-lint: it is never overwritten. */
export class NotACacheError extends Error {}

/** The largest cache file read: an app with tens of thousands of files stays well below it. */
const MAX_CACHE_BYTES = 256 * 1024 * 1024

/** How every cache file attio-lint writes begins (JSON.stringify of CacheFile, keys in this order). */
const CACHE_START = /^\{"schema":\d+,"key":"/

export class FactsCache {
    private readonly used: CacheFile
    private dirty = false

    private constructor(
        private readonly file: string,
        private readonly previous: CacheFile
    ) {
        this.used = {schema: SCHEMA, key: previous.key, facts: {}, checks: {}}
    }

    /**
     * Opens the cache at `location` (a directory, or a file path ending in .json) for a run whose
     * results depend on `key` (tool version and configuration). At a location the user chose, a file
     * that is there and is not an attio-lint cache (package.json, a typo) throws NotACacheError;
     * at the default location, in attio-lint's own folder, anything unusable is replaced.
     */
    static open(location: string, key: string, options: {chosen?: boolean} = {}): FactsCache {
        const file = location.endsWith(".json") ? location : path.join(location, CACHE_FILE)
        const empty: CacheFile = {schema: SCHEMA, key, facts: {}, checks: {}}
        let previous = empty
        const text = readText(file, {maxBytes: MAX_CACHE_BYTES})
        if (options.chosen && (typeof text === "string" ? !CACHE_START.test(text) : text.problem !== "missing")) {
            const why = typeof text === "string" ? "is not an attio-lint cache" : text.message
            throw new NotACacheError(`--cache-location: ${file} ${why}; it is left as it is (choose another location)`)
        }
        try {
            const parsed: unknown = typeof text === "string" ? JSON.parse(text) : undefined
            if (isJsonObject(parsed) && parsed.schema === SCHEMA && parsed.key === key && isJsonObject(parsed.facts) && isJsonObject(parsed.checks)) {
                previous = parsed as unknown as CacheFile
            }
        } catch {
            // Truncated or corrupt (or nested too deeply to parse): start afresh.
        }
        const cache = new FactsCache(file, previous)
        cache.dirty = previous === empty
        return cache
    }

    /** The facts cached for a file with this content hash and text; an entry damaged in any field is not used. */
    getFacts(hash: string, text: string): FileFacts | undefined {
        const entry = unsealed(this.previous.facts, hash)
        if (!entry || !isFileFactsOf(entry.value, text)) return undefined
        this.used.facts[hash] = {sum: entry.sum, value: entry.value}
        return entry.value
    }

    setFacts(hash: string, facts: FileFacts): void {
        this.used.facts[hash] = seal(facts)
        this.dirty = true
    }

    /**
     * A cached check's result, when none of its input files changed. The inputs are the cache's
     * word only: a path outside `within` (the app) is never read, and the check is then made afresh.
     */
    getCheck(name: string, within: string): CachedCheck | undefined {
        const entry = unsealed(this.previous.checks, name)
        if (!entry || !isCachedCheck(entry.value)) return undefined
        const check = entry.value
        const realWithin = realpathOr(within)
        for (const [file, hash] of Object.entries(check.inputs)) {
            if (!path.isAbsolute(file) || !isInside(within, file) || fileHash(file, realWithin) !== hash) return undefined
        }
        this.used.checks[name] = {sum: entry.sum, value: check}
        return check
    }

    setCheck(name: string, check: CachedCheck): void {
        this.used.checks[name] = seal(check)
        this.dirty = true
    }

    /** Writes what this run used (dropping entries of deleted or changed files). Never throws. */
    save(): void {
        const pruned = Object.keys(this.previous.facts).length !== Object.keys(this.used.facts).length
        if (!this.dirty && !pruned) return
        const temp = `${this.file}.${process.pid}.${crypto.randomBytes(4).toString("hex")}.tmp`
        try {
            fs.mkdirSync(path.dirname(this.file), {recursive: true})
            // "wx": never through a link or file that is already there.
            fs.writeFileSync(temp, JSON.stringify(this.used), {flag: "wx"})
            fs.renameSync(temp, this.file)
        } catch {
            // A read-only or full disk, or a location that is no folder, only costs the next run its speed.
            if (fs.existsSync(temp)) fs.rmSync(temp)
        }
    }
}

function seal<T>(value: T): Sealed<T> {
    return {sum: contentHash(JSON.stringify(value)), value}
}

/** The entry under `key`, when it is one and its JSON still has the hash it was written with. */
function unsealed<T>(entries: Record<string, Sealed<T>>, key: string): Sealed<unknown> | undefined {
    if (!Object.hasOwn(entries, key)) return undefined
    const entry: unknown = entries[key]
    if (!isJsonObject(entry) || typeof entry.sum !== "string" || Object.keys(entry).length !== 2) return undefined
    return entry.sum === contentHash(JSON.stringify(entry.value) ?? "") ? (entry as unknown as Sealed<unknown>) : undefined
}

function isCachedCheck(value: unknown): value is CachedCheck {
    return (
        isJsonObject(value) &&
        isJsonObject(value.inputs) &&
        Object.values(value.inputs).every((hash) => hash === null || typeof hash === "string") &&
        (value.result === null || typeof value.result === "string") &&
        Object.keys(value).length === 2
    )
}
