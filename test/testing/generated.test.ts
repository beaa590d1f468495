/**
 * The generated tests, end to end: Attio's real app template (attio@1.0.4's package.json, tsconfig.json and
 * .prettierrc), `attio-app test-setup`, generated webhooks with their tests, and one vitest run in the app, which
 * links this package. The tests pass as generated, type-check against the real SDK, lint clean, and fail when
 * the handler breaks. The bin writes one webhook (its --verify, --signature-header and --test) and sets the app up;
 * the other webhooks, variants of what the tests check, are planned in this process by the same code, as are
 * the cases of when a test is written. test-setup's other cases run its command in this process.
 */
import {execFile} from "node:child_process"
import {createHmac} from "node:crypto"
import fs from "node:fs"
import path from "node:path"
import {promisify} from "node:util"
import {beforeAll, describe, expect, it, onTestFinished, vi} from "vitest"

import {attioNodeModules} from "../support/attio-sdk.js"
import {PACKAGE_ROOT, runBin} from "../support/bin.js"
import {built, writeWebhook} from "../support/scaffold.js"
import {tempDir, writeApp} from "../support/temp-app.js"

const execFileAsync = promisify(execFile)

const [{run: testSetup, selfSpec}, {loadApp}] = await Promise.all([
    built<typeof import("../../src/cli/test-setup.js")>("cli/test-setup.js"),
    built<typeof import("../../src/testing/index.js")>("testing/index.js"),
])
let root = ""
/** The bin's refusal of an unknown --verify scheme, started first: it runs while the app is set up. */
let refusal: {app: string; result: ReturnType<typeof spawnNode>}

/** A process run to its end without throwing: its exit code and output. */
async function spawnNode(args: string[], cwd: string, env = process.env) {
    return execFileAsync(process.execPath, args, {cwd, env: {...env, NO_COLOR: "1", CI: "true"}}).then(
        ({stdout, stderr}) => ({code: 0, stdout, stderr}),
        (error: {code: number; stdout: string; stderr: string}) => ({
            code: error.code,
            stdout: error.stdout,
            stderr: error.stderr,
        })
    )
}

function attioApp(args: string[]) {
    const result = runBin("attio-app", args, {cwd: root})
    expect(result.code, result.stderr).toBe(0)
    return result.stdout
}

function edit(rel: string, from: string, to: string) {
    const file = path.join(root, rel)
    const text = fs.readFileSync(file, "utf8")
    expect(text).toContain(from)
    fs.writeFileSync(file, text.replace(from, to))
}

/** test-setup run in this process: its exit code and what it wrote. */
async function setup(args: string[], cwd: string) {
    const out = {stdout: "", stderr: ""}
    const sink = (name: keyof typeof out) => ({write: (text: string | Uint8Array) => (out[name] += String(text))})
    const code = await testSetup(args, {stdout: sink("stdout"), stderr: sink("stderr"), cwd})
    return {code, ...out}
}

beforeAll(async () => {
    const app = writeApp({})
    const args = ["webhook", "a", "--yes", "--verify", "hmac-sha1", "--signature-header", "X-Sig"]
    refusal = {app, result: spawnNode([path.join(PACKAGE_ROOT, "dist/src/cli/attio-app.js"), ...args], app)}
    const sdk = await attioNodeModules("1.0.4")
    const template = path.join(sdk, "attio/dist/template")
    root = writeApp({})
    for (const name of ["package.json", "tsconfig.json", ".prettierrc"]) {
        fs.copyFileSync(path.join(template, name), path.join(root, name))
    }
    fs.mkdirSync(path.join(root, "src/app"), {recursive: true})
    // node_modules: the SDK and its dependencies, this package (linked, as `npm link` does) and vitest.
    const modules = path.join(root, "node_modules")
    fs.mkdirSync(modules)
    for (const entry of fs.readdirSync(sdk)) fs.symlinkSync(path.join(sdk, entry), path.join(modules, entry))
    fs.symlinkSync(path.join(PACKAGE_ROOT, "node_modules/vitest"), path.join(modules, "vitest"))
    fs.symlinkSync(PACKAGE_ROOT, path.join(modules, "generator-attio-app"))
})

