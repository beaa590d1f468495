/**
 * Generated code against the official template's own checks: on a copy of attio@1.0.4's app template (what
 * `npm create attio` writes, with its eslint.config.js, .prettierrc and tsconfig.json), every file the generators
 * write passes the template's `npm run lint` (ESLint with its real config and plugins, installed as the template's
 * package.json lists them), `prettier --check`, and one `attio build` (tsc and the bundle) of the whole set. One
 * webhook is written by the `attio-app` bin; the other files are planned in this process by the code the bin runs.
 */
import {spawn} from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import {afterAll, beforeAll, describe, expect, it} from "vitest"
import {attioNodeModules, templateNodeModules} from "../support/attio-sdk.js"
import {PACKAGE_ROOT, runBin} from "../support/bin.js"
import {writeEvent, writeWebhook} from "../support/scaffold.js"
import {readTree} from "./support.js"

/** The apps made from the template: the event generator's skeletons, then registered webhooks added to them. */
const APPS = ["registered", "skeletons"] as const

type AppName = (typeof APPS)[number]

const temp = fs.mkdtempSync(path.join(os.tmpdir(), "attio-template-checks-"))
const roots = {} as Record<AppName, string>
/** The app-relative files the generators wrote or changed, by app. */
const generated = {} as Record<AppName, string[]>

/**
 * A copy of the template with its node_modules: the cached SDK and the template's other packages, plus vitest and
 * this package for the generated tests' imports (`npm run test-setup` would add them).
 */
function templateApp(name: string, sdk: string, template: string): string {
    const root = path.join(temp, name)
    fs.cpSync(path.join(sdk, "attio/dist/template"), root, {recursive: true})
    const nodeModules = path.join(root, "node_modules")
    fs.mkdirSync(nodeModules)
    const links = new Map<string, string>()
    for (const dir of [sdk, template]) {
        for (const entry of fs.readdirSync(dir)) links.set(entry, path.join(dir, entry))
    }
    links.set("attio", path.join(sdk, "attio"))
    links.set("vitest", path.join(PACKAGE_ROOT, "node_modules/vitest"))
    links.set("generator-attio-app", PACKAGE_ROOT)
    for (const [entry, target] of links) fs.symlinkSync(target, path.join(nodeModules, entry), "dir")
    return root
}

function run(args: string[], cwd: string, env = process.env): Promise<{code: number | null; output: string}> {
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, args, {
            cwd,
            stdio: ["ignore", "pipe", "pipe"],
            env: {...env, NO_COLOR: "1", FORCE_COLOR: "0", CI: "true"},
        })
        let output = ""
        child.stdout.on("data", (chunk: Buffer) => (output += chunk))
        child.stderr.on("data", (chunk: Buffer) => (output += chunk))
        child.on("error", reject)
        child.on("close", (code) => resolve({code, output: output.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, "")}))
    })
}

beforeAll(async () => {
    const sdk = await attioNodeModules("1.0.4")
    const template = await templateNodeModules("1.0.4")
    roots.registered = templateApp("registered", sdk, template)
    const before = readTree(roots.registered)
    for (const name of ["connection-added", "connection-removed"] as const) await writeEvent(roots.registered, name)
    // The skeletons app is the registered one before its webhooks: copied rather than generated again.
    roots.skeletons = path.join(temp, "skeletons")
    fs.cpSync(roots.registered, roots.skeletons, {recursive: true})
    // Two endpoints, one signed, with tests, and a handler only. The signed one through the bin, its options as a
    // user gives them; the others planned in this process by the code the bin runs (test/support/scaffold.ts).
    await writeWebhook(roots.registered, {
        id: "deal-updated",
        event: "deal.updated",
        registerUrl: "https://api.one.example/v1/webhooks",
        test: true,
    })
    const signed = runBin(
        "attio-app",
        [
            "webhook",
            "crm/lead-created",
            "--register-url",
            "https://api.two.example/hooks/",
            "--verify",
            "hmac-sha256",
            "--signature-header",
            "X-Signature",
            "--test",
        ],
        {cwd: roots.registered}
    )
    if (signed.code !== 0) throw new Error(`attio-app webhook crm/lead-created: ${signed.stderr}`)
    await writeWebhook(roots.registered, {id: "company-synced", register: false, test: true})
    for (const name of APPS) {
        const after = readTree(roots[name])
        generated[name] = Object.keys(after).filter((rel) => after[rel] !== before[rel])
    }
})

afterAll(() => fs.rmSync(temp, {recursive: true, force: true}))

describe("generated code on a copy of attio@1.0.4's app template", () => {
    it("writes the files under test", () => {
        expect(generated.registered.sort()).toEqual([
            "src/app/events/connection-added.event.ts",
            "src/app/events/connection-removed.event.ts",
            "src/app/webhooks/company-synced.webhook.test.ts",
            "src/app/webhooks/company-synced.webhook.ts",
            "src/app/webhooks/crm/lead-created.webhook.test.ts",
            "src/app/webhooks/crm/lead-created.webhook.ts",
            "src/app/webhooks/deal-updated.webhook.test.ts",
            "src/app/webhooks/deal-updated.webhook.ts",
        ])
        expect(generated.skeletons.sort()).toEqual([
            "src/app/events/connection-added.event.ts",
            "src/app/events/connection-removed.event.ts",
        ])
    })

    // A process per app: typescript-eslint refuses to lint two projects in one process.
    it.concurrent.each(APPS)("%s: the template's ESLint config finds no problem", async (name) => {
        const root = roots[name]
        const eslint = path.join(root, "node_modules/eslint/bin/eslint.js")
        const {code, output} = await run([eslint, "--max-warnings", "0", ...generated[name]], root)
        expect(output).toBe("")
        expect(code).toBe(0)
    })

    it.concurrent("prettier --check with the template's config passes", async () => {
        const files = APPS.flatMap((name) => generated[name].map((rel) => path.join(roots[name], rel)))
        const prettier = path.join(roots.registered, "node_modules/prettier/bin/prettier.cjs")
        const {code, output} = await run([prettier, "--check", ...files], temp)
        expect(output).toContain("All matched files use Prettier code style!")
        expect(code).toBe(0)
    })

    it.concurrent("the generated tests pass: each webhook is deleted at the API it was registered at", async () => {
        const root = roots.registered
        const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^VITE/.test(name)))
        const {code, output} = await run([path.join(root, "node_modules/vitest/vitest.mjs"), "run"], root, env)
        expect(output).toContain("Tests  3 passed (3)")
        expect(code).toBe(0)
    })

    it.concurrent("registered: attio build type-checks and bundles the app", async () => {
        const root = roots.registered
        const {code, output} = await run([path.join(root, "node_modules/attio/dist/cli/index.js"), "build"], root)
        expect(output).toContain("TypeScript validation passed")
        expect(output).not.toContain("✖")
        expect(code).toBe(0)
        const bundle = fs.readFileSync(path.join(root, "dist/server.js"), "utf8")
        for (const id of ["deal-updated", "crm/lead-created", "company-synced"]) expect(bundle).toContain(id)
    })
})
