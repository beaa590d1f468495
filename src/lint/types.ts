/** The public shapes of attio-lint's results. Formatters read only these. */
import type {Range} from "../app-model/range.js"
import type {TextEdit} from "../text-edit.js"

/** Where a finding is: the app model's positions, which findings carry as they are. */
export type {Range}

export type RuleSeverity = "off" | "warn" | "error"

/** A text edit, ESLint's shape: replace the characters in [start, end) of the file with `text`. */
export type Fix = TextEdit

export interface Suggestion {
    desc: string
    fix: Fix
}

export interface LintMessage extends Range {
    ruleId: string
    /** 1 = warning, 2 = error (ESLint). */
    severity: 1 | 2
    message: string
    messageId: string
    /** A short advice line on how to fix it (stylish and SARIF show it; JSON omits it). */
    hint?: string
    /** A safe automatic fix (`attio-lint --fix`, ESLint's fix). */
    fix?: Fix
    /** Fixes offered but never applied automatically (ESLint suggestions). */
    suggestions?: Suggestion[]
}

export interface FileResult {
    /** Absolute path. */
    filePath: string
    messages: LintMessage[]
    errorCount: number
    warningCount: number
    fixableErrorCount: number
    fixableWarningCount: number
    /** The file's text when it has messages, for code excerpts. */
    source?: string
}

export interface RuleDocs {
    id: string
    description: string
    defaultSeverity: Exclude<RuleSeverity, "off">
    /** A longer explanation with bad/good advice, plain text (SARIF `help`). */
    help: string
    /** The same in Markdown, with the examples as code blocks. */
    helpMarkdown: string
    /** Where the rule is documented (docs/rules/<id>.md), when package.json names the repository. */
    helpUri?: string
    requiresTypeInformation: boolean
}

export interface LintReport {
    /** Absolute path of the app that was linted. */
    appRoot: string
    /** Directory that relative paths in output are relative to (normally process.cwd()). */
    cwd: string
    results: FileResult[]
    /** Every rule that exists, in a stable order (SARIF lists them all). */
    rules: RuleDocs[]
    errorCount: number
    warningCount: number
    /** Output settings from the (first) app's own config, for the CLI. */
    settings: {format?: string; maxWarnings?: number}
    /** Diagnostics about the run itself, for tests and `--debug`. */
    stats: LintStats
}

export interface LintStats {
    filesScanned: number
    filesParsed: number
    /** Files for which type information was built (0 on the syntactic path). */
    typeCheckedFiles: string[]
    /**
     * Which TypeScript the run loaded: none (a warm cached run needs no parser), the syntax subset
     * (parsing), or the full compiler (type information).
     */
    typescript: "none" | "syntax" | "full"
    /** Files that --fix changed. */
    fixedFiles: string[]
    durationMs: number
}

export type Formatter = (report: LintReport, options: {color: boolean}) => string
