/**
 * The facts cache: per-file facts keyed by a hash of the file's content (and kind), so unchanged
 * files are never parsed again. One JSON file, written atomically (temp file + rename) so that
 * overlapping runs each leave a complete cache; a cache that is unreadable, corrupt or from another
 * tool version or configuration is ignored and rewritten. Cross-file results are never cached:
 * they are recomputed from the facts on every run, so they cannot go stale. The cache is data, never
 * instructions: it is used only when its checksum holds, each entry only when its schema (every
 * field) and its positions check out, else recomputed; files a cached check names are read only
 * inside the app. The schema check is skipped for a file this install wrote (its mac holds,
 * ./sealed-file.ts): what it holds came from extractFacts, or passed the check when it was read.
 *
 * A run that changes a few entries of a large cache writes only those, to a second file beside it
 * (facts.delta.json, or <name>.delta.json beside a .json location) that names the sum of the file it
 * extends: rewriting 2 MB of facts for one edited file cost more than the edit's parse. The whole
 * cache is written again once the two differ by more than a sixteenth (entries no longer used are
 * dropped then), and a delta whose base is not the file beside it is ignored.
 *
 * Beside the facts, the cache keeps each source file's stamp (./stamp.ts) as a run read it, with the
 * key of its facts and what the checks read from its text (./text-summary.ts): a later run that
 * finds the same stamp takes them from there instead of reading and hashing the file again. Only
 * stamps that had settled when the run began are kept, and only a file this install wrote is
 * believed (a stamp names the file's inode and change time, which no committed file can know).
 */
import fs from "node:fs"
import path from "node:path"

import {isJsonObject} from "../json.js"
import {type FileFacts, isFileFactsOf} from "./facts/index.js"
import {isInside, readText, realpathOr} from "./read-file.js"
import {contentHash, readSealedText, unseal, writeSealed} from "./sealed-file.js"
import {isSettled, sameStamp, type Stamp} from "./stamp.js"
import type {TextSummary} from "./text-summary.js"

/** Bump when the shape of FileFacts or of the file changes. */
const SCHEMA = 7

const CACHE_FILE = "facts.json"

/** A delta is written while what it holds and what the whole file holds unused are at most this share of the whole. */
const DELTA_SHARE = 1 / 16

/** A check whose answer depends on some files: reused while they are unchanged. */
export interface CachedCheck {
    /** Absolute path to content hash, or null for a file that did not exist. */
    inputs: Record<string, string | null>
    result: string | null
}

/** A source file as a run read it: its stamp then, the key of its facts (null: not text) and its text's summary. */
export interface KnownFile {
    stamp: Stamp
    key: string | null
    summary: TextSummary | null
}

interface CacheBody {
    facts: Record<string, FileFacts>
    checks: Record<string, CachedCheck>
    /** Source files by absolute path. */
    files: Record<string, KnownFile>
}

/** The delta file's body: entries beside those of the whole file whose sum is `base`, and the checks (all of them). */
interface DeltaBody extends CacheBody {
    base: string
}

/** A cache file as read: its body, its sum and whether this install wrote it. */
interface Read<B> {
    body: B
    sum: string
    ours: boolean
}

/** The hash of a regular file's content, or null when it is not read (missing, not a regular file, too large, a link out of `within`). */
export function fileHash(file: string, within?: string): string | null {
    const text = readText(file, {within})
    return typeof text === "string" ? contentHash(text) : null
}

/** A cache file that was not written by attio-lint: it is never overwritten. */
export class NotACacheError extends Error {}

export class FactsCache {
    private readonly used: CacheBody = {facts: {}, checks: {}, files: {}}
    /** Before this run read any file: the stamps it keeps must have settled by then. */
    private readonly openedAt = Date.now()
    /** The entries this run made (the others it read). */
    private readonly fresh = new Set<string>()

