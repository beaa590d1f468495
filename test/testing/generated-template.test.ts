/**
 * The generated tests in Attio's real app template (test/testing/template-app.ts) under the app's own tools: its
 * vitest runs them (they pass as generated, and fail when the handler breaks), and tsc type-checks the generated code
 * against attio@1.0.4 with the template's compiler options. What each step wrote is test/testing/generated.test.ts's.
 */
import fs from "node:fs"
import path from "node:path"
import {beforeAll, describe, expect, it} from "vitest"

import {PACKAGE_ROOT} from "../support/bin.js"
import {generatedTemplateApp, spawnNode} from "./template-app.js"

let root = ""

beforeAll(async () => {
    root = (await generatedTemplateApp()).root
})

describe("generated tests in Attio's app template, under its own tools", () => {
    it.concurrent("the tests pass as generated, and a changed handler fails its test", async () => {
        const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^VITE/.test(name)))
        const results = path.join(root, "results.json")
        const vitest = path.join(root, "node_modules/vitest/vitest.mjs")
        const result = await spawnNode([vitest, "run", "--reporter=json", `--outputFile=${results}`], root, env)
        const report = JSON.parse(fs.readFileSync(results, "utf8")) as {
            testResults: {name: string; status: string; assertionResults: {failureMessages: string[]}[]}[]
        }
        const outcome = Object.fromEntries(
            report.testResults.map((file) => [
                path.relative(root, file.name),
                file.status === "passed" ? "passed" : file.assertionResults.flatMap((a) => a.failureMessages)[0],
            ])
        )
        expect(outcome).toEqual({
            "src/app/webhooks/deal-updated.webhook.test.ts": "passed",
            "src/app/webhooks/signed.webhook.test.ts": "passed",
            "src/app/webhooks/crm/plain.webhook.test.ts": "passed",
            "src/app/webhooks/broken/status.webhook.test.ts": expect.stringContaining("expected 422 to be 400"),
            "src/app/webhooks/broken/forgery.webhook.test.ts": expect.stringContaining("expected 200 to be 401"),
        })
        expect(result.code).toBe(1)
    })

    it.concurrent(
        "the generated code type-checks against attio@1.0.4 with the template's compiler options",
        async () => {
            const tsconfig = JSON.parse(fs.readFileSync(path.join(root, "tsconfig.json"), "utf8"))
            // Checking only: the options that make tsc emit are left out.
            for (const option of ["composite", "declaration", "declarationMap", "outDir", "rootDir", "sourceMap"]) {
                delete tsconfig.compilerOptions[option]
            }
            tsconfig.compilerOptions.noEmit = true
            fs.writeFileSync(path.join(root, "tsconfig.check.json"), JSON.stringify(tsconfig))
            const tsc = path.join(PACKAGE_ROOT, "node_modules/typescript/bin/tsc")
            const result = await spawnNode([tsc, "-p", "tsconfig.check.json"], root)
            expect(result.stdout).toBe("")
            expect(result.code).toBe(0)
        }
    )
})
