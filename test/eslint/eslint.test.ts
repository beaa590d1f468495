/**
 * Real ESLint 9 with typescript-eslint on an app configured like the Attio template: a CommonJS
 * eslint.config.js that requires the plugin through the package's `./eslint-plugin` export (the
 * built dist/, as users get it) and adds its recommended config to the template's TypeScript block.
 */
import fs from "node:fs"
import path from "node:path"

import {ESLint} from "eslint"
import {beforeAll, describe, expect, it} from "vitest"

import {event, webhook} from "../support/apps.js"
import {PACKAGE_ROOT} from "../support/bin.js"
import {tempApp} from "./support.js"

/** The template's eslint.config.js, trimmed to the parts that matter here, plus our plugin. */
const ESLINT_CONFIG = `const js = require("@eslint/js")
const tseslint = require("typescript-eslint")
const attioLint = require("generator-attio-app/eslint-plugin")

module.exports = tseslint.config(
    {ignores: [".attio/", "dist/", "lib/", "node_modules/"]},
    {
        files: ["src/**/*.{ts,tsx}"],
        extends: [js.configs.recommended, tseslint.configs.recommended, attioLint.configs.recommended],
    }
)
`

const SDK = 'import {createWebhookHandler} from "attio/server"\n'
const added = (...ids: string[]) =>
    `${SDK}\nexport default async function connectionAdded() {\n${ids.map((id) => `    await createWebhookHandler({fileName: "${id}"})\n`).join("")}}\n`
const HOOK =
    "export default async function handler(req: Request): Promise<Response> {\n    return new Response(await req.text())\n}\n"
const NO_RESPONSE =
    "export default async function handler(req: Request): Promise<Response> {\n    if (req.body) return new Response(null)\n}\n"

describe("ESLint 9 with typescript-eslint on an app configured like the Attio template", () => {
    beforeAll(() => {
        if (!fs.existsSync(path.join(PACKAGE_ROOT, "dist/src/eslint-plugin/index.js"))) {
            throw new Error("dist/ is missing: run `npm run build` first (npm test does)")
        }
    })

    const {root, at} = tempApp({
        "package.json": JSON.stringify({
            name: "my-attio-app",
            private: true,
            devDependencies: {eslint: "^9", "typescript-eslint": "^8"},
        }),
        "tsconfig.json": JSON.stringify({
            compilerOptions: {strict: true, lib: ["ES2020", "DOM"], module: "ES6", moduleResolution: "bundler"},
            include: ["src"],
        }),
        "eslint.config.js": ESLINT_CONFIG,
        "src/app/webhooks/prospect-updated.webhook.ts": HOOK,
        "src/app/webhooks/lead.webhook.ts": NO_RESPONSE,
        "src/app/events/connection-added.event.ts": added("prospect-update", "lead.webhook.ts"),
        "src/app/events/connection-removed.event.ts": event(),
        // Misplaced, and its unused `req` is typescript-eslint's to report.
        "src/handlers/stray.webhook.ts": webhook(),
        "dist/app/webhooks/built.webhook.js": "export default 1\n",
    })
    // The app's dependencies, installed: the ones of this package, and this package itself.
    for (const [name, target] of [
        ["typescript-eslint", "node_modules/typescript-eslint"],
        ["@eslint/js", "node_modules/@eslint/js"],
        ["generator-attio-app", "."],
    ]) {
        fs.mkdirSync(path.dirname(at(`node_modules/${name}`)), {recursive: true})
        fs.symlinkSync(path.join(PACKAGE_ROOT, target), at(`node_modules/${name}`), "dir")
    }

    const lint = async (options: ESLint.Options = {}) => {
        const results = await new ESLint({cwd: root, ...options}).lintFiles(["."])
        return Object.fromEntries(
            results
                .filter((r) => r.filePath.startsWith(at("src")))
                .map((r) => [
                    path.relative(root, r.filePath).split(path.sep).join("/"),
                    r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`),
                ])
        )
    }

    it("reports attio-lint's findings beside typescript-eslint's, each on its file", async () => {
        expect(await lint()).toEqual({
            "src/app/events/connection-added.event.ts": [
                "4:43 attio-lint/webhook-filename",
                "5:43 attio-lint/webhook-filename",
            ],
            "src/app/events/connection-removed.event.ts": [],
            "src/app/webhooks/lead.webhook.ts": ["2:5 attio-lint/webhook-response"],
            "src/app/webhooks/prospect-updated.webhook.ts": [],
            "src/handlers/stray.webhook.ts": [
                "1:1 attio-lint/webhook-location",
                "1:39 @typescript-eslint/no-unused-vars",
            ],
        })
    })

    it("applies the safe fix with --fix and offers the typo as a suggestion only", async () => {
        const [result] = await new ESLint({cwd: root, fix: true}).lintFiles([
            "src/app/events/connection-added.event.ts",
        ])
        expect(result.output).toBe(added("prospect-update", "lead"))
        expect(result.messages).toHaveLength(1)
        expect(result.messages[0].suggestions).toEqual([
            {
                desc: 'Change the fileName to "prospect-updated"',
                fix: expect.objectContaining({text: '"prospect-updated"'}),
            },
        ])
    })

    it("lints clean once the files are fixed by hand", async () => {
        fs.writeFileSync(at("src/app/events/connection-added.event.ts"), added("prospect-updated", "lead"))
        fs.writeFileSync(
            at("src/app/webhooks/lead.webhook.ts"),
            NO_RESPONSE.replace("\n}", "\n    return new Response(null, {status: 204})\n}")
        )
        fs.rmSync(at("src/handlers"), {recursive: true})
        fs.writeFileSync(at("src/app/webhooks/stray.webhook.ts"), HOOK)
        const after = await lint()
        expect(Object.values(after).flat()).toEqual([])
        expect(Object.keys(after)).toContain("src/app/webhooks/stray.webhook.ts")
    })
})
