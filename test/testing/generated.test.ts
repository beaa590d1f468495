/**
 * The generated tests, end to end: Attio's real app template with generated webhooks and their tests, set up by
 * `attio-app test-setup` (test/testing/template-app.ts). Here: what each step wrote and said, that the generated
 * code lints clean, and how the generated webhooks behave; the app's own vitest run (the tests pass as generated,
 * and fail when the handler breaks) and tsc against the real SDK are the integration project's
 * (test/testing/generated-template.test.ts). The bin's run writes one webhook (its --verify, --signature-header and
 * --test) and sets the app up, in this process; the other webhooks, variants of what the tests check, are planned
 * by the same code, as are the cases of when a test is written. The bin itself is spawned for its refusal of a
 * scheme it does not know. test-setup's other cases run its command in this process.
 */
import {createHmac} from "node:crypto"
import fs from "node:fs"
import path from "node:path"
import {beforeAll, describe, expect, it, onTestFinished, vi} from "vitest"

import {runAttioLintHere} from "../support/attio-lint.js"
import {PACKAGE_ROOT} from "../support/bin.js"
import {built, writeWebhook} from "../support/scaffold.js"
import {tempDir, writeApp} from "../support/temp-app.js"
import {generatedTemplateApp, spawnNode, type TemplateApp} from "./template-app.js"

const [{run: testSetup, selfSpec}, {loadApp}] = await Promise.all([
    built<typeof import("../../src/cli/test-setup.js")>("cli/test-setup.js"),
    built<typeof import("../../src/testing/index.js")>("testing/index.js"),
])
let app: TemplateApp
/** The bin's refusal of an unknown --verify scheme, started first: it runs while the app is set up. */
let refusal: {app: string; result: ReturnType<typeof spawnNode>}

/** test-setup run in this process: its exit code and what it wrote. */
async function setup(args: string[], cwd: string) {
    const out = {stdout: "", stderr: ""}
    const sink = (name: keyof typeof out) => ({write: (text: string | Uint8Array) => (out[name] += String(text))})
    const code = await testSetup(args, {stdout: sink("stdout"), stderr: sink("stderr"), cwd})
    return {code, ...out}
}

beforeAll(async () => {
    const refused = writeApp({})
    const args = ["webhook", "a", "--yes", "--verify", "hmac-sha1", "--signature-header", "X-Sig"]
    refusal = {
        app: refused,
        result: spawnNode([path.join(PACKAGE_ROOT, "dist/src/cli/attio-app.js"), ...args], refused),
    }
    app = await generatedTemplateApp()
})

describe("generated tests in Attio's app template", () => {
    it("--test writes a test in an app without vitest; test-setup then adds vitest, the test script and a config", () => {
        expect(app.testWithoutVitest).toBe(true)
        // Run from this checkout, the app links it: the registry may not have this version.
        const link = `file:${path.relative(fs.realpathSync(app.root), fs.realpathSync(PACKAGE_ROOT))}`
        expect(app.setupStdout).toBe(
            `.: added vitest and generator-attio-app (${link}, the checkout this runs from) to devDependencies, set the "test" script to "vitest run", wrote vitest.config.mts.\nNext: run \`npm install --ignore-scripts\` to install them, then \`npm test\`.\n`
        )
        const manifest = JSON.parse(fs.readFileSync(path.join(app.root, "package.json"), "utf8"))
        expect(manifest.scripts.test).toBe("vitest run")
        expect(manifest.devDependencies).toMatchObject({vitest: "^4.1.12", "generator-attio-app": link})
        expect(fs.readFileSync(path.join(app.root, "vitest.config.mts"), "utf8")).toContain(
            'include: ["src/**/*.test.ts"]'
        )
    })

    it("with vitest, the webhook generator writes a test by default", () => {
        // The other shapes of test: registered and unsigned, unregistered and signed. (One that syncs a record into
        // Attio runs in test/generators/template-checks.test.ts.)
        for (const id of ["deal-updated", "crm/plain", "broken/status", "broken/forgery"]) {
            expect(fs.existsSync(path.join(app.root, `src/app/webhooks/${id}.webhook.test.ts`)), id).toBe(true)
        }
    })

    it.concurrent("attio-lint finds no error in the generated code", async () => {
        const result = await runAttioLintHere([".", "--quiet"], {cwd: app.root})
        expect(result.stdout).toBe("")
        expect(result.code).toBe(0)
    })

    // The generated test covers a secret made by connection-added; this, one the third party answers with.
    it.concurrent("a signing secret the third party answers with is kept, and signatures with it pass", async () => {
        const loaded = await loadApp(app.root, {
            fetch: async (input, init) =>
                new Request(input, init).method === "POST"
                    ? Response.json({id: "wh_1", secret: "theirs"})
                    : Response.json({}),
        })
        await loaded.connect("third-party-token")
        expect(await loaded.kv.get("signed:signing-secret")).toEqual({value: "theirs"})
        const target = loaded.webhookHandlers().find((h) => h.fileName === "signed")!.id
        const body = JSON.stringify({event: "signed", data: {id: "1"}})
        const sign = (secret: string) => `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`
        expect((await loaded.deliver(target, {body, headers: {"X-Signature": sign("theirs")}})).status).toBe(200)
        expect((await loaded.deliver(target, {body, headers: {"X-Signature": sign("ours")}})).status).toBe(401)
    })

    // Each refusal's message is test/testing/signature-options.test.ts's; here, that the bin refuses before writing.
    it.concurrent("the bin refuses --verify with an unknown scheme before writing anything", async () => {
        const result = await refusal.result
        expect(result.stderr).toContain('--verify "hmac-sha1" is not a known scheme; use --verify hmac-sha256.')
        expect(result.code).toBe(1)
        expect(fs.existsSync(path.join(refusal.app, "src"))).toBe(false)
    })
})

