/**
 * Generated apps in each layout, with attio@1.0.4 installed (test/generators/generated-apps.ts): attio-lint finds no
 * error in them (nor a warning in the registered ones), and handlers use the SDK's current API. That they type-check
 * against the SDK is test/generators/typecheck.test.ts's (the integration project).
 */
import fs from "node:fs"
import path from "node:path"
import {beforeAll, describe, expect, it} from "vitest"
import {runAttioLintHere} from "../support/attio-lint.js"
import {CASES, generatedApps} from "./generated-apps.js"

let roots = new Map<string, string>()

beforeAll(async () => {
    roots = await generatedApps()
})

describe("generated apps with attio@1.0.4", () => {
    it.concurrent.each(CASES)("$name: attio-lint finds no error", async ({name, warnings}) => {
        const root = roots.get(name)!
        const {stdout} = await runAttioLintHere([root, "--format", "json"], {cwd: root})
        const results = JSON.parse(stdout) as {
            filePath: string
            messages: {ruleId: string; severity: number; message: string}[]
        }[]
        const found = results.flatMap((r) =>
            r.messages
                .filter((m) => m.severity === 2 || !warnings)
                .map((m) => `${path.relative(root, r.filePath)}: ${m.ruleId} ${m.message}`)
        )
        expect(found).toEqual([])
    })

    it("uses the SDK's current API in handlers: fetch with ATTIO_API_TOKEN, not attioFetch", () => {
        const handler = fs.readFileSync(
            path.join(roots.get(CASES[0]!.name)!, "src/app/webhooks/prospect-updated.webhook.ts"),
            "utf8"
        )
        expect(handler).toContain('import {ATTIO_API_TOKEN} from "attio/server"')
        expect(handler).not.toContain("attioFetch")
    })
})
