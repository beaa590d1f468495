/**
 * RuleTester in ESLint's style: each case is a small app (files by app-relative path), linted
 * through the public API with only the rule under test enabled, and through the ESLint plugin file
 * by file: the two must agree. After the cases, the rule's meta is checked against what it did
 * (typescript-eslint's docs test): type information, fixes and suggestions.
 */
import fs from "node:fs"
import path from "node:path"

import {Linter} from "eslint"
import tseslint from "typescript-eslint"
import {describe, expect, it} from "vitest"

import plugin, {NAMESPACE} from "../../src/eslint-plugin/index.js"
import {lint, type LintMessage} from "../../src/index.js"
import type {Fix} from "../../src/lint/types.js"
import {stillParses} from "../../src/lint/fix.js"
import type {Rule} from "../../src/lint/rule.js"
import {RULE_IDS} from "../../src/lint/rules/index.js"
import {applyEdits} from "../../src/text-edit.js"
import {type AppFiles, writeApp} from "./temp-app.js"

// Rule tests take the temp apps from here too.
export {type AppFiles, removeWrittenApps, writeApp} from "./temp-app.js"

export interface ValidCase {
    name: string
    files: AppFiles
    /** Install a fake `node_modules/attio` with this version. */
    sdkVersion?: string
}

export interface ExpectedError {
    messageId: string
    /** App-relative path; required when the app has more than one file with findings. */
    file?: string
    line?: number
    column?: number
    /** A substring the message must contain. */
    message?: string
    /** A substring the hint (LintMessage.hint) must contain. */
    hint?: string
    /**
     * The finding's suggestions, each as its description and its file's whole text once it is applied; required
     * when the finding has some (as in ESLint's RuleTester), `[]` to say it has none.
     */
    suggestions?: {desc: string; output: string}[]
}

export interface InvalidCase extends ValidCase {
    errors: ExpectedError[]
    /**
     * The files the fixes change, by app-relative path, with their text after every fix is applied (one pass, as
     * `--fix` writes them); required when a finding has a fix (as in ESLint's RuleTester), `null` to say none has.
     */
    output?: AppFiles | null
}

type Found = LintMessage & {file: string}

/** What a rule did across one run: for checking its meta. */
interface Observed {
    typeChecked: boolean
    fixes: boolean
    suggestions: boolean
}

/** Lints with only `rule` on, through the public API (the CLI's engine). */
export async function lintWithOnly(rule: Rule, root: string): Promise<{found: Found[]; observed: Observed}> {
    const rules = Object.fromEntries(
        RULE_IDS.map((id) => [id, id === rule.meta.id ? rule.meta.defaultSeverity : "off"] as const)
    )
    const report = await lint({cwd: root, rules})
    const found = report.results.flatMap((r) => r.messages.map((m) => ({...m, file: relative(root, r.filePath)})))
    const observed = {
        typeChecked: report.stats.typeCheckedFiles.length > 0,
        fixes: found.some((m) => m.fix),
        suggestions: found.some((m) => m.suggestions?.length),
    }
    return {found, observed}
}

function relative(root: string, file: string): string {
    return path.relative(root, file).split(path.sep).join("/")
}

const SOURCE = /\.[cm]?[jt]sx?$/

/**
 * The findings of the ESLint plugin's rule on every source file of the app, linted one at a time
 * from disk as an editor would; files ESLint's parser rejects are left out (ESLint runs no rule there).
 */
function eslintFindings(rule: Rule, root: string, files: AppFiles): {found: Found[]; unparsed: Set<string>} {
    const linter = new Linter({cwd: root})
    const config: Linter.Config[] = [
        {
            files: ["**/*.{ts,tsx,js,jsx,mts,cts,mjs,cjs}"],
            languageOptions: {parser: tseslint.parser},
            plugins: {[NAMESPACE]: plugin},
            rules: {[`${NAMESPACE}/${rule.meta.id}`]: rule.meta.defaultSeverity},
        },
    ]
    const found: Found[] = []
    const unparsed = new Set<string>()
    for (const rel of Object.keys(files).sort()) {
        const file = path.join(root, rel)
        if (!SOURCE.test(rel) || rel.includes("node_modules/") || !fs.statSync(file).isFile()) continue
        const text = fs.readFileSync(file, "utf8")
        if (text.includes("\u0000")) continue
        const messages = linter.verify(text, config, {filename: file})
        if (messages.some((m) => m.fatal)) unparsed.add(rel)
        for (const m of messages.filter((m) => !m.fatal)) {
            expect(m.ruleId, m.message).not.toBeNull()
            found.push({
                ruleId: m.ruleId!.slice(NAMESPACE.length + 1),
                severity: m.severity,
                message: m.message,
                messageId: m.messageId!,
                line: m.line,
                column: m.column,
                endLine: m.endLine!,
                endColumn: m.endColumn!,
                ...(m.fix ? {fix: m.fix} : {}),
                ...(m.suggestions?.length ? {suggestions: m.suggestions.map((s) => ({desc: s.desc, fix: s.fix}))} : {}),
                file: rel,
            })
        }
    }
    return {found, unparsed}
}

