/**
 * Every rule's meta against the rest of the project, in the style of typescript-eslint's docs test.
 * What a rule does with its cases (type information, fixes, suggestions, ESLint agreeing with the
 * CLI) is checked by test/support/rule-tester.ts after each rule's cases; here: that every rule has
 * such cases, and that its docs, scope and ESLint offering are what its meta says.
 */
import fs from "node:fs"
import path from "node:path"

import {describe, expect, it} from "vitest"

import plugin from "../../src/eslint-plugin/index.js"
import {RULE_DOCS} from "../../src/lint/engine.js"
import {isFileRule} from "../../src/lint/rule.js"
import {RULES} from "../../src/lint/rules/index.js"
import {PACKAGE_ROOT} from "../support/bin.js"

const read = (rel: string) => fs.readFileSync(path.join(PACKAGE_ROOT, rel), "utf8")
const PLATFORM_DOC = path.join(PACKAGE_ROOT, "docs/platform.md")

describe.each(RULES.map((rule) => [rule.meta.id, rule] as const))("%s", (id, rule) => {
    const {meta} = rule

    it("is defined in the file of its name and tested with rule-tester on its own cases", () => {
        expect(fs.existsSync(path.join(PACKAGE_ROOT, `src/lint/rules/${id}.ts`))).toBe(true)
        const test = read(`test/rules/${id}.test.ts`)
        expect(test).toMatch(new RegExp(`import \\w+ from "\\.\\./\\.\\./src/lint/rules/${id}\\.js"`))
        expect(test).toMatch(/ruleTester\(\w+, \{/)
    })

    it("has docs: a description, a wrong and a right way, messages, and a page in docs/rules", () => {
        expect(meta.description).toMatch(/^[A-Za-z"`].{10,}[^.]$/)
        expect(meta.docs.bad.trim()).not.toBe("")
        expect(meta.docs.good.trim()).not.toBe("")
        expect(meta.docs.bad).not.toBe(meta.docs.good)
        expect(Object.keys(meta.messages).length).toBeGreaterThan(0)
        for (const text of Object.values(meta.messages)) expect(text.trim()).not.toBe("")
        expect(read(`docs/rules/${id}.md`)).toContain(`# \`${id}\`\n`)
        expect(RULE_DOCS.find((d) => d.id === id)?.requiresTypeInformation).toBe(meta.requiresTypeInformation)
    })

    it("has a written platform reason in docs/platform.md", () => {
        expect(fs.readFileSync(PLATFORM_DOC, "utf8")).toMatch(new RegExp(`^\\| \`${id}\` +\\| \\S.{20,}\\|$`, "m"))
    })

    it("implements the check its scope names", () => {
        expect(isFileRule(rule)).toBe(meta.scope === "file")
        expect(typeof ("checkFile" in rule ? rule.checkFile : rule.checkApp)).toBe("function")
    })

    it("is offered in ESLint exactly when its meta gives no reason why not, with the same fixes and suggestions", () => {
        const eslintRule = plugin.rules[id as keyof typeof plugin.rules]
        if (meta.notInEslint !== undefined) {
            expect(meta.notInEslint.length).toBeGreaterThan(20)
            expect(eslintRule).toBeUndefined()
            return
        }
        expect(eslintRule.meta?.messages).toEqual(meta.messages)
        expect(eslintRule.meta?.fixable).toBe(meta.fixable ? "code" : undefined)
        expect(eslintRule.meta?.hasSuggestions).toBe(meta.hasSuggestions ? true : undefined)
    })
})

it("every rule has a unique id", () => {
    expect(new Set(RULES.map((r) => r.meta.id)).size).toBe(RULES.length)
})
