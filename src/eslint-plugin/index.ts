/**
 * attio-lint's rules as an ESLint plugin (flat config), for editors and ESLint runs. The rules are
 * the CLI's own, run by the CLI's own loop (`runRules`) over the model of the linted file's app,
 * with ESLint's text for that file (the editor buffer may be unsaved), reporting what falls on that
 * file: the two agree. ESLint's AST is not used: the model parses the text itself.
 */
import path from "node:path"

import type {ESLint, Linter, Rule as EslintRule, SourceCode} from "eslint"

import {AppAnalysis} from "../app-model/analysis.js"
import {type App, type AppFile, findAppRoot} from "../app-model/app.js"
import {stillParses} from "../lint/fix.js"
import type {FileReport, Rule} from "../lint/rule.js"
import {RULES} from "../lint/rules/index.js"
import {runRules} from "../lint/runner.js"
import type {Fix} from "../lint/types.js"
import {packageVersion} from "../package-info.js"
import {applyEdits} from "../text-edit.js"
import {appFiles, EditorApp} from "./app-files.js"
import {preloadAttioLint, reportedByAttio, watchAttioClientImport} from "./attio-plugin.js"

/** The prefix of the rule ids in a config: `attio-lint/webhook-filename`. */
export const NAMESPACE = "attio-lint"

/** Every rule but those whose meta says why ESLint cannot offer them. */
export const PLUGIN_RULES: readonly Rule[] = RULES.filter(({meta}) => meta.notInEslint === undefined)

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
    const app = new EditorApp(root, appFiles(root).files, {overrides: new Map([[filename, text]])})
    const file = app.fileAt(filename)
    if (!file) return null
    return {app, analysis: new AppAnalysis(app), file}
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
            // client-import leaves to Attio's own rule what that rule reports on the same file.
            const reportedElsewhere = meta.id === "client-import" ? reportedByAttio : undefined
            if (reportedElsewhere) watchAttioClientImport()
            return {
                "Program:exit"() {
                    const model = modelFor(context)
                    if (!model) return
                    runRules(
                        model.app,
                        model.analysis,
                        [rule],
                        (file) => file === model.file,
                        (_rule, _file, found) => {
                            if (!reportedElsewhere?.(context, found)) context.report(toDescriptor(found, model))
                        }
                    )
                },
            }
        },
    }
}

function toDescriptor(found: FileReport, model: FileModel): EslintRule.ReportDescriptor {
    const {range, fix, suggestions} = found
    const parses = (edit: Fix) => keepsParsing(model, edit)
    return {
        // ESLint's lines are 1-based like ours, its columns 0-based.
        loc: {
            start: {line: range.line, column: range.column - 1},
            end: {line: range.endLine, column: range.endColumn - 1},
        },
        messageId: found.messageId,
        data: found.data,
        ...(fix && parses(fix) ? {fix: replacing(fix)} : {}),
        ...(suggestions
            ? {suggest: suggestions.filter((s) => parses(s.fix)).map((s) => ({desc: s.desc, fix: replacing(s.fix)}))}
            : {}),
    }
}

/** As with `attio-lint --fix`, an edit is offered only when the file still parses after it: ESLint would write it regardless. */
function keepsParsing({app, file}: FileModel, edit: Fix): boolean {
    const text = app.text(file) ?? ""
    return stillParses(file.path, text, applyEdits(text, [edit]))
}

function replacing(fix: Fix): EslintRule.ReportFixer {
    return (fixer) => fixer.replaceTextRange(fix.range, fix.text)
}

preloadAttioLint()

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
