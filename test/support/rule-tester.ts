/**
 * RuleTester in ESLint's style: each case is a small app (files by app-relative path), linted
 * through the public API with only the rule under test enabled.
 */
import fs from "node:fs"
import os from "node:os"
import path from "node:path"

import {describe, expect, it} from "vitest"

import {lint, type LintMessage} from "../../src/index.js"
import type {Rule} from "../../src/lint/rule.js"
import {RULE_IDS} from "../../src/lint/rules/index.js"

export type AppFiles = Record<string, string>

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
}

export interface InvalidCase extends ValidCase {
    errors: ExpectedError[]
}

/** Writes an app to a fresh temp dir; a package.json is added unless the case has one. */
/** Every app writeApp made in this test file (each file runs in a process of its own). */
const written: string[] = []

/** Removes the apps writeApp made: `afterAll(removeWrittenApps)`. */
export function removeWrittenApps(): void {
    for (const root of written.splice(0)) fs.rmSync(root, {recursive: true, force: true})
}

export function writeApp(files: AppFiles, sdkVersion?: string): string {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "attio-lint-rule-"))
    written.push(root)
    const all: AppFiles = {"package.json": '{"name": "test-app", "private": true}', ...files}
    if (sdkVersion) all["node_modules/attio/package.json"] = JSON.stringify({name: "attio", version: sdkVersion})
    for (const [rel, text] of Object.entries(all)) {
        const file = path.join(root, rel)
        fs.mkdirSync(path.dirname(file), {recursive: true})
        fs.writeFileSync(file, text)
    }
    return root
}

/**
 * Lints with only `rule` on. Every case runs three times: without the facts cache, with a cold
 * cache and with the warm cache it left; all three must agree (cached results are never stale).
 */
export async function lintWithOnly(rule: Rule, root: string): Promise<(LintMessage & {file: string})[]> {
    const rules = Object.fromEntries(RULE_IDS.map((id) => [id, id === rule.meta.id ? rule.meta.defaultSeverity : "off"] as const))
    const messages = async (options: {cache: boolean}) => {
        const report = await lint({cwd: root, rules, ...options})
        return report.results.flatMap((r) =>
            r.messages.map((m) => ({...m, file: path.relative(root, r.filePath).split(path.sep).join("/")}))
        )
    }
    const uncached = await messages({cache: false})
    expect(await messages({cache: true}), "cold cache").toEqual(uncached)
    expect(await messages({cache: true}), "warm cache").toEqual(uncached)
    return uncached
}

export function ruleTester(rule: Rule, cases: {valid: ValidCase[]; invalid: InvalidCase[]}): void {
    describe(rule.meta.id, () => {
        describe("valid", () => {
            for (const c of cases.valid) {
                it(c.name, async () => {
                    const root = writeApp(c.files, c.sdkVersion)
                    try {
                        expect(await lintWithOnly(rule, root)).toEqual([])
                    } finally {
                        fs.rmSync(root, {recursive: true, force: true})
                    }
                })
            }
        })
        describe("invalid", () => {
            for (const c of cases.invalid) {
                it(c.name, async () => {
                    const root = writeApp(c.files, c.sdkVersion)
                    let found: Awaited<ReturnType<typeof lintWithOnly>>
                    try {
                        found = await lintWithOnly(rule, root)
                    } finally {
                        fs.rmSync(root, {recursive: true, force: true})
                    }
                    const summary = found.map((m) => `${m.file}:${m.line}:${m.column} ${m.messageId}: ${m.message}`).join("\n")
                    expect(found.map((m) => m.ruleId), summary).toEqual(c.errors.map(() => rule.meta.id))
                    c.errors.forEach((expected, i) => {
                        const actual = found[i]
                        expect(actual.messageId).toBe(expected.messageId)
                        if (expected.file !== undefined) expect(actual.file).toBe(expected.file)
                        if (expected.line !== undefined) expect(actual.line).toBe(expected.line)
                        if (expected.column !== undefined) expect(actual.column).toBe(expected.column)
                        if (expected.message !== undefined) expect(actual.message).toContain(expected.message)
                        if (expected.hint !== undefined) expect(actual.hint ?? "").toContain(expected.hint)
                        expect(Object.keys(rule.meta.messages)).toContain(actual.messageId)
                    })
                })
            }
        })
    })
}
