/**
 * The shape of a rule, after typescript-eslint: a declarative `meta` first, then a small `check`
 * that reads the app model and reports.
 */
import type {AppAnalysis} from "../app-model/analysis.js"
import type {App, AppFile} from "../app-model/app.js"
import type {Fix, Range, Suggestion} from "./types.js"

export interface RuleMeta<MessageId extends string = string> {
    id: string
    description: string
    defaultSeverity: "error" | "warn"
    /** Whether `check` may ask for type information (only where syntax cannot decide). */
    requiresTypeInformation: boolean
    /** Whether some reports carry a safe automatic fix. */
    fixable: boolean
    /** Whether some reports carry suggestions (ESLint's hasSuggestions). */
    hasSuggestions?: boolean
    /** `file`: judged from one file (and the app's handler ids); `app`: needs the whole app. */
    scope: "file" | "app"
    /** Message templates by id; `{{name}}` is replaced with report data. */
    messages: Record<MessageId, string>
    /** For the docs and SARIF help: a wrong and a right way. */
    docs: {bad: string; good: string}
}

export interface Report<MessageId extends string = string> {
    file: AppFile
    range: Range
    messageId: MessageId
    data?: Record<string, string | number>
    hint?: string
    fix?: Fix
    suggestions?: Suggestion[]
}

export interface RuleContext<MessageId extends string = string> {
    app: App
    analysis: AppAnalysis
    report(report: Report<MessageId>): void
}

export interface Rule<MessageId extends string = string> {
    meta: RuleMeta<MessageId>
    check(context: RuleContext<MessageId>): void
}

/** Typed identity: lets a rule's messages type its reports. */
export function defineRule<MessageId extends string>(rule: Rule<MessageId>): Rule<MessageId> {
    return rule
}

/** The whole first line of a file: where to report on a file as a whole. */
export const FILE_START: Range = {line: 1, column: 1, endLine: 1, endColumn: 1}
