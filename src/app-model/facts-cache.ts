/**
 * The facts cache: per-file facts keyed by a hash of the file's content (and kind), so unchanged
 * files are never parsed again. One JSON file, written atomically (temp file + rename) so that
 * overlapping runs each leave a complete cache; a cache that is unreadable, corrupt or from another
 * tool version or configuration is ignored and rewritten. Cross-file results are never cached:
 * they are recomputed from the facts on every run, so they cannot go stale.
 */
import crypto from "node:crypto"
import fs from "node:fs"
import path from "node:path"

import {isJsonObject} from "../json.js"
import type {FileFacts} from "./facts.js"

/** Bump when the shape of FileFacts changes. */
const SCHEMA = 2

const CACHE_FILE = "facts.json"

/** A check whose answer depends on some files: reused while they are unchanged. */
export interface CachedCheck {
    /** Absolute path to content hash, or null for a file that did not exist. */
    inputs: Record<string, string | null>
    result: string | null
}

interface CacheFile {
    schema: number
    key: string
    facts: Record<string, FileFacts>
    checks: Record<string, CachedCheck>
}

export function contentHash(text: string): string {
    return crypto.createHash("sha1").update(text).digest("hex")
}

/** The hash of a file's content, or null when it cannot be read. */
export function fileHash(file: string): string | null {
    try {
        return contentHash(fs.readFileSync(file, "utf8"))
    } catch {
        return null
    }
}

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
     * results depend on `key` (tool version and configuration).
     */
    static open(location: string, key: string): FactsCache {
        const file = location.endsWith(".json") ? location : path.join(location, CACHE_FILE)
        const empty: CacheFile = {schema: SCHEMA, key, facts: {}, checks: {}}
        let previous = empty
        try {
            const parsed = JSON.parse(fs.readFileSync(file, "utf8")) as CacheFile
            const valid =
                parsed?.schema === SCHEMA &&
                parsed.key === key &&
                typeof parsed.facts === "object" &&
                parsed.facts !== null &&
                typeof parsed.checks === "object" &&
                parsed.checks !== null
            if (valid) previous = parsed
        } catch {
            // Missing, unreadable, truncated or corrupt: start afresh.
        }
        const cache = new FactsCache(file, previous)
        cache.dirty = previous === empty
        return cache
    }

    getFacts(hash: string): FileFacts | undefined {
        const facts = this.previous.facts[hash]
        // An entry edited or damaged by hand is parsed again rather than trusted.
        if (!isFileFacts(facts)) return undefined
        this.used.facts[hash] = facts
        return facts
    }

    setFacts(hash: string, facts: FileFacts): void {
        this.used.facts[hash] = facts
        this.dirty = true
    }

    /** A cached check's result, when none of its input files changed. */
    getCheck(name: string): CachedCheck | undefined {
        const check = this.previous.checks[name]
        if (!check || typeof check.inputs !== "object") return undefined
        for (const [file, hash] of Object.entries(check.inputs)) if (fileHash(file) !== hash) return undefined
        this.used.checks[name] = check
        return check
    }

    setCheck(name: string, check: CachedCheck): void {
        this.used.checks[name] = check
        this.dirty = true
    }

    /** The files the checks this run used were computed from. */
    checkInputs(): string[] {
        return Object.values(this.used.checks).flatMap((check) => Object.keys(check.inputs))
    }

    /** Writes what this run used (dropping entries of deleted or changed files). Never throws. */
    save(): void {
        const pruned = Object.keys(this.previous.facts).length !== Object.keys(this.used.facts).length
        if (!this.dirty && !pruned) return
        const temp = `${this.file}.${process.pid}.${crypto.randomBytes(4).toString("hex")}.tmp`
        try {
            fs.mkdirSync(path.dirname(this.file), {recursive: true})
            fs.writeFileSync(temp, JSON.stringify(this.used))
            fs.renameSync(temp, this.file)
        } catch {
            // A read-only or full disk, or a location that is no folder, only costs the next run its speed.
            if (fs.existsSync(temp)) fs.rmSync(temp)
        }
    }
}

/** Whether a cached value has the shape of FileFacts (each field of the right kind). */
function isFileFacts(value: unknown): value is FileFacts {
    if (!isJsonObject(value)) return false
    const f = value as Record<keyof FileFacts, unknown>
    return (
        Array.isArray(f.imports) &&
        isJsonObject(f.exports) &&
        Array.isArray(f.starExports) &&
        isJsonObject(f.consts) &&
        isJsonObject(f.exportValues) &&
        Array.isArray(f.webhookCalls) &&
        Array.isArray(f.sdkValueImports) &&
        Array.isArray(f.clientImports) &&
        (f.parseError === undefined || isJsonObject(f.parseError))
    )
}
