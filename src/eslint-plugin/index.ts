/**
 * attio-lint's per-file rules as an ESLint plugin (flat config), for editors and ESLint runs. The
 * rules are the CLI's own: each ESLint rule runs the CLI rule's check over the app model of the
 * linted file's app, with ESLint's text for that file (the editor buffer may be unsaved), and
 * reports what falls on that file. ESLint's AST is not used: the model parses the text itself.
 */
import path from "node:path"

import type {ESLint, Linter, Rule as EslintRule, SourceCode} from "eslint"

import {AppAnalysis} from "../app-model/analysis.js"
import {App, type AppFile, findAppRoot} from "../app-model/app.js"
import type {HandlerKind} from "../app-model/layout.js"
import {applyFixes, stillParses} from "../lint/fix.js"
import type {Report, Rule} from "../lint/rule.js"
import {RULES} from "../lint/rules/index.js"
import type {Fix} from "../lint/types.js"
import {packageVersion} from "../package-info.js"
import {appFiles} from "./app-files.js"

/** The prefix of the rule ids in a config: `attio-lint/webhook-filename`. */
export const NAMESPACE = "attio-lint"

/**
 * Rules whose findings on a file follow from that file and the app's handler ids. webhook-filename
 * is app-scoped in the CLI only because its call sites may be in any file. parse-error is left to
 * ESLint's own parser.
 */
export const PLUGIN_RULES: readonly Rule[] = RULES.filter(
    ({meta}) => (meta.scope === "file" && meta.id !== "parse-error") || meta.id === "webhook-filename"
)

/** One linted file in its app: shared by every rule that runs on that text. */
export interface FileModel {
    app: App
    analysis: AppAnalysis
    file: AppFile
}

/**
 * ESLint hands every rule of one lint pass the same SourceCode (and a new one after each round of
 * fixes), so the model is built once per pass.
 */
const models = new WeakMap<SourceCode, FileModel | null>()

function modelFor(context: EslintRule.RuleContext): FileModel | null {
    let model = models.get(context.sourceCode)
    if (model === undefined) {
        model = buildModel(context.filename, context.sourceCode.text)
        models.set(context.sourceCode, model)
    }
    return model
}

/** Null when the file belongs to no app or is none of its sources (build output, dependencies, `<text>`). */
export function buildModel(filename: string, text: string): FileModel | null {
    if (!path.isAbsolute(filename)) return null
    const root = findAppRoot(path.dirname(filename))
    if (!root) return null
    const {files} = appFiles(root)
    const overrides = new Map([[filename, text]])
    const app = new App(root, files, {overrides, focus: filename})
    const file = app.fileAt(filename)
    if (!file) return null
    return {app, analysis: new FileAnalysis(app, new App(root, files, {overrides})), file}
}

/**
 * Rules judge the focused file only, but handler ids are facts of the whole app's paths
 * (webhook-filename checks a fileName against all of them, and they cost no parsing).
 */
class FileAnalysis extends AppAnalysis {
    private readonly whole: AppAnalysis

    constructor(app: App, whole: App) {
        super(app)
        this.whole = new AppAnalysis(whole)
    }

    override handlersById(kind: HandlerKind): Map<string, AppFile[]> {
        return this.whole.handlersById(kind)
    }
}

/** The ESLint rule that runs a CLI rule on the linted file. */
export function toEslintRule(rule: Rule): EslintRule.RuleModule {
    const {meta} = rule
    return {
        meta: {
            type: "problem",
            docs: {description: meta.description, recommended: true},
            messages: meta.messages,
            schema: [],
            ...(meta.fixable ? {fixable: "code" as const} : {}),
            ...(meta.hasSuggestions ? {hasSuggestions: true} : {}),
        },
        create(context) {
            return {
                "Program:exit"() {
                    const model = modelFor(context)
                    if (!model) return
                    rule.check({
                        app: model.app,
                        analysis: model.analysis,
                        report(found) {
                            if (found.file.path === model.file.path) context.report(toDescriptor(found, model))
                        },
                    })
                },
            }
        },
    }
}

function toDescriptor(found: Report, model: FileModel): EslintRule.ReportDescriptor {
    const {range, fix, suggestions} = found
    const parses = (edit: Fix) => keepsParsing(model, edit)
    return {
        // ESLint's lines are 1-based like ours, its columns 0-based.
        loc: {start: {line: range.line, column: range.column - 1}, end: {line: range.endLine, column: range.endColumn - 1}},
        messageId: found.messageId,
        data: found.data,
        ...(fix && parses(fix) ? {fix: replacing(fix)} : {}),
        ...(suggestions ? {suggest: suggestions.filter((s) => parses(s.fix)).map((s) => ({desc: s.desc, fix: replacing(s.fix)}))} : {}),
    }
}

/** As with `attio-lint --fix`, an edit is offered only when the file still parses after it: ESLint would write it regardless. */
function keepsParsing({app, file}: FileModel, edit: Fix): boolean {
    const text = app.text(file) ?? ""
    return stillParses(file.path, text, applyFixes(text, [edit]))
}

function replacing(fix: Fix): EslintRule.ReportFixer {
    return (fixer) => fixer.replaceTextRange(fix.range, fix.text)
}

const plugin = {
    meta: {name: "generator-attio-app/eslint-plugin", version: packageVersion(), namespace: NAMESPACE},
    rules: Object.fromEntries(PLUGIN_RULES.map((rule) => [rule.meta.id, toEslintRule(rule)])),
    configs: {} as {recommended: Linter.Config},
} satisfies ESLint.Plugin

plugin.configs.recommended = {
    name: `${NAMESPACE}/recommended`,
    plugins: {[NAMESPACE]: plugin},
    rules: Object.fromEntries(PLUGIN_RULES.map(({meta}) => [`${NAMESPACE}/${meta.id}`, meta.defaultSeverity])),
}

export default plugin
// require() of this ES module (Node >= 20.19) returns the plugin itself, as a CommonJS
// eslint.config.js such as the Attio template's expects.
export {plugin as "module.exports"}
