/**
 * The shape of a rule, after typescript-eslint's rule meta and oxlint's run/run_once: a declarative
 * `meta` first, then a check. A `scope: "file"` rule implements `checkFile`, which judges one file
 * and reports on that file only; a `scope: "app"` rule implements `checkApp`, which judges the app
 * as a whole. The engine owns the loop: it decides which files each `checkFile` sees (the CLI, FILE
 * arguments, --watch and the ESLint plugin all go through `runRules`), and hands type information
 * only to rules whose meta declares it.
 */
import type {AppAnalysis} from "../app-model/analysis.js"
import type {App, AppFile} from "../app-model/app.js"
import type {TypeInfo} from "../app-model/type-info.js"
import type {Fix, Range, Suggestion} from "./types.js"

export interface RuleMeta<MessageId extends string = string> {
    id: string
    description: string
    defaultSeverity: "error" | "warn"
    /**
     * Whether the check may ask for type information (only where syntax cannot decide). A rule that
     * declares false cannot: the type checker costs seconds, and asking is an error.
     */
    requiresTypeInformation: boolean
    /** Whether some reports carry a safe automatic fix. */
    fixable: boolean
    /** Whether some reports carry suggestions (ESLint's hasSuggestions). */
    hasSuggestions?: boolean
    /** `file`: judged from one file (what it resolves, and the app's handler ids): `checkFile`; `app`: needs the whole app: `checkApp`. */
    scope: "file" | "app"
    /** Why the ESLint plugin does not offer this rule; absent when it does. */
    notInEslint?: string
    /** Message templates by id; `{{name}}` is replaced with report data. */
    messages: Record<MessageId, string>
    /** For the docs (docs/rules/<id>.md, `npm run docs:rules`) and SARIF help: a wrong and a right way. */
    docs: {
        bad: string
        good: string
        /** A paragraph of Markdown for docs/rules/<id>.md: what the rule leaves alone, or checks no further. */
        note?: string
    }
}

/** A finding of a per-file check: always on the file being checked. */
export interface FileReport<MessageId extends string = string> {
    range: Range
    messageId: MessageId
    data?: Record<string, string | number>
    hint?: string
    fix?: Fix
    suggestions?: Suggestion[]
}

/** A finding of an app-wide check, on any file of the app. */
export interface Report<MessageId extends string = string> extends FileReport<MessageId> {
    file: AppFile
}

export interface RuleContext {
    app: App
    analysis: AppAnalysis
    /** Type information, built on first question; throws for a rule whose meta does not declare it. */
    readonly types: TypeInfo
}

export interface FileContext<MessageId extends string = string> extends RuleContext {
    /** The file to judge. */
    file: AppFile
    report(report: FileReport<MessageId>): void
}

export interface AppContext<MessageId extends string = string> extends RuleContext {
    report(report: Report<MessageId>): void
}

export interface FileRule<MessageId extends string = string> {
    meta: RuleMeta<MessageId> & {scope: "file"}
    checkFile(context: FileContext<MessageId>): void
}

export interface AppRule<MessageId extends string = string> {
    meta: RuleMeta<MessageId> & {scope: "app"}
    checkApp(context: AppContext<MessageId>): void
}

export type Rule<MessageId extends string = string> = FileRule<MessageId> | AppRule<MessageId>

/** Typed identity: lets a rule's messages type its reports. */
export function defineRule<MessageId extends string>(rule: FileRule<MessageId>): FileRule<MessageId>
export function defineRule<MessageId extends string>(rule: AppRule<MessageId>): AppRule<MessageId>
export function defineRule<MessageId extends string>(rule: Rule<MessageId>): Rule<MessageId> {
    return rule
}

export function isFileRule(rule: Rule): rule is FileRule {
    return "checkFile" in rule
}

/** The whole first line of a file: where to report on a file as a whole. */
export const FILE_START: Range = {line: 1, column: 1, endLine: 1, endColumn: 1}
