#!/usr/bin/env node
/**
 * Rewrites test/conformance/cases/<rule>.ts from the invalid cases of test/rules/<rule>.test.ts: each test file is
 * bundled with a ruleTester that records its cases instead of running them. Run it after the rule tests change
 * (`node test/conformance/copy-cases.js`), then review the diff.
 */
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import {fileURLToPath, pathToFileURL} from "node:url"

import * as esbuild from "esbuild"
import * as prettier from "prettier"

const here = path.dirname(fileURLToPath(import.meta.url))
const root = path.resolve(here, "../..")
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "attio-conformance-cases-"))
const recorder = path.join(scratch, "recorder.js")
fs.writeFileSync(
    recorder,
    "export function ruleTester(rule, cases) {\n    globalThis.recorded = {id: rule.meta.id, cases}\n}\n"
)

try {
    const config = await prettier.resolveConfig(path.join(here, "run.ts"))
    const tests = fs.readdirSync(path.join(root, "test/rules")).filter((f) => f.endsWith(".test.ts"))
    // Only the rule tests that list cases for ruleTester (meta.test.ts checks every rule's meta)
    const ruleTests = tests.filter((f) =>
        fs.readFileSync(path.join(root, "test/rules", f), "utf8").includes("ruleTester(")
    )
    for (const test of ruleTests) {
        const outfile = path.join(scratch, `${test}.mjs`)
        await esbuild.build({
            entryPoints: [path.join(root, "test/rules", test)],
            bundle: true,
            platform: "node",
            format: "esm",
            packages: "external",
            outfile,
            logLevel: "error",
            plugins: [
                {
                    name: "record-cases",
                    setup(build) {
                        build.onResolve({filter: /support\/rule-tester\.js$/}, () => ({path: recorder}))
                    },
                },
            ],
        })
        globalThis.recorded = undefined
        await import(pathToFileURL(outfile).href)
        const {id, cases} = globalThis.recorded
        const data = cases.invalid.map((c) => ({name: c.name, files: c.files}))
        const text = `/** The invalid cases of test/rules/${id}.test.ts (copied by copy-cases.js: the rule tests build their apps in code). */
import type {Case} from "./case.js"

const cases: Case[] = ${JSON.stringify(data, null, 4)}

export default cases
`
        fs.writeFileSync(
            path.join(here, "cases", `${id}.ts`),
            await prettier.format(text, {...config, parser: "typescript"})
        )
        console.log(`${id}: ${data.length} invalid cases`)
    }
} finally {
    fs.rmSync(scratch, {recursive: true, force: true})
}
