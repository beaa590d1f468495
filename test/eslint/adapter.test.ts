/**
 * The adapter between the CLI's rules and ESLint: one file's model in its app (focused, with the
 * editor's buffer), fixes and suggestions, and an app's file list that is walked once yet never stale.
 */
import fs from "node:fs"
import os from "node:os"
import path from "node:path"

import {Linter} from "eslint"
import tseslint from "typescript-eslint"
import {describe, expect, it} from "vitest"

import {appFiles} from "../../src/eslint-plugin/app-files.js"
import plugin, {buildModel, PLUGIN_RULES, toEslintRule} from "../../src/eslint-plugin/index.js"
import {defineRule} from "../../src/lint/rule.js"
import {runRules} from "../../src/lint/runner.js"
import {event, webhook} from "../support/apps.js"
import {ruleTester, tempApp} from "./support.js"

const SDK = 'import {createWebhookHandler} from "attio/server"\n'
const creates = (...ids: string[]) =>
    `${SDK}\nexport default async function connectionAdded() {\n${ids.map((id) => `    await createWebhookHandler({fileName: "${id}"})\n`).join("")}}\n`

/** Lints one file with the recommended config, as an editor does: `text` is its buffer. */
function lintFile(filename: string, text = fs.readFileSync(filename, "utf8")): Linter.LintMessage[] {
    const config: Linter.Config[] = [
        {files: ["**/*.{ts,tsx,js}"], languageOptions: {parser: tseslint.parser}},
        plugin.configs.recommended,
    ]
    return new Linter({cwd: path.dirname(filename)}).verify(text, config, {filename})
}

const ruleIds = (messages: Linter.LintMessage[]) => messages.map((m) => m.ruleId)

/** Sets every directory and file of the app an hour back, so that a walk of it and facts of its files may be reused. */
function settle(root: string): void {
    const past = new Date(Date.now() - 3_600_000)
    for (const entry of fs.readdirSync(root, {recursive: true, withFileTypes: true})) {
        fs.utimesSync(path.join(entry.parentPath, entry.name), past, past)
    }
    fs.utimesSync(root, past, past)
}

describe("the model of a linted file", () => {
    const hooks = Object.fromEntries(
        Array.from({length: 40}, (_, i) => [`src/webhooks/hook-${i}.webhook.ts`, webhook()])
    )
    const {at} = tempApp({
        ...hooks,
        "src/events/connection-added.event.ts": creates(...Object.keys(hooks).map((_, i) => `hook-${i}`)),
        "dist/webhooks/built.webhook.js": "export default 1\n",
    })

    it("judges the linted file in its whole app, parsing no more than the handlers", () => {
        const model = buildModel(at("src/webhooks/hook-7.webhook.ts"), webhook())!
        const reported: string[] = []
        runRules(
            model.app,
            model.analysis,
            PLUGIN_RULES,
            (f) => f === model.file,
            (rule, file) => reported.push(`${rule.meta.id} ${file.rel}`)
        )
        expect(reported).toEqual([])
        // A handler's default may be defined in another handler: every handler is read (40 and an event), nothing else.
        expect(model.app.parsed).toBe(41)
        expect(model.analysis.handlersById("webhook").size).toBe(40)
    })

    it("reads an unchanged file's facts once across lints", () => {
        const {root, at} = tempApp({...hooks, "src/events/connection-added.event.ts": creates("hook-1")})
        const parsedToLint = (rel: string) => {
            const model = buildModel(at(rel), webhook())!
            runRules(
                model.app,
                model.analysis,
                PLUGIN_RULES,
                (f) => f === model.file,
                () => {}
            )
            return model.app.parsed
        }
        settle(root)
        expect(parsedToLint("src/webhooks/hook-7.webhook.ts")).toBe(41)
        // The buffer, and hook-7 from disk (a buffer last time).
        expect(parsedToLint("src/webhooks/hook-8.webhook.ts")).toBe(2)
        expect(parsedToLint("src/webhooks/hook-8.webhook.ts")).toBe(1)
        // An edited file is read again, even within the file system's clock resolution.
        fs.writeFileSync(at("src/webhooks/hook-9.webhook.ts"), webhook("edited"))
        expect(parsedToLint("src/webhooks/hook-8.webhook.ts")).toBe(2)
        expect(parsedToLint("src/webhooks/hook-8.webhook.ts")).toBe(2)
        const past = new Date(Date.now() - 3_600_000)
        fs.utimesSync(at("src/webhooks/hook-9.webhook.ts"), past, past)
        expect(parsedToLint("src/webhooks/hook-8.webhook.ts")).toBe(2)
        expect(parsedToLint("src/webhooks/hook-8.webhook.ts")).toBe(1)
    })

    it("sees the editor's buffer, not the disk", () => {
        const added = at("src/events/connection-added.event.ts")
        expect(lintFile(added)).toEqual([])
        expect(ruleIds(lintFile(added, creates("hook-1", "hook-99")))).toEqual(["attio-lint/webhook-filename"])
    })

    it("asks for type information on the buffer too, where positions differ from the disk", () => {
        const buffer = `${SDK}\nfunction pick(): "hook-1" | "hook-404" {\n    return "hook-1"\n}\n\nexport default async function connectionAdded() {\n    await createWebhookHandler({fileName: pick()})\n}\n`
        const messages = lintFile(at("src/events/connection-added.event.ts"), buffer)
        expect(ruleIds(messages)).toEqual(["attio-lint/webhook-filename"])
        expect(messages[0].message).toContain("hook-404")
    })

    it("sees a new file that is not on disk yet", () => {
        const messages = lintFile(at("src/webhooks/unsaved.webhook.ts"), "export async function handler() {}\n")
        expect(ruleIds(messages)).toEqual(["attio-lint/default-export"])
        expect(messages[0].message).toContain("Default export not found in module unsaved")
    })

    it("reports nothing on files of no app, outside its sources, or without a path", () => {
        const bare = fs.mkdtempSync(path.join(os.tmpdir(), "attio-lint-no-app-"))
        try {
            expect(lintFile(path.join(bare, "src/webhooks/a.webhook.ts"), "export const a = 1\n")).toEqual([])
        } finally {
            fs.rmSync(bare, {recursive: true, force: true})
        }
        expect(lintFile(at("dist/webhooks/built.webhook.js"))).toEqual([])
        expect(lintFile(at("node_modules/x/y.webhook.ts"), "export const a = 1\n")).toEqual([])
        expect(buildModel("<text>", "export const a = 1\n")).toBeNull()
    })
})

