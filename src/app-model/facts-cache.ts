/**
 * The facts cache: per-file facts keyed by a hash of the file's content (and kind), so unchanged
 * files are never parsed again. One JSON file, written atomically (temp file + rename) so that
 * overlapping runs each leave a complete cache; a cache that is unreadable, corrupt or from another
 * tool version or configuration is ignored and rewritten. Cross-file results are never cached:
 * they are recomputed from the facts on every run, so they cannot go stale. The cache is data, never
 * instructions: it is used only when its checksum holds, each entry only when its schema (every
 * field) and its positions check out, else recomputed; files a cached check names are read only
 * inside the app.
 */
import path from "node:path"

import {isJsonObject} from "../json.js"
import {type FileFacts, isFileFactsOf} from "./facts/index.js"
import {isInside, readText, realpathOr} from "./read-file.js"
import {contentHash, openSealed, readSealedText, writeSealed} from "./sealed-file.js"

/** Bump when the shape of FileFacts or of the file changes. */
const SCHEMA = 6

const CACHE_FILE = "facts.json"

/** A check whose answer depends on some files: reused while they are unchanged. */
export interface CachedCheck {
    /** Absolute path to content hash, or null for a file that did not exist. */
    inputs: Record<string, string | null>
    result: string | null
}

interface CacheBody {
    facts: Record<string, FileFacts>
    checks: Record<string, CachedCheck>
}

/** The hash of a regular file's content, or null when it is not read (missing, not a regular file, too large, a link out of `within`). */
export function fileHash(file: string, within?: string): string | null {
    const text = readText(file, {within})
    return typeof text === "string" ? contentHash(text) : null
}

/** A cache file that was not written by attio-lint: it is never overwritten. */
export class NotACacheError extends Error {}

export class FactsCache {
    private readonly used: CacheBody = {facts: {}, checks: {}}
    private dirty = false

    private constructor(
        private readonly file: string,
        private readonly key: string,
        private readonly previous: CacheBody | undefined
    ) {
        this.dirty = previous === undefined
    }

    /**
     * Opens the cache at `location` (a directory, or a file path ending in .json) for a run whose
     * results depend on `key` (tool version and configuration). At a location the user chose, a file
     * that is there and is not an attio-lint cache (package.json, a typo) throws NotACacheError;
     * at the default location, in attio-lint's own folder, anything unusable is replaced.
     */
    static open(location: string, key: string, options: {chosen?: boolean} = {}): FactsCache {
        const file = location.endsWith(".json") ? location : path.join(location, CACHE_FILE)
        const {text, foreign} = readSealedText(file)
        if (options.chosen && foreign !== undefined) {
            throw new NotACacheError(
                `--cache-location: ${file} ${foreign}; it is left as it is (choose another location)`
            )
        }
        return new FactsCache(file, key, text === undefined ? undefined : readBody(text, key))
    }

    /** The facts cached for a file with this content hash and text, if they pass the schema check in every field. */
    getFacts(hash: string, text: string): FileFacts | undefined {
        if (!this.previous || !Object.hasOwn(this.previous.facts, hash)) return undefined
        const facts = this.previous.facts[hash]
        if (!isFileFactsOf(facts, text)) return undefined
        this.used.facts[hash] = facts
        return facts
    }

    setFacts(hash: string, facts: FileFacts): void {
        this.used.facts[hash] = facts
        this.dirty = true
    }

    /**
     * A cached check's result, when none of its input files changed. The inputs are the cache's
     * word only: a path outside `within` (the app) is never read, and the check is then made afresh.
     */
    getCheck(name: string, within: string): CachedCheck | undefined {
        if (!this.previous || !Object.hasOwn(this.previous.checks, name)) return undefined
        const check = this.previous.checks[name]
        if (!isCachedCheck(check)) return undefined
        const realWithin = realpathOr(within)
        for (const [file, hash] of Object.entries(check.inputs)) {
            if (!path.isAbsolute(file) || !isInside(within, file) || fileHash(file, realWithin) !== hash)
                return undefined
        }
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
        const pruned = Object.keys(this.previous?.facts ?? {}).length !== Object.keys(this.used.facts).length
        if (!this.dirty && !pruned) return
        writeSealed(this.file, SCHEMA, this.key, this.used)
    }
}

/** The body of a cache file of this schema and key whose sum checks out; undefined for anything else. */
function readBody(text: string, key: string): CacheBody | undefined {
    const body = openSealed(text, SCHEMA, key)
    return isJsonObject(body) && isJsonObject(body.facts) && isJsonObject(body.checks)
        ? (body as unknown as CacheBody)
        : undefined
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
