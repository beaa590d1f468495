/**
 * The one loop over rules (oxlint's `run`/`run_once`): the CLI, FILE arguments, --watch and the
 * ESLint plugin all run rules through `runRules`, so they see the same files and agree.
 */
import type {AppAnalysis} from "../app-model/analysis.js"
import type {App, AppFile} from "../app-model/app.js"
import type {TypeInfo} from "../app-model/type-info.js"
import {UsageError} from "./config.js"
import {type FileReport, isFileRule, type Report, type Rule} from "./rule.js"

/** A failure inside a rule: reported as an internal error (exit 2), naming the rule. */
export class InternalError extends Error {}

/**
 * Runs `rules` over an app. Each per-file check runs on every wanted file it should see, each app
 * check once, and only findings on wanted files are handed on: `wanted` is what the caller reports
 * on (the CLI's targets, the file ESLint lints). Type information is open only to rules that
 * declare it: the checker costs seconds, and a rule that asks for it undeclared fails.
 */
export function runRules(
    app: App,
    analysis: AppAnalysis,
    rules: readonly Rule[],
    wanted: (file: AppFile) => boolean,
    onReport: (rule: Rule, file: AppFile, report: FileReport) => void
): void {
    let files: AppFile[] | undefined
    for (const rule of rules) {
        const {id, requiresTypeInformation} = rule.meta
        const denied = requiresTypeInformation
            ? undefined
            : `rule ${id} asked for type information, but its meta does not declare requiresTypeInformation`
        if (isFileRule(rule)) files ??= checkedFiles(app, analysis, wanted)
        analysis.types.denied = denied
        try {
            if (isFileRule(rule)) {
                for (const file of files!) {
                    rule.checkFile(
                        new Context(app, analysis, denied, file, (found: FileReport) => onReport(rule, file, found))
                    )
                }
            } else {
                const report = (found: Report) => {
                    if (wanted(found.file)) onReport(rule, found.file, found)
                }
                rule.checkApp(new Context(app, analysis, denied, undefined as never, report))
            }
        } catch (error) {
            // Facts are read within the parser's depth (deeper files are parse errors), so the stack runs out in the type
            // checker: on the file it was last asked about, or one that file imports.
            const checked = analysis.types.checkedFiles.at(-1)
            if (error instanceof RangeError && checked)
                throw new UsageError(`${checked}: it, or a file it imports, is nested too deeply to type-check`)
            throw new InternalError(`rule ${id} failed: ${(error as Error).message}`, {cause: error})
        } finally {
            analysis.types.denied = undefined
        }
    }
}

/** What a check gets: one class, so that the thousands of contexts of a run share one shape. */
class Context<R> {
    constructor(
        readonly app: App,
        readonly analysis: AppAnalysis,
        private readonly denied: string | undefined,
        readonly file: AppFile,
        readonly report: (found: R) => void
    ) {}

    get types(): TypeInfo {
        if (this.denied) throw new Error(this.denied)
        return this.analysis.types
    }
}

/**
 * The wanted files a per-file check judges: handler-named directories, files that matter to
 * handlers (in a handler root, or using the SDK), and the modules the build bundles with the handlers
 * (among them those that define a handler's default function, wherever a handler re-exports it from).
 * Other files are never parsed.
 */
export function checkedFiles(app: App, analysis: AppAnalysis, wanted: (file: AppFile) => boolean): AppFile[] {
    // Files that reach the SDK through a module of the app that re-exports it, without naming it.
    let sdkFiles: Set<AppFile> | undefined
    const usesSdk = (file: AppFile) => (sdkFiles ??= new Set(analysis.sdkFiles())).has(file)
    // Choosing the files is syntactic, whichever rule runs first.
    analysis.types.denied = "the engine's choice of files to check asked for type information"
    try {
        return app.files.filter(
            (f) => wanted(f) && (f.isDirectory === true || app.isRelevant(f) || usesSdk(f) || app.bundledFiles().has(f))
        )
    } finally {
        analysis.types.denied = undefined
    }
}