describe("generated tests in Attio's app template", () => {
    it("--test writes a test in an app without vitest; test-setup then adds vitest, the test script and a config", () => {
        attioApp([
            "webhook",
            "signed",
            "--yes",
            "--verify",
            "hmac-sha256",
            "--signature-header",
            "X-Signature",
            "--test",
        ])
        expect(fs.existsSync(path.join(root, "src/app/webhooks/signed.webhook.test.ts"))).toBe(true)

        // Run from this checkout, the app links it: the registry may not have this version.
        const link = `file:${path.relative(fs.realpathSync(root), fs.realpathSync(PACKAGE_ROOT))}`
        expect(attioApp(["test-setup"])).toBe(
            `.: added vitest and generator-attio-app (${link}, the checkout this runs from) to devDependencies, set the "test" script to "vitest run", wrote vitest.config.mts.\nNext: run \`npm install --ignore-scripts\` to install them, then \`npm test\`.\n`
        )
        const manifest = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"))
        expect(manifest.scripts.test).toBe("vitest run")
        expect(manifest.devDependencies).toMatchObject({vitest: "^4.1.12", "generator-attio-app": link})
        expect(fs.readFileSync(path.join(root, "vitest.config.mts"), "utf8")).toContain('include: ["src/**/*.test.ts"]')
    })

    it("with vitest, the webhook generator writes a test by default", async () => {
        // The other shapes of test: registered and unsigned, unregistered and signed. (One that syncs a record into
        // Attio runs in test/generators/template-checks.test.ts.)
        await writeWebhook(root, {id: "deal-updated", event: "deal.updated"})
        await writeWebhook(root, {id: "crm/plain", register: false, signatureHeader: "X-Hub-Signature-256"})
        // Twins of deal-updated and signed, changed below: a wrong status, a check that lets forgeries through.
        await writeWebhook(root, {id: "broken/status", event: "deal.updated"})
        await writeWebhook(root, {id: "broken/forgery", signatureHeader: "X-Signature"})
        for (const id of ["deal-updated", "crm/plain", "broken/status", "broken/forgery"]) {
            expect(fs.existsSync(path.join(root, `src/app/webhooks/${id}.webhook.test.ts`)), id).toBe(true)
        }
        edit(
            "src/app/webhooks/broken/status.webhook.ts",
            '"The body is not JSON", {status: 400}',
            '"The body is not JSON", {status: 422}'
        )
        const verify = 'return crypto.subtle.verify("HMAC", key, bytes, rawBody)'
        edit("src/app/webhooks/broken/forgery.webhook.ts", verify, `${verify}.then(() => true)`)
    })

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

    it.concurrent("attio-lint finds no error in the generated code", async () => {
        const result = await spawnNode([path.join(PACKAGE_ROOT, "dist/src/cli/attio-lint.js"), ".", "--quiet"], root)
        expect(result.stdout).toBe("")
        expect(result.code).toBe(0)
    })

    // The generated test covers a secret made by connection-added; this, one the third party answers with.
    it.concurrent("a signing secret the third party answers with is kept, and signatures with it pass", async () => {
        const app = await loadApp(root, {
            fetch: async (input, init) =>
                new Request(input, init).method === "POST"
                    ? Response.json({id: "wh_1", secret: "theirs"})
                    : Response.json({}),
        })
        await app.connect("third-party-token")
        expect(await app.kv.get("signed:signing-secret")).toEqual({value: "theirs"})
        const target = app.webhookHandlers().find((h) => h.fileName === "signed")!.id
        const body = JSON.stringify({event: "signed", data: {id: "1"}})
        const sign = (secret: string) => `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`
        expect((await app.deliver(target, {body, headers: {"X-Signature": sign("theirs")}})).status).toBe(200)
        expect((await app.deliver(target, {body, headers: {"X-Signature": sign("ours")}})).status).toBe(401)
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