describe("when a test is written", () => {
    const written = (plan: {changes: {path: string}[]}) => plan.changes.map((c) => c.path).filter((p) => /test/.test(p))

    it("only with vitest or --test; never with --no-test; an existing test is the user's", async () => {
        const plain = writeApp({})
        const withVitest = writeApp({"package.json": JSON.stringify({name: "a", devDependencies: {vitest: "^4.0.0"}})})
        expect(written(await writeWebhook(plain, {id: "a"}))).toEqual([])
        expect(written(await writeWebhook(plain, {id: "b", test: true}))).toEqual([
            "src/app/webhooks/b.webhook.test.ts",
        ])
        // With vitest and no option, a test is written: the template's webhooks above.
        expect(written(await writeWebhook(withVitest, {id: "a", test: false}))).toEqual([])
        fs.writeFileSync(path.join(withVitest, "src/app/webhooks/c.webhook.test.ts"), "// mine\n")
        const plan = await writeWebhook(withVitest, {id: "c"})
        expect(written(plan)).toEqual([])
        expect(plan.notes).toContain("src/app/webhooks/c.webhook.test.ts exists; left as it is.")
        expect(fs.readFileSync(path.join(withVitest, "src/app/webhooks/c.webhook.test.ts"), "utf8")).toBe("// mine\n")
    })
})

describe("attio-app test-setup", () => {
    it("keeps what is there, names the app's package manager, and runs it with --install", async () => {
        const app = writeApp({
            "package.json": `{\n\t"name": "a",\n\t"scripts": {"test": "node --test"},\n\t"dependencies": {"vitest": "^3.0.0"}\n}\n`,
            "pnpm-lock.yaml": "",
            "bin/pnpm": `#!/bin/sh\necho "$@" > "${"$"}PWD/installed"\n`,
        })
        fs.chmodSync(path.join(app, "bin/pnpm"), 0o755)
        vi.stubEnv("PATH", `${path.join(app, "bin")}${path.delimiter}${process.env.PATH}`)
        onTestFinished(() => void vi.unstubAllEnvs())
        const result = await setup(["--install"], app)
        expect(result.stdout).toMatch(
            /^\.: added generator-attio-app \(file:.*, the checkout this runs from\) to devDependencies, wrote vitest\.config\.mts\.\nRunning pnpm install --ignore-scripts\n$/
        )
        expect(result.code).toBe(0)
        // A link to the checkout: its build (npm's prepare of a linked folder) is not run.
        expect(fs.readFileSync(path.join(app, "installed"), "utf8")).toBe("install --ignore-scripts\n")
        const manifest = fs.readFileSync(path.join(app, "package.json"), "utf8")
        expect(manifest).toMatch(/^\{\n\t"name": "a",\n\t"scripts": \{\n\t\t"test": "node --test"\n\t\}/)
        expect(JSON.parse(manifest).dependencies).toEqual({vitest: "^3.0.0"})
    })

    it("replaces npm init's failing test script, and writes nothing twice", async () => {
        const app = writeApp({
            "package.json": `{\n  "name": "a",\n  "scripts": {"test": "echo \\"Error: no test specified\\" && exit 1"},\n  "devDependencies": {"vitest": "^4.0.0", "generator-attio-app": "*"}\n}\n`,
        })
        const first = await setup([], app)
        expect(first.stdout).toBe('.: set the "test" script to "vitest run", wrote vitest.config.mts.\n')
        expect(JSON.parse(fs.readFileSync(path.join(app, "package.json"), "utf8")).scripts).toEqual({
            test: "vitest run",
        })
        expect((await setup([], app)).stdout).toBe("The app is set up for tests already: nothing changed.\n")
    })

    it("exits 2 on a package.json that is not a JSON object, and on an unknown option", async () => {
        const app = writeApp({"package.json": "[]"})
        const result = await setup([], app)
        expect(result.stderr).toBe(`attio-app test-setup: ${path.join(app, "package.json")} is not a JSON object.\n`)
        expect(result.code).toBe(2)
        const unknown = await setup(["--instal"], app)
        expect(unknown.stderr).toMatch(
            /^attio-app test-setup: Unknown option '--instal'.* \(see attio-app test-setup --help\)\n$/
        )
        expect(unknown.code).toBe(2)
    })

    it("leaves a read-only package.json as it is, also as root", async () => {
        const text = '{"name": "a"}\n'
        const app = writeApp({"package.json": text})
        fs.chmodSync(path.join(app, "package.json"), 0o444)
        const result = await setup([], app)
        expect(result.code).toBe(2)
        expect(result.stderr).toMatch(/package\.json is read-only; it is left as it is\.\n$/)
        expect(fs.readFileSync(path.join(app, "package.json"), "utf8")).toBe(text)
        expect(fs.existsSync(path.join(app, "vitest.config.mts"))).toBe(false)
    })

    it("depends on the registry's version when installed, and on the checkout it runs from otherwise", () => {
        const dir = tempDir("attio-self-spec-")
        const installed = path.join(dir, "node_modules/generator-attio-app")
        const checkout = path.join(dir, "src/generator-attio-app")
        const app = path.join(dir, "apps/a")
        for (const folder of [installed, checkout, app]) fs.mkdirSync(folder, {recursive: true})
        expect(selfSpec(app, installed, "1.2.3")).toBe("^1.2.3")
        expect(selfSpec(app, checkout, "1.2.3")).toBe("file:../../src/generator-attio-app")
        // npm link: the global link resolves to the checkout.
        fs.symlinkSync(checkout, path.join(dir, "linked"))
        expect(selfSpec(app, path.join(dir, "linked"), "1.2.3")).toBe("file:../../src/generator-attio-app")
    })
})