    private constructor(
        private readonly file: string,
        private readonly key: string,
        private readonly base: Read<CacheBody> | undefined,
        private readonly delta: Read<DeltaBody> | undefined,
        /** What is at the delta's path: nothing, an attio-lint cache file (usable or not), or another file (never written). */
        private readonly deltaFound: "none" | "sealed" | "foreign"
    ) {}

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
        const base = text === undefined ? undefined : readBody(text, key)
        const delta = base && readSealedText(deltaFile(file))
        const deltaBody = delta?.text === undefined ? undefined : readDelta(delta.text, key, base!.sum)
        const found = delta?.foreign !== undefined ? "foreign" : delta?.text !== undefined ? "sealed" : "none"
        return new FactsCache(file, key, base, deltaBody, found)
    }

    /**
     * The facts cached for a file with this content hash and text, if they pass the schema check in every field
     * (`text` is asked for only then).
     */
    getFacts(hash: string, text: () => string | null): FileFacts | undefined {
        const from = this.delta && Object.hasOwn(this.delta.body.facts, hash) ? this.delta : this.base
        if (!from || !Object.hasOwn(from.body.facts, hash)) return undefined
        const facts = from.body.facts[hash]
        // What this install wrote came from extractFacts or passed this check when it was read.
        if (!from.ours) {
            const checked = text()
            if (checked === null || !isFileFactsOf(facts, checked)) return undefined
        }
        this.used.facts[hash] = facts
        return facts
    }

    /**
     * What a file held when a run read it, while it keeps the stamp it had then. `stamp` is asked for only where the
     * cache knows the file (a cold run takes none).
     */
    knownFile(file: string, stamp: () => Stamp | undefined): KnownFile | undefined {
        const from = this.delta && Object.hasOwn(this.delta.body.files, file) ? this.delta : this.base
        // A stamp is believed only from a file this install wrote.
        if (!from?.ours || !Object.hasOwn(from.body.files, file)) return undefined
        const known = from.body.files[file]
        const now = stamp()
        if (now === undefined || !sameStamp(known.stamp, now)) return undefined
        this.used.files[file] = known
        return known
    }

    /** Keeps what a file held, read at `known.stamp` (taken before the read), once that stamp has settled. */
    rememberFile(file: string, known: KnownFile): void {
        if (isSettled(known.stamp, this.openedAt)) this.used.files[file] = known
    }

    setFacts(hash: string, facts: FileFacts): void {
        this.used.facts[hash] = facts
        this.fresh.add(hash)
    }

    /**
     * A cached check's result, when none of its input files changed. The inputs are the cache's
     * word only: a path outside `within` (the app) is never read, and the check is then made afresh.
     */
    getCheck(name: string, within: string): CachedCheck | undefined {
        const checks = (this.delta ?? this.base)?.body.checks
        if (!checks || !Object.hasOwn(checks, name)) return undefined
        const check = checks[name]
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
    }

    /** The files the checks this run used were computed from. */
    checkInputs(): string[] {
        return Object.values(this.used.checks).flatMap((check) => Object.keys(check.inputs))
    }

    /**
     * Writes what this run used (dropping entries of deleted or changed files): only the entries the
     * whole file lacks, while they and the whole file's unused entries are few. Never throws.
     */
    save(): void {
        const base: CacheBody = this.base?.body ?? {facts: {}, checks: {}, files: {}}
        const written: CacheBody = this.delta?.body ?? {facts: {}, checks: base.checks, files: {}}
        // Made afresh this run: new, or in place of an entry that failed the schema check.
        const facts = changes(this.used.facts, base.facts, (hash) => this.fresh.has(hash))
        // Read afresh, or found under a stamp the whole file does not have.
        const files = changes(this.used.files, base.files, (file) => this.used.files[file] !== base.files[file])
        const changed =
            this.fresh.size > 0 ||
            !sameKeys(facts.extra, written.facts) ||
            !sameKeys(files.extra, written.files) ||
            files.extra.some((file) => this.used.files[file] !== written.files[file]) ||
            JSON.stringify(this.used.checks) !== JSON.stringify(written.checks)
        if (this.base && facts.unused + files.unused === 0 && !changed) return
        // A whole file this install did not write is written again, so that the next run need not check its entries.
        const churn = facts.extra.length + facts.unused + files.extra.length + files.unused
        const small = churn <= (Object.keys(base.facts).length + Object.keys(base.files).length) * DELTA_SHARE
        if (this.base?.ours && this.deltaFound !== "foreign" && small) {
            if (changed)
                writeSealed(deltaFile(this.file), SCHEMA, this.key, {
                    base: this.base.sum,
                    facts: pick(this.used.facts, facts.extra),
                    checks: this.used.checks,
                    files: pick(this.used.files, files.extra),
                })
            return
        }
        writeSealed(this.file, SCHEMA, this.key, this.used)
        // Bound to the sum of the file just replaced, it would be ignored: removed so as not to be read again.
        if (this.deltaFound === "sealed") fs.rmSync(deltaFile(this.file), {force: true})
    }
}

/** The keys of `used` the whole file lacks (or that `differs` says changed), and how many of the whole file's go unused. */
function changes<T>(
    used: Record<string, T>,
    whole: Record<string, T>,
    differs: (key: string) => boolean
): {extra: string[]; unused: number} {
    const keys = Object.keys(used)
    const extra = keys.filter((key) => differs(key) || !Object.hasOwn(whole, key))
    return {extra, unused: Object.keys(whole).length - (keys.length - extra.length)}
}

function sameKeys(keys: string[], record: Record<string, unknown>): boolean {
    return keys.length === Object.keys(record).length && keys.every((key) => Object.hasOwn(record, key))
}

function pick<T>(record: Record<string, T>, keys: string[]): Record<string, T> {
    return Object.fromEntries(keys.map((key) => [key, record[key]]))
}

/** Where the delta of a cache file lives. */
function deltaFile(file: string): string {
    return `${file.slice(0, -".json".length)}.delta.json`
}

/** The body of a cache file of this schema and key whose sum checks out; undefined for anything else. */
function readBody(text: string, key: string): Read<CacheBody> | undefined {
    const read = unseal(text, SCHEMA, key)
    return read && isCacheBody(read.body) ? (read as Read<CacheBody>) : undefined
}

/** The body of a delta of the cache file whose sum is `base`; undefined for anything else. */
function readDelta(text: string, key: string, base: string): Read<DeltaBody> | undefined {
    const read = unseal(text, SCHEMA, key)
    return read && isCacheBody(read.body) && read.body.base === base ? (read as Read<DeltaBody>) : undefined
}

function isCacheBody(body: unknown): body is CacheBody & Record<string, unknown> {
    return isJsonObject(body) && isJsonObject(body.facts) && isJsonObject(body.checks) && isJsonObject(body.files)
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
