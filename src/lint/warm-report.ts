/**
 * The warm path: the last run's findings for the whole app, reused while nothing they were computed
 * from has changed, so that a run with nothing changed loads neither the rules nor TypeScript nor
 * the facts (a lint-staged or CI run on an unchanged app costs little more than starting Node).
 *
 * "Nothing changed" is decided from file metadata, as git's index does: every source file the walk
 * found and every folder it read (a new, removed or renamed file changes its folder), the settings
 * files, what the tsconfig check read and the attio SDK's manifest keep the size, times and inode
 * they had. A change always moves a file's ctime, which no tool can set back; a change made in the
 * same clock tick as the recorded one could keep it, so a run whose inputs changed less than
 * RACY_MS before it started stores nothing (the next run stores it). Runs that needed type
 * information (whose answers depend on declaration files outside the app) store nothing either.
 *
 * The report lives beside the facts cache (report.json, or <name>.report.json beside a .json
 * location), written atomically; one that is missing, damaged or from another build, configuration
 * or app is ignored and replaced.
 */
import fs from "node:fs"
import path from "node:path"
import {fileURLToPath} from "node:url"

import {findAppRoot} from "../app-model/root.js"
import {openSealed, readSealedText, writeSealed} from "../app-model/sealed-file.js"
import {isSettled, sameStamp, type Stamp, stampOf} from "../app-model/stamp.js"
import {isJsonObject} from "../json.js"
import {packageVersion} from "../package-info.js"
import {resolvedTargets, scopeFilter} from "./targets.js"
import type {FileResult, LintReport, RuleDocs} from "./types.js"

/** The facts cache's default folder, in the app. */
export const DEFAULT_CACHE_DIR = path.join("node_modules", ".cache", "attio-lint")

const SCHEMA = 2
const REPORT_FILE = "report.json"

/** What a lint with these options depends on besides the files: the build and the options. */
export interface WarmKeyOptions {
    cwd?: string
    targets?: string[]
    rules?: Record<string, string>
    quiet?: boolean
    cacheLocation?: string
}

interface StoredReport {
    key: string
    root: string
    /** Every input's stamp, by absolute path. */
    stamps: Record<string, Stamp>
    /** Every file of the app the engine lists (those it checked), with its findings. */
    results: FileResult[]
    filesScanned: number
    settings: LintReport["settings"]
    rules: RuleDocs[]
}

/** What the engine hands over after linting a whole app. */
export interface AppRun {
    root: string
    options: WarmKeyOptions
    /** Date.now() before the run read anything. */
    startedAt: number
    files: string[]
    /** The folders the walk read. */
    dirs: string[]
    /** Other files the run read: settings and what the tsconfig check read. */
    inputs: string[]
    results: FileResult[]
    settings: LintReport["settings"]
    rules: readonly RuleDocs[]
}

/** Where the facts cache lives for this app and options (a folder, or a .json file). */
export function cacheLocation(root: string, options: WarmKeyOptions): string {
    return options.cacheLocation
        ? path.resolve(options.cwd ?? process.cwd(), options.cacheLocation)
        : path.join(root, DEFAULT_CACHE_DIR)
}

function reportFile(location: string): string {
    return location.endsWith(".json")
        ? `${location.slice(0, -".json".length)}.${REPORT_FILE}`
        : path.join(location, REPORT_FILE)
}

/**
 * The report of a run with these options, when one app is linted and nothing it depends on changed
 * since a run stored its findings; undefined otherwise (the engine must lint).
 */
export function warmReport(options: WarmKeyOptions): LintReport | undefined {
    const started = performance.now()
    const cwd = path.resolve(options.cwd ?? process.cwd())
    const targets = resolvedTargets(options, cwd)
    // A missing target is the engine's to judge (a deleted file, or a folder that is a typo).
    if (!targets.every((t) => fs.existsSync(t))) return undefined
    const roots = new Set(targets.map((t) => findAppRoot(t)))
    if (roots.size !== 1) return undefined
    const [root] = roots
    if (root === undefined) return undefined
    const key = keyOf(options)
    const stored = readStored(reportFile(cacheLocation(root, options)), key)
    if (!isStamped(stored) || stored.root !== root || stored.key !== key) return undefined
    for (const [file, stamp] of Object.entries(stored.stamps)) if (!sameStamp(stampOf(file), stamp)) return undefined
    // The findings are checked only once they are to be used: after an edit, a run stops at the stamps.
    if (!isStoredReport(stored)) return undefined

    const inScope = scopeFilter(root, targets)
    // As the engine: the stored run listed the files it checked, and a named file it did not check is not listed.
    const results = stored.results.filter((r) => inScope(r.filePath))
    return {
        appRoot: root,
        cwd,
        results,
        rules: stored.rules,
        errorCount: results.reduce((sum, r) => sum + r.errorCount, 0),
        warningCount: results.reduce((sum, r) => sum + r.warningCount, 0),
        settings: stored.settings,
        stats: {
            filesScanned: stored.filesScanned,
            filesParsed: 0,
            typeCheckedFiles: [],
            typescript: "none",
            fixedFiles: [],
            durationMs: performance.now() - started,
        },
    }
}