describe("the app's files", () => {
    it("are walked again only when a directory the walk read has changed", () => {
        const {root, at} = tempApp({
            "src/webhooks/a.webhook.ts": webhook(),
            "src/webhooks/crm/deal.webhook.ts": webhook(),
            "src/assets/logo.png": "png",
        })
        const rels = () => appFiles(root).files.map((f) => f.rel)
        settle(root)
        const first = appFiles(root)
        expect(appFiles(root)).toBe(first)

        // Contents are read afresh on every lint: an edit in place needs no new walk.
        fs.writeFileSync(at("src/webhooks/a.webhook.ts"), webhook("edited"))
        expect(appFiles(root)).toBe(first)

        // A source file where there was none: its folder's mtime moved.
        fs.writeFileSync(at("src/assets/icons.ts"), "export const icons = []\n")
        const second = appFiles(root)
        expect(second).not.toBe(first)
        expect(rels()).toContain("src/assets/icons.ts")
        // That walk saw a folder changed moments ago, whose mtime may not move again: not reused.
        expect(appFiles(root)).not.toBe(second)

        settle(root)
        const settled = appFiles(root)
        expect(appFiles(root)).toBe(settled)
        fs.renameSync(at("src/webhooks/crm/deal.webhook.ts"), at("src/webhooks/crm/deals.webhook.ts"))
        expect(rels()).toEqual([
            "src/assets/icons.ts",
            "src/webhooks/a.webhook.ts",
            "src/webhooks/crm/deals.webhook.ts",
        ])
        fs.rmSync(at("src/webhooks/crm"), {recursive: true})
        expect(rels()).toEqual(["src/assets/icons.ts", "src/webhooks/a.webhook.ts"])
    })

    it("give webhook-filename the handler ids of the moment, across lints in one process", () => {
        const {root, at} = tempApp({
            "src/webhooks/a.webhook.ts": webhook(),
            "src/events/connection-added.event.ts": creates("a", "later"),
        })
        const added = at("src/events/connection-added.event.ts")
        settle(root)
        expect(lintFile(added).map((m) => m.message)).toEqual([
            expect.stringContaining('fileName "later" names no webhook handler'),
        ])
        fs.writeFileSync(at("src/webhooks/later.webhook.ts"), webhook())
        expect(lintFile(added)).toEqual([])
        settle(root)
        expect(lintFile(added)).toEqual([])
        fs.renameSync(at("src/webhooks/later.webhook.ts"), at("src/webhooks/sooner.webhook.ts"))
        expect(lintFile(added).map((m) => m.message)).toEqual([expect.stringContaining('"later"')])
    })
})