/** The CLI's findings as ESLint would show them: on the files it lints (no directories, nothing it cannot parse). */
function asEslintSees(found: Found[], root: string, unparsed: Set<string>): Omit<Found, "hint">[] {
    return found
        .filter((m) => !unparsed.has(m.file) && fs.statSync(path.join(root, m.file)).isFile())
        .map(({hint: _hint, fix, suggestions, ...m}) => {
            // The plugin offers only edits after which the file still parses (ESLint would write any);
            // the CLI checks that when it writes.
            const file = path.join(root, m.file)
            const text = fs.readFileSync(file, "utf8").replace(/^\uFEFF/, "")
            const parses = (edit: Fix) => stillParses(file, text, applyEdits(text, [edit]))
            const offered = suggestions?.filter((s) => parses(s.fix))
            return {...m, ...(fix && parses(fix) ? {fix} : {}), ...(offered?.length ? {suggestions: offered} : {})}
        })
}

/** Lints a case through both paths and checks they agree; the CLI's findings are returned. */
async function lintBothWays(rule: Rule, c: ValidCase): Promise<{found: Found[]; observed: Observed}> {
    const root = writeApp(c.files, c.sdkVersion)
    try {
        const linted = await lintWithOnly(rule, root)
        const {found} = linted
        if (rule.meta.notInEslint === undefined) {
            const eslint = eslintFindings(rule, root, c.files)
            const sorted = (list: Omit<Found, "hint">[]) =>
                [...list].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column)
            expect(sorted(eslint.found), "the ESLint plugin agrees with the CLI").toEqual(
                sorted(asEslintSees(found, root, eslint.unparsed))
            )
        }
        return linted
    } finally {
        fs.rmSync(root, {recursive: true, force: true})
    }
}

/** A case file's text as the engine reads it (without a byte order mark). */
function caseText(c: ValidCase, file: string): string {
    return (c.files[file] ?? "").replace(/^\uFEFF/, "")
}

/** The files the findings' fixes change, with their text after the fixes: what `--fix` writes. */
function fixedFiles(c: ValidCase, found: Found[]): AppFiles {
    const output: AppFiles = {}
    for (const file of new Set(found.filter((m) => m.fix).map((m) => m.file))) {
        const text = caseText(c, file)
        const fixed = applyEdits(
            text,
            found.filter((m) => m.file === file && m.fix).map((m) => m.fix!)
        )
        // What `--fix` writes: nothing where the fixed file would no longer parse.
        if (fixed !== text && stillParses(file, text, fixed)) output[file] = fixed
    }
    return output
}

export function ruleTester(rule: Rule, cases: {valid: ValidCase[]; invalid: InvalidCase[]}): void {
    const seen: Observed[] = []
    describe(rule.meta.id, () => {
        describe("valid", () => {
            for (const c of cases.valid) {
                it(c.name, async () => {
                    const {found, observed} = await lintBothWays(rule, c)
                    seen.push(observed)
                    expect(found).toEqual([])
                })
            }
        })
        describe("invalid", () => {
            for (const c of cases.invalid) {
                it(c.name, async () => {
                    const {found, observed} = await lintBothWays(rule, c)
                    seen.push(observed)
                    const summary = found
                        .map((m) => `${m.file}:${m.line}:${m.column} ${m.messageId}: ${m.message}`)
                        .join("\n")
                    expect(
                        found.map((m) => m.ruleId),
                        summary
                    ).toEqual(c.errors.map(() => rule.meta.id))
                    c.errors.forEach((expected, i) => {
                        const actual = found[i]
                        expect(actual.messageId).toBe(expected.messageId)
                        if (expected.file !== undefined) expect(actual.file).toBe(expected.file)
                        if (expected.line !== undefined) expect(actual.line).toBe(expected.line)
                        if (expected.column !== undefined) expect(actual.column).toBe(expected.column)
                        if (expected.message !== undefined) expect(actual.message).toContain(expected.message)
                        if (expected.hint !== undefined) expect(actual.hint ?? "").toContain(expected.hint)
                        expect(Object.keys(rule.meta.messages)).toContain(actual.messageId)
                        const suggested = (actual.suggestions ?? []).map((s) => ({
                            desc: s.desc,
                            output: applyEdits(caseText(c, actual.file), [s.fix]),
                        }))
                        if (suggested.length > 0 || expected.suggestions !== undefined) {
                            expect(suggested, `the suggestions of finding ${i + 1}`).toEqual(expected.suggestions)
                        }
                    })
                    const output = fixedFiles(c, found)
                    if (Object.keys(output).length > 0 || c.output !== undefined) {
                        expect(output, "the files after the fixes (output)").toEqual(c.output ?? {})
                    }
                })
            }
        })
        it("has a meta that says what it does", (context) => {
            // Only a run of every case tells (vitest -t may pick some).
            if (seen.length < cases.valid.length + cases.invalid.length) context.skip()
            const {meta} = rule
            const did = (key: keyof Observed) => seen.some((o) => o[key])
            // A rule that does not declare it cannot ask (the engine throws): here, one that declares it does ask.
            expect(did("typeChecked"), "requiresTypeInformation: a case builds the type checker").toBe(
                meta.requiresTypeInformation
            )
            expect(did("fixes"), "fixable: a case reports a fix").toBe(meta.fixable)
            expect(did("suggestions"), "hasSuggestions: a case reports suggestions").toBe(meta.hasSuggestions ?? false)
        })
    })
}
