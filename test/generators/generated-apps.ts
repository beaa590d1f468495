/**
 * Generated apps against the real SDK, for test/generators/typecheck.test.ts (tsc, in the integration project) and
 * test/generators/generated-lint.test.ts (attio-lint, in e2e): apps in each layout with attio@1.0.4 installed and a
 * tsconfig.json with the template's compiler options, and the generators run on them as the cases say.
 */
import fs from "node:fs"
import path from "node:path"

import {SEED_CONNECTION_ADDED} from "../support/apps.js"
import {attioNodeModules} from "../support/attio-sdk.js"
import {writeApp} from "../support/temp-app.js"
import {runGenerator} from "./support.js"

/** The compiler options of `npm create attio`'s tsconfig that matter for checking, without emitting. */
export const TSCONFIG = {
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

export interface Case {
    name: string
    files: Record<string, string>
    /** Generator runs, in order: generator name and its arguments. */
    runs: ["webhook" | "event", string[]][]
    /** Registered apps must be free of warnings too. */
    warnings: boolean
}

export const CASES: Case[] = [
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

/** An app with attio@1.0.4's node_modules linked and the template's tsconfig.json. */
export async function sdkApp(files: Record<string, string>): Promise<string> {
    const root = writeApp({...files, "tsconfig.json": JSON.stringify(TSCONFIG)})
    fs.symlinkSync(await attioNodeModules("1.0.4"), path.join(root, "node_modules"))
    return root
}

/** Each case's app, generated, by case name. */
export async function generatedApps(): Promise<Map<string, string>> {
    const roots = new Map<string, string>()
    // Generators run one at a time: yeoman-test changes the process's working directory.
    for (const c of CASES) {
        const root = await sdkApp(c.files)
        for (const [generator, args] of c.runs) {
            const outcome = await runGenerator(generator, {root, args, options: {yes: true}})
            if (outcome.error) throw outcome.error
        }
        roots.set(c.name, root)
    }
    return roots
}