/** A CLI rule that finds `BAD` in the file it judges, with a fix and two suggestions. */
const fake = defineRule({
    meta: {
        id: "fake",
        description: "finds BAD",
        defaultSeverity: "error",
        requiresTypeInformation: false,
        fixable: true,
        hasSuggestions: true,
        scope: "file",
        messages: {found: "found {{what}}"},
        docs: {bad: "BAD", good: "GOOD"},
    },
    checkFile({file, app, report}) {
        const text = app.text(file) ?? ""
        const at = text.indexOf("BAD")
        if (at < 0) return
        const edit = (replacement: string) => ({range: [at, at + 3] as [number, number], text: replacement})
        report({
            range: {line: 1, column: at + 1, endLine: 1, endColumn: at + 4},
            messageId: "found",
            data: {what: "BAD"},
            fix: edit(text.includes("break") ? "(" : "GOOD"),
            suggestions: [
                {desc: "Call it OK", fix: edit("OK")},
                {desc: "Break it", fix: edit("{")},
            ],
        })
    },
})

describe("fixes and suggestions", () => {
    // A file in a handler root: rules judge those (and handlers, and files that use the SDK).
    const {at} = tempApp({"src/webhooks/a.ts": "export const a = 1\n"})
    ruleTester.run("a CLI rule's fix and suggestions through the adapter", toEslintRule(fake), {
        valid: [{code: "const GOOD = 1\n", filename: at("src/webhooks/a.ts")}],
        invalid: [
            {
                code: "const BAD = 1\n",
                filename: at("src/webhooks/a.ts"),
                output: "const GOOD = 1\n",
                errors: [
                    {
                        messageId: "found",
                        data: {what: "BAD"},
                        line: 1,
                        column: 7,
                        endLine: 1,
                        endColumn: 10,
                        // The suggestion that would not parse is not offered.
                        suggestions: [{desc: "Call it OK", output: "const OK = 1\n"}],
                    },
                ],
            },
            {
                // A fix whose result would not parse is not offered: ESLint would write it regardless.
                code: "const BAD = 1 // break\n",
                filename: at("src/webhooks/a.ts"),
                output: null,
                errors: [{messageId: "found", suggestions: [{desc: "Call it OK", output: "const OK = 1 // break\n"}]}],
            },
        ],
    })
})

describe("the plugin object", () => {
    it("has ESLint's plugin shape and a recommended config with every rule at its CLI severity", () => {
        expect(plugin.meta).toEqual({
            name: "generator-attio-app/eslint-plugin",
            version: expect.any(String),
            namespace: "attio-lint",
        })
        expect(plugin.configs.recommended.plugins).toEqual({"attio-lint": plugin})
        expect(plugin.configs.recommended.rules).toEqual(
            Object.fromEntries(PLUGIN_RULES.map(({meta}) => [`attio-lint/${meta.id}`, meta.defaultSeverity]))
        )
        for (const rule of PLUGIN_RULES) {
            const eslintRule = plugin.rules[rule.meta.id]
            expect(eslintRule.meta?.messages).toEqual(rule.meta.messages)
            expect(eslintRule.meta?.fixable).toBe(rule.meta.fixable ? "code" : undefined)
            expect(eslintRule.meta?.hasSuggestions).toBe(rule.meta.hasSuggestions ? true : undefined)
        }
    })

    it("lints an event handler with every rule on and reports each finding once", () => {
        const {at} = tempApp({"src/webhooks/a.webhook.ts": webhook()})
        const messages = lintFile(
            at("src/app/events/connection-add.event.ts"),
            event().replace(
                "async function connectionEvent({connection}: {connection: Connection})",
                "function added(connection: Connection)"
            )
        )
        expect(ruleIds(messages).sort()).toEqual([
            "attio-lint/async-handler",
            "attio-lint/event-name",
            "attio-lint/event-signature",
        ])
    })
})