/** Stores a whole app's findings for warmReport(), unless an input changed too recently to be told from a later change. Never throws. */
export function saveWarmReport(run: AppRun): void {
    const stamps: Record<string, Stamp> = {}
    for (const file of [...run.files, ...run.dirs, ...run.inputs, ...sdkManifests(run.root)]) {
        const stamp = stampOf(file)
        if (!isSettled(stamp, run.startedAt)) return
        stamps[file] = stamp
    }
    const key = keyOf(run.options)
    const stored: StoredReport = {
        key,
        root: run.root,
        stamps,
        results: run.results,
        filesScanned: run.files.length,
        settings: run.settings,
        rules: [...run.rules],
    }
    const file = reportFile(cacheLocation(run.root, run.options))
    // A file there that is not attio-lint's (a typo in --cache-location) is the user's: never replaced.
    if (readSealedText(file).foreign === undefined) writeSealed(file, SCHEMA, key, stored)
}

/** The build (a rebuilt package has new files) and the options that change findings. */
function keyOf(options: WarmKeyOptions): string {
    const build = fs.statSync(fileURLToPath(import.meta.url)).mtimeMs
    return JSON.stringify([packageVersion(), build, options.rules ?? {}, options.quiet ?? null])
}

/** Where the SDK's version is looked up (App.sdkVersion): the app's node_modules, then each folder above, up to the first found. */
function sdkManifests(root: string): string[] {
    const manifests: string[] = []
    for (let dir = root; ; dir = path.dirname(dir)) {
        const manifest = path.join(dir, "node_modules", "attio", "package.json")
        manifests.push(manifest)
        if (fs.existsSync(manifest) || path.dirname(dir) === dir) return manifests
    }
}

function readStored(file: string, key: string): unknown {
    const {text} = readSealedText(file)
    return text === undefined ? undefined : openSealed(text, SCHEMA, key)
}

/** Whether a parsed file has the key, root and stamps this module writes: a damaged one is ignored, never trusted. */
function isStamped(value: unknown): value is Pick<StoredReport, "key" | "root" | "stamps"> {
    if (!isJsonObject(value)) return false
    const {key, root, stamps} = value
    return (
        typeof key === "string" &&
        typeof root === "string" &&
        isJsonObject(stamps) &&
        Object.values(stamps).every(isStamp)
    )
}

/** Whether a stamped report has the rest of the shape this module writes. */
function isStoredReport(value: Pick<StoredReport, "key" | "root" | "stamps">): value is StoredReport {
    const {results, filesScanned, settings, rules} = value as unknown as Record<string, unknown>
    return (
        Array.isArray(results) &&
        results.every(isFileResult) &&
        typeof filesScanned === "number" &&
        isJsonObject(settings) &&
        Array.isArray(rules) &&
        rules.every((r) => isJsonObject(r) && typeof r.id === "string")
    )
}

function isStamp(value: unknown): boolean {
    return value === null || (Array.isArray(value) && value.length === 4 && value.every((n) => typeof n === "number"))
}

function isFileResult(value: unknown): boolean {
    if (!isJsonObject(value) || typeof value.filePath !== "string" || !Array.isArray(value.messages)) return false
    const counts = [value.errorCount, value.warningCount, value.fixableErrorCount, value.fixableWarningCount]
    return (
        counts.every((n) => typeof n === "number") &&
        (value.source === undefined || typeof value.source === "string") &&
        value.messages.every(
            (m) =>
                isJsonObject(m) &&
                typeof m.ruleId === "string" &&
                typeof m.message === "string" &&
                (m.severity === 1 || m.severity === 2) &&
                [m.line, m.column, m.endLine, m.endColumn].every((n) => typeof n === "number")
        )
    )
}
