import fs from "node:fs"
import path from "node:path"

import {afterAll, describe, expect, it} from "vitest"

import {AppAnalysis} from "../src/app-model/analysis.js"
import {App} from "../src/app-model/app.js"
import {discover, discoverSync} from "../src/app-model/discovery.js"
import {lint} from "../src/index.js"
import {defineRule, type Rule} from "../src/lint/rule.js"
import {RULE_IDS, RULES} from "../src/lint/rules/index.js"
import {runRules} from "../src/lint/runner.js"
import {PACKAGE_ROOT} from "./support/bin.js"
import {type AppFiles, writeApp} from "./support/temp-app.js"

const only = (...ids: string[]) =>
    Object.fromEntries(RULE_IDS.map((id) => [id, ids.includes(id) ? "error" : "off"] as const))

describe("the programmatic API", () => {
    it("lints both example apps with no findings, and without building a type checker", async () => {
        for (const example of ["documented-layout", "app-layout"]) {
            const report = await lint({cwd: path.join(PACKAGE_ROOT, "examples", example)})
            expect(report.results.flatMap((r) => r.messages)).toEqual([])
            expect(report.results.length).toBeGreaterThan(2)
            expect(report.stats.filesParsed).toBeGreaterThan(2)
            // Plain handlers are decided from syntax alone: the syntactic path stays checker-free.
            expect(report.stats.typeCheckedFiles).toEqual([])
        }
    })

    it("builds type information only for the file that needs it", async () => {
        const root = writeApp({
            "src/webhooks/a.webhook.ts":
                "export default async function h(req: Request) {\n    return new Response(null)\n}\n",
            "src/events/connection-added.event.ts":
                'import {createWebhookHandler} from "attio/server"\n\nfunction pick(): "a" | "b" {\n    return "a"\n}\n\nexport default async function added() {\n    await createWebhookHandler({fileName: pick()})\n}\n',
        })
        const report = await lint({cwd: root})
        expect(report.stats.typeCheckedFiles).toEqual([path.join(root, "src/events/connection-added.event.ts")])
        const messages = report.results.flatMap((r) => r.messages.map((m) => m.ruleId))
        // "b" names no handler: the union was resolved value by value.
        expect(messages).toContain("webhook-filename")
        expect(messages).not.toContain("dynamic-filename")
    })

    it("a test file beside handlers is no call site", async () => {
        const root = writeApp({
            "src/webhooks/a.webhook.ts":
                "export default async function h(req: Request) {\n    return new Response(null)\n}\n",
            "src/events/connection-added.event.test.ts":
                'import {createWebhookHandler} from "attio/server"\n\nawait createWebhookHandler({fileName: "a"})\n',
        })
        const report = await lint({cwd: root})
        expect(report.results.flatMap((r) => r.messages.map((m) => m.ruleId))).toEqual(["unregistered-webhook"])
    })
})

describe("what belongs to the app", () => {
    it("src/lib is source (only top-level lib/, dist/, build/ are build output); node_modules never is", async () => {
        const root = writeApp({
            "src/lib/hooks.ts": 'export const HOOK = "a"\n',
            "src/webhooks/a.webhook.ts":
                "export default async function h(req: Request) {\n    return new Response(null)\n}\n",
            "src/events/connection-added.event.ts":
                'import {createWebhookHandler} from "attio/server"\nimport {HOOK} from "../lib/hooks"\n\nexport default async function added() {\n    await createWebhookHandler({fileName: HOOK})\n}\n',
            "src/events/connection-removed.event.ts": "export default async function removed() {}\n",
            "lib/webhooks/stale.webhook.js": "export default 1\n",
            "src/node_modules/x/y.webhook.ts": "export default 1\n",
        })
        const report = await lint({cwd: root})
        expect(report.results.flatMap((r) => r.messages)).toEqual([])
        expect(report.stats.typeCheckedFiles).toEqual([])
    })

    it("lists the apps nested in it in path order, whichever walk finds them", async () => {
        const root = writeApp({
            "src/webhooks/a.webhook.ts":
                "export default async function h(req: Request) {\n    return new Response(null)\n}\n",
            "a/x/package.json": "{}\n",
            "b/package.json": "{}\n",
        })
        const nested = [path.join(root, "a/x"), path.join(root, "b")]
        expect((await discover(root)).nestedApps).toEqual(nested)
        expect(discoverSync(root).nestedApps).toEqual(nested)
    })
})

