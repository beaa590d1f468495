/**
 * client-import beside Attio's own `attio/attio-client-import` (the real rule of attio@1.0.4's
 * `attio/lint`): an import declaration of "attio/client" in a `.server.ts` file is reported once, by
 * Attio's rule, wherever that rule is on for the file; whatever it does not cover stays ours.
 */
import {createRequire} from "node:module"
import path from "node:path"

import {type ESLint, Linter} from "eslint"
import tseslint from "typescript-eslint"
import {beforeAll, describe, expect, it} from "vitest"

import plugin from "../../src/eslint-plugin/index.js"
import {webhook} from "../support/apps.js"
import {attioNodeModules} from "../support/attio-sdk.js"
import {tempApp} from "./support.js"

const SERVER =
    'import {showToast} from "attio/client"\nexport {confirm} from "attio/client"\n\nexport default async function sync() {\n    await showToast({title: "hi"})\n}\n'
const HOOK = `import {showToast} from "attio/client"\n\n${webhook()}`

describe("client-import beside attio/attio-client-import", () => {
    const {at} = tempApp({"src/lib/sync.server.ts": SERVER, "src/app/webhooks/a.webhook.ts": HOOK})
    let attio: ESLint.Plugin

    beforeAll(async () => {
        const {rules} = createRequire(import.meta.url)(path.join(await attioNodeModules("1.0.4"), "attio/lint.cjs"))
        attio = {rules}
    }, 240_000)

    /** The template's setup: Attio's rules on `src/**` (or `files`), ours from the recommended config. */
    function lint(rel: string, attioRule: Linter.RuleSeverity, files = ["src/**/*.{ts,tsx}"], text?: string): string[] {
        const filename = at(rel)
        const config: Linter.Config[] = [
            {files: ["**/*.{ts,tsx}"], languageOptions: {parser: tseslint.parser}},
            plugin.configs.recommended,
            {files, plugins: {attio}, rules: {"attio/attio-client-import": attioRule}},
        ]
        const messages = new Linter({cwd: at(".")}).verify(
            text ?? (rel === "src/lib/sync.server.ts" ? SERVER : HOOK),
            config,
            {filename}
        )
        return messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`)
    }

    it("leaves a .server.ts file's import declarations to Attio's rule, and keeps the re-export it does not see", () => {
        expect(lint("src/lib/sync.server.ts", "error")).toEqual([
            "1:1 attio/attio-client-import",
            "2:1 attio-lint/client-import",
        ])
    })

    it("reports them itself where Attio's rule is off for the file: in the config, outside its files, or by an inline comment", () => {
        const ours = ["1:1 attio-lint/client-import", "2:1 attio-lint/client-import"]
        expect(lint("src/lib/sync.server.ts", "off")).toEqual(ours)
        expect(lint("src/lib/sync.server.ts", "error", ["src/app/**/*.ts"])).toEqual(ours)
        expect(
            lint(
                "src/lib/sync.server.ts",
                "error",
                undefined,
                `/* eslint attio/attio-client-import: "off" */\n${SERVER}`
            )
        ).toEqual(ours.map((m) => m.replace(/^(\d)/, (line) => String(Number(line) + 1))))
    })

    it("reports handler files, which Attio's rule does not cover", () => {
        expect(lint("src/app/webhooks/a.webhook.ts", "error")).toEqual(["1:1 attio-lint/client-import"])
    })
})
