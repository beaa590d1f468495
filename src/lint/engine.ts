/**
 * The lint engine: finds the app(s) behind the targets, loads settings, runs every enabled rule
 * over the app model (through runRules, as the ESLint plugin does), and keeps the findings that
 * fall on the requested files.
 */
import fs from "node:fs"
import path from "node:path"

import {AppAnalysis} from "../app-model/analysis.js"
import {App, type AppFile, findAppRoot} from "../app-model/app.js"
import {FactsCache, NotACacheError} from "../app-model/facts-cache.js"
import {contentHash} from "../app-model/sealed-file.js"
import {tsconfigProblem} from "../app-model/setup.js"
import {loadedTypeScript} from "../app-model/typescript.js"
import {packageVersion, repositoryFileUrl} from "../package-info.js"
import {CONFIG_FILE, loadSettings, UsageError} from "./config.js"
import {writeFixes} from "./fix.js"
import {compareText} from "./order.js"
import type {FileReport, Rule} from "./rule.js"
import {helpMarkdown} from "./rule-help.js"
import {RULES} from "./rules/index.js"
import {checkedFiles, runRules} from "./runner.js"
import {isDirectory, resolvedTargets, scopeFilter} from "./targets.js"
import type {FileResult, LintMessage, LintReport, RuleDocs, RuleSeverity} from "./types.js"
import {cacheLocation, saveWarmReport} from "./warm-report.js"

export interface LintOptions {
    /** Directory that relative targets and output paths are relative to. Default: process.cwd(). */
    cwd?: string
    /** App directories, folders inside an app, or files. Default: the app at cwd. */
    targets?: string[]
    /** Rule severities that override the app's settings. */
    rules?: Record<string, RuleSeverity>
    /** Report errors only. */
    quiet?: boolean
    /** Reuse per-file facts of unchanged files between runs (default: off in the API, on in the CLI). */
    cache?: boolean
    /** Where the cache lives: a directory, or a .json file. Default: <app>/node_modules/.cache/attio-lint. */
    cacheLocation?: string
    /** Apply safe fixes to the files, then report what remains. */
    fix?: boolean
}

/** ESLint's limit: fixes can enable further fixes, but never loop forever. */
const MAX_FIX_PASSES = 10

/** What `rules` documents for formatters and docs. */
export const RULE_DOCS: readonly RuleDocs[] = RULES.map(({meta}) => ({
    id: meta.id,
    description: meta.description,
    defaultSeverity: meta.defaultSeverity,
    help: `${meta.description}.\n\nWrong:\n${meta.docs.bad}\n\nRight:\n${meta.docs.good}`,
    helpMarkdown: helpMarkdown(meta),
    helpUri: repositoryFileUrl(`docs/rules/${meta.id}.md`),
    requiresTypeInformation: meta.requiresTypeInformation,
}))

export async function lint(options: LintOptions = {}): Promise<LintReport> {
    const started = performance.now()
    let report = await lintOnce(options)
    const fixedFiles = new Set<string>()
    for (let pass = 0; options.fix && pass < MAX_FIX_PASSES; pass++) {
        const changed = writeFixes(report)
        if (changed.length === 0) break
        for (const file of changed) fixedFiles.add(file)
        report = await lintOnce(options)
    }
    report.stats.fixedFiles = [...fixedFiles].sort()
    report.stats.durationMs = performance.now() - started
    return report
}

async function lintOnce(options: LintOptions): Promise<LintReport> {
    const cwd = path.resolve(options.cwd ?? process.cwd())
    const targets = resolvedTargets(options, cwd)
    const report: LintReport = {
        appRoot: "",
        cwd,
        results: [],
        rules: [...RULE_DOCS],
        errorCount: 0,
        warningCount: 0,
        settings: {},
        stats: {
            filesScanned: 0,
            filesParsed: 0,
            typeCheckedFiles: [],
            typescript: "none",
            fixedFiles: [],
            durationMs: 0,
        },
    }
    const linted = new Set<string>()
    for (const [root, rootTargets] of groupByApp(targets)) {
        await lintApp(root, rootTargets, options, report, linted)
    }
    for (const r of report.results) {
        report.errorCount += r.errorCount
        report.warningCount += r.warningCount
    }
    report.stats.typescript = loadedTypeScript()
    return report
}

/** The root folders of the apps a lint with these options covers (nested apps lie inside them). */
export function appRootsOf(options: LintOptions): string[] {
    const cwd = path.resolve(options.cwd ?? process.cwd())
    return [...groupByApp(resolvedTargets(options, cwd)).keys()]
}

/**
 * Targets grouped by the app they belong to; deleted paths count for the app of their folder. A file
 * outside any app (lint-staged passes every staged file) has nothing to report; a folder outside any
 * app is a usage error.
 */
function groupByApp(targets: string[]): Map<string, string[]> {
    const groups = new Map<string, string[]>()
    for (const target of targets) {
        // A deleted file is fine (lint-staged may pass one); a folder that is not there is a typo
        // that would otherwise pass CI having linted nothing.
        if (!fs.existsSync(target) && path.extname(target) === "")
            throw new UsageError(`no such file or folder: ${target}`)
        let existing = target
        while (!fs.existsSync(existing) && path.dirname(existing) !== existing) existing = path.dirname(existing)
        const root = findAppRoot(existing)
        if (!root) {
            if (!isDirectory(target)) continue
            throw new UsageError(
                `no app found at ${target}: no package.json or tsconfig.json there or in any folder above`
            )
        }
        groups.set(root, [...(groups.get(root) ?? []), target])
    }
    return groups
}

