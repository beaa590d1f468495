/**
 * Generated apps against the real SDK: they type-check with tsc (strict, noImplicitReturns, noUnusedLocals,
 * the compiler options of Attio's app template) against attio@1.0.4's declarations, and attio-lint finds no
 * error in them.
 */
import {execFile} from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import {promisify} from "node:util"
import {beforeAll, describe, expect, it} from "vitest"
import {SEED_CONNECTION_ADDED, SEED_WEBHOOK} from "../support/apps.js"
import {attioNodeModules} from "../support/attio-sdk.js"
import {PACKAGE_ROOT} from "../support/bin.js"
import {writeApp} from "../support/temp-app.js"
import {runGenerator} from "./support.js"

const run = promisify(execFile)

/** The compiler options of `npm create attio`'s tsconfig that matter for checking, without emitting. */
const TSCONFIG = {
    compilerOptions: {
        target: "ES2020",
        lib: ["ES2020", "DOM", "DOM.Iterable"],
        module: "ESNext",
        moduleResolution: "bundler",
        types: ["attio/client"],
        strict: true,
        noImplicitReturns: true,
        noUnusedLocals: true,
        noFallthroughCasesInSwitch: true,
        allowUnreachableCode: false,
        skipLibCheck: true,
        noEmit: true,
    },
    include: ["src"],
}

const PROSPECT_UPDATED = `export default async function prospectUpdated(req: Request): Promise<Response> {
    return new Response(await req.text())
}
`

interface Case {
    name: string
    files: Record<string, string>
    /** Generator runs, in order: generator name and its arguments. */
    runs: ["webhook" | "event", string[]][]
    /** Registered apps must be free of warnings too. */
    warnings: boolean
}

const CASES: Case[] = [
    {
        name: "src/app layout, two registered webhooks (one nested)",
        files: {},
        runs: [
            [
                "webhook",
                [
                    "prospect-updated",
                    "--event",
                    "lead.processed",
                    "--register-url",
                    "https://api.example.com/v1/webhooks",
                ],
            ],
            ["webhook", ["crm/deal-closed"]],
        ],
        warnings: false,
    },
    {
        name: "src/app layout, handler only",
        files: {"src/app/settings/schema.ts": "export {}\n"},
        runs: [["webhook", ["prospect-updated", "--no-register"]]],
        warnings: true,
    },
    {
        name: "documented layout, registered into the docs' hand-written connection-added",
        files: {
            "src/webhooks/prospect-updated.webhook.ts": PROSPECT_UPDATED,
            "src/events/connection-added.event.ts": SEED_CONNECTION_ADDED,
        },
        runs: [["webhook", ["deal-closed"]]],
        warnings: false,
    },
    {
        name: "documented layout, handler only",
        files: {"src/webhooks/prospect-updated.webhook.ts": PROSPECT_UPDATED},
        runs: [["webhook", ["crm/deal-closed", "--no-register"]]],
        warnings: true,
    },
    {
        name: "an app's own .prettierrc (semicolons, single quotes, 2 spaces), into event handlers without parameters",
        files: {
            ".prettierrc": JSON.stringify({semi: true, singleQuote: true, tabWidth: 2}),
            "src/app/events/connection-added.event.ts": "export default async function connectionAdded() {}\n",
            "src/app/events/connection-removed.event.ts": "export default async function connectionRemoved() {}\n",
        },
        runs: [["webhook", ["prospect-updated"]]],
        warnings: false,
    },
    {
        name: "the event generator's skeletons",
        files: {},
        runs: [
            ["event", ["connection-added"]],
            ["event", ["connection-removed"]],
        ],
        warnings: false,
    },
]

const roots = new Map<string, string>()
let nodeModules = ""
let teeth = ""
let reports = new Map<string, string>()

function sdkApp(files: Record<string, string>): string {
    const root = writeApp({...files, "tsconfig.json": JSON.stringify(TSCONFIG)})
    fs.symlinkSync(nodeModules, path.join(root, "node_modules"))
    return root
}

/**
 * tsc's report on each app, empty for one that type-checks: one program over every app's src (their files are
 * modules, so nothing clashes), a single tsc run instead of one per app.
 */
async function tscEach(apps: string[]): Promise<Map<string, string>> {
    const project = sdkApp({})
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
    nodeModules = await attioNodeModules("1.0.4")
    // Generators run one at a time: yeoman-test changes the process's working directory.
    for (const c of CASES) {
        const root = sdkApp(c.files)
        for (const [generator, args] of c.runs) {
            const outcome = await runGenerator(generator, {root, args, options: {yes: true}})
            if (outcome.error) throw outcome.error
        }
        roots.set(c.name, root)
    }
    teeth = sdkApp({"src/webhooks/prospect-updated.webhook.ts": SEED_WEBHOOK})
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

    it.concurrent.each(CASES)("$name: attio-lint finds no error", async ({name, warnings}) => {
        const root = roots.get(name)!
        const lint = path.join(PACKAGE_ROOT, "dist/src/cli/attio-lint.js")
        const {stdout} = await run(process.execPath, [lint, root, "--format", "json"], {cwd: root}).catch(
            (error: {stdout: string}) => ({stdout: error.stdout})
        )
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
