/**
 * Generated apps against the real SDK (test/generators/generated-apps.ts): they type-check with tsc (strict,
 * noImplicitReturns, noUnusedLocals, the compiler options of Attio's app template) against attio@1.0.4's
 * declarations. That attio-lint finds no error in them is test/generators/generated-lint.test.ts's.
 */
import {execFile} from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import {promisify} from "node:util"
import {beforeAll, describe, expect, it} from "vitest"
import {SEED_WEBHOOK} from "../support/apps.js"
import {PACKAGE_ROOT} from "../support/bin.js"
import {CASES, TSCONFIG, generatedApps, sdkApp} from "./generated-apps.js"

const run = promisify(execFile)

let roots = new Map<string, string>()
let teeth = ""
let reports = new Map<string, string>()

/**
 * tsc's report on each app, empty for one that type-checks: one program over every app's src (their files are
 * modules, so nothing clashes), a single tsc run instead of one per app.
 */
async function tscEach(apps: string[]): Promise<Map<string, string>> {
    const project = await sdkApp({})
    fs.writeFileSync(
        path.join(project, "tsconfig.json"),
        JSON.stringify({...TSCONFIG, include: apps.map((root) => path.join(root, "src"))})
    )
    const bin = path.join(PACKAGE_ROOT, "node_modules/typescript/bin/tsc")
    const result = await run(process.execPath, [bin, "-p", project, "--pretty", "false"], {cwd: project}).catch(
        (error: {stdout: string}) => error
    )
    const reports = new Map(apps.map((root) => [root, ""]))
    for (const line of result.stdout.split(/\n(?=\S)/).filter(Boolean)) {
        const file = path.resolve(project, line.slice(0, line.indexOf("(")))
        const root = apps.find((app) => file.startsWith(app + path.sep))
        expect(root, `an error outside the apps: ${line}`).toBeDefined()
        reports.set(root!, reports.get(root!) + path.relative(root!, file) + line.slice(line.indexOf("(")) + "\n")
    }
    return reports
}

beforeAll(async () => {
    roots = await generatedApps()
    teeth = await sdkApp({"src/webhooks/prospect-updated.webhook.ts": SEED_WEBHOOK})
    reports = await tscEach([...roots.values(), teeth])
})

describe("generated apps against attio@1.0.4", () => {
    it.each(CASES)("$name: tsc passes", ({name}) => {
        expect(reports.get(roots.get(name)!)).toBe("")
    })

    it("(the check has teeth: the docs' handler, which calls attioFetch, fails it)", () => {
        expect(reports.get(teeth)).toMatch(
            /^src\/webhooks\/prospect-updated\.webhook\.ts.*error TS2349: This expression is not callable/
        )
    })
})