async function lintApp(
    root: string,
    targets: string[],
    options: LintOptions,
    report: LintReport,
    linted: Set<string>
): Promise<void> {
    if (linted.has(root)) return
    linted.add(root)
    const startedAt = Date.now()
    const settings = loadSettings(root)
    if (!report.appRoot) {
        report.appRoot = root
        report.settings = {format: settings.format, maxWarnings: settings.maxWarnings}
    }
    const severities = {...settings.rules, ...options.rules}
    const quiet = options.quiet ?? settings.quiet ?? false
    const cache = options.cache ? openCache(root, options, severities) : undefined
    const problem = tsconfigProblem(root, cache)
    if (problem) throw new UsageError(problem)

    const app = await App.load(root, cache)
    const [unreadable] = app.unreadableDirs
    if (unreadable)
        throw new UsageError(`cannot read ${unreadable}: no permission (the handlers there would be missed)`)
    const analysis = new AppAnalysis(app)
    const inScope = scopeFilter(root, targets)
    const byFile = new Map<string, FileResult>()
    const resultFor = (file: AppFile): FileResult => {
        let result = byFile.get(file.path)
        if (!result) {
            result = {
                filePath: file.path,
                messages: [],
                errorCount: 0,
                warningCount: 0,
                fixableErrorCount: 0,
                fixableWarningCount: 0,
            }
            byFile.set(file.path, result)
        }
        return result
    }

    const severityOf = new Map<Rule, 1 | 2>()
    for (const rule of RULES) {
        const setting = severities[rule.meta.id] ?? rule.meta.defaultSeverity
        if (setting !== "off" && !(quiet && setting === "warn")) severityOf.set(rule, setting === "error" ? 2 : 1)
    }
    runRules(
        app,
        analysis,
        [...severityOf.keys()],
        (file) => inScope(file.path),
        (rule, file, found) => {
            const severity = severityOf.get(rule)!
            const result = resultFor(file)
            const message = toMessage(rule, found, severity)
            result.messages.push(message)
            if (severity === 2) result.errorCount++
            else result.warningCount++
            if (message.fix && severity === 2) result.fixableErrorCount++
            else if (message.fix) result.fixableWarningCount++
        }
    )

    // Files that were checked and are fine are listed too, as ESLint lists every file it lints; files
    // the checks skip (a FILE argument among them: lint-staged passes every staged file) are not.
    for (const file of checkedFiles(app, analysis, (f) => inScope(f.path))) if (!file.isDirectory) resultFor(file)
    const results = [...byFile.values()].sort((a, b) => compareText(a.filePath, b.filePath))
    for (const result of results) {
        result.messages.sort((a, b) => a.line - b.line || a.column - b.column || compareText(a.ruleId, b.ruleId))
        if (result.messages.length > 0) {
            const file = app.fileAt(result.filePath)!
            const text = app.text(file)
            if (text !== null && !app.isEditedDuringRun(file)) result.source = text
        }
        report.results.push(result)
    }
    cache?.save()
    // The warm path serves later runs on any target from a run over the whole app (other runs check
    // only their files); type information depends on declaration files outside the app, which it does not watch.
    const wholeApp = targets.includes(root) && app.nestedApps.length === 0
    if (cache && wholeApp && analysis.types.checkedFiles.length === 0 && loadedTypeScript() !== "full") {
        const inputs = [...cache.checkInputs(), path.join(root, "package.json"), path.join(root, CONFIG_FILE)]
        const files = app.files.map((f) => f.path)
        saveWarmReport({
            root,
            options,
            startedAt,
            files,
            dirs: app.dirs,
            inputs,
            results,
            settings: report.settings,
            rules: RULE_DOCS,
        })
    }
    report.stats.filesScanned += app.files.length
    report.stats.filesParsed += app.parsed
    report.stats.typeCheckedFiles.push(...analysis.types.checkedFiles)
    // A monorepo's packages below a linted folder are apps of their own.
    for (const nested of app.nestedApps) {
        if (inScope(nested + path.sep)) await lintApp(nested, [nested], options, report, linted)
    }
}

/** The cache is keyed by the tool's version and the effective configuration. */
function openCache(root: string, options: LintOptions, config: Record<string, RuleSeverity>): FactsCache {
    const location = cacheLocation(root, options)
    try {
        return FactsCache.open(location, `${packageVersion()}:${contentHash(JSON.stringify(config))}`, {
            chosen: Boolean(options.cacheLocation),
        })
    } catch (error) {
        throw error instanceof NotACacheError ? new UsageError(error.message) : error
    }
}

function toMessage(rule: Rule, found: FileReport, severity: 1 | 2): LintMessage {
    const template = rule.meta.messages[found.messageId]
    const message = template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(found.data?.[key] ?? ""))
    return {
        ruleId: rule.meta.id,
        severity,
        message,
        messageId: found.messageId,
        ...found.range,
        ...(found.hint ? {hint: found.hint} : {}),
        ...(found.fix ? {fix: found.fix} : {}),
        ...(found.suggestions ? {suggestions: found.suggestions} : {}),
    }
}