describe("the engine", () => {
    const roots: string[] = []
    afterAll(() => roots.forEach((root) => fs.rmSync(root, {recursive: true, force: true})))
    const app = (files: AppFiles) => {
        roots.push(writeApp(files))
        return roots.at(-1)!
    }

    /** A handler whose default export syntax cannot judge, and a fileName only the checker can list. */
    const UNDECIDED = {
        "src/webhooks/a.webhook.ts":
            'import {wrap} from "./wrap"\n\nexport default wrap(async (req: Request) => new Response(null))\n',
        "src/webhooks/wrap.ts": "export const wrap = <T>(f: T) => f\n",
        "src/events/connection-added.event.ts":
            'import {createWebhookHandler} from "attio/server"\n\nfunction pick(): "a" | "b" {\n    return "a"\n}\n\nexport default async function added() {\n    await createWebhookHandler({fileName: pick()})\n}\n',
    }

    it("builds no type checker for rules that do not declare type information, even where syntax cannot decide", async () => {
        const root = app(UNDECIDED)
        for (const rule of RULES.filter((r) => !r.meta.requiresTypeInformation)) {
            const report = await lint({cwd: root, rules: only(rule.meta.id)})
            expect(report.stats.typeCheckedFiles, rule.meta.id).toEqual([])
        }
        // The rules that declare it do ask, here.
        expect(
            (await lint({cwd: root, rules: only("default-export", "webhook-filename")})).stats.typeCheckedFiles
        ).toHaveLength(2)
    })

    const asking = (requiresTypeInformation: boolean): Rule =>
        defineRule({
            meta: {
                id: "asks",
                description: "asks for types",
                defaultSeverity: "error",
                requiresTypeInformation,
                fixable: false,
                scope: "file",
                messages: {found: "found"},
                docs: {bad: "a", good: "b"},
            },
            checkFile({file, analysis, report}) {
                // Through the analysis, as most rules do: the default export is a call.
                if (file.handler && analysis.handlerDefault(file).kind === "unknown")
                    report({range: {line: 1, column: 1, endLine: 1, endColumn: 1}, messageId: "found"})
            },
        })

    it("refuses type information to a rule whose meta does not declare it, and hands it lazily to one that does", async () => {
        const root = app(UNDECIDED)
        const {files} = await discover(root)
        const analysisOf = () => new AppAnalysis(new App(root, files))
        const undeclared = analysisOf()
        expect(() =>
            runRules(
                undeclared.app,
                undeclared,
                [asking(false)],
                () => true,
                () => {}
            )
        ).toThrow(
            "rule asks failed: rule asks asked for type information, but its meta does not declare requiresTypeInformation"
        )
        const declared = analysisOf()
        const found: string[] = []
        runRules(
            declared.app,
            declared,
            [asking(true)],
            () => true,
            (_rule, file) => found.push(file.rel)
        )
        // Asked once, for the one file syntax could not judge (`wrap(…)` is callable: not a not-function).
        expect(declared.types.checkedFiles).toEqual([path.join(root, "src/webhooks/a.webhook.ts")])
        expect(found).toEqual(["src/webhooks/a.webhook.ts"])
    })

    it("with FILE arguments, runs the per-file checks on those files only", async () => {
        const root = app({
            "src/webhooks/a.webhook.ts":
                "export default async function h(req: Request) {\n    return new Response(null)\n}\n",
            "src/webhooks/b.webhook.ts":
                "export default function h(req: Request) {\n    return new Response(null)\n}\n",
            "src/server/sync.ts": 'import {attioFetch} from "attio/server"\n\nawait attioFetch({path: "/objects"})\n',
        })
        const perFile = RULES.filter((r) => r.meta.scope === "file").map((r) => r.meta.id)
        const report = await lint({cwd: root, targets: ["src/webhooks/a.webhook.ts"], rules: only(...perFile)})
        expect(report.results.map((r) => path.relative(root, r.filePath))).toEqual([
            path.join("src", "webhooks", "a.webhook.ts"),
        ])
        // The handlers (a handler's default may live in another one), not src/server/sync.ts.
        expect(report.stats.filesParsed).toBe(2)
        const whole = await lint({cwd: root, rules: only(...perFile)})
        expect(whole.stats.filesParsed).toBe(3)
        expect(whole.results.flatMap((r) => r.messages.map((m) => m.ruleId))).toEqual(["async-handler"])
    })
})
