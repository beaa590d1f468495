/**
 * The generated tests, end to end: Attio's real app template (attio@1.0.4's package.json, tsconfig.json and
 * .prettierrc), `attio-app test-setup`, generated webhooks with their tests, and vitest run in the app, which
 * links this package. The tests pass as generated, type-check against the real SDK, lint clean, and fail when
 * the handler breaks.
 */
import {execFile} from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import {promisify} from "node:util"
import {afterAll, beforeAll, describe, expect, it} from "vitest"

import {attioNodeModules} from "../support/attio-sdk.js"
import {PACKAGE_ROOT, runBin} from "../support/bin.js"
import {writeApp} from "../support/temp-app.js"

const run = promisify(execFile)
let root = ""

/** The app's own vitest, run as `npm test` would, without the env of the vitest running this file. */
async function vitest(): Promise<{code: number; output: string}> {
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^VITE/.test(name)))
    const bin = path.join(root, "node_modules/vitest/vitest.mjs")
    return run(process.execPath, [bin, "run"], {cwd: root, env: {...env, NO_COLOR: "1", CI: "true"}}).then(
        ({stdout, stderr}) => ({code: 0, output: stdout + stderr}),
        (error: {code: number; stdout: string; stderr: string}) => ({
            code: error.code,
            output: error.stdout + error.stderr,
        })
    )
}

function attioApp(args: string[]) {
    const result = runBin("attio-app", args, {cwd: root})
    expect(result.code, result.stderr).toBe(0)
    return result.stdout
}

beforeAll(async () => {
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

afterAll(() => {
    if (root) fs.rmSync(root, {recursive: true, force: true})
})

describe("generated tests in Attio's app template", () => {
    it("test-setup adds vitest, the test script and a config, and says how to install", () => {
        expect(attioApp(["test-setup"])).toBe(
            '.: added vitest and generator-attio-app to devDependencies, set the "test" script to "vitest run", wrote vitest.config.mts.\nNext: run `npm install` to install them, then `npm test`.\n'
        )
        const manifest = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"))
        expect(manifest.scripts.test).toBe("vitest run")
        expect(manifest.devDependencies).toMatchObject({
            vitest: "^4.1.12",
            "generator-attio-app": expect.stringMatching(/^\^\d/),
        })
        expect(fs.readFileSync(path.join(root, "vitest.config.mts"), "utf8")).toContain('include: ["src/**/*.test.ts"]')
        expect(attioApp(["test-setup"])).toBe("The app is set up for tests already: nothing changed.\n")
    })

    it("the webhook generator writes a test when the app uses vitest, and the tests pass as generated", async () => {
        attioApp(["webhook", "deal-updated", "--yes", "--event", "deal.updated"])
        attioApp(["webhook", "signed", "--yes", "--verify", "hmac-sha256", "--signature-header", "X-Signature"])
        attioApp([
            "webhook",
            "crm/plain",
            "--yes",
            "--no-register",
            "--verify",
            "hmac-sha256",
            "--signature-header",
            "X-Hub-Signature-256",
        ])
        for (const id of ["deal-updated", "signed", "crm/plain"]) {
            expect(fs.existsSync(path.join(root, `src/app/webhooks/${id}.webhook.test.ts`)), id).toBe(true)
        }
        const result = await vitest()
        expect(result.output).toContain("Tests  3 passed (3)")
        expect(result.code).toBe(0)
    })

    it("the generated code type-checks against attio@1.0.4 with the template's compiler options", async () => {
        const tsconfig = JSON.parse(fs.readFileSync(path.join(root, "tsconfig.json"), "utf8"))
        // Checking only: the options that make tsc emit are left out.
        for (const option of ["composite", "declaration", "declarationMap", "outDir", "rootDir", "sourceMap"]) {
            delete tsconfig.compilerOptions[option]
        }
        tsconfig.compilerOptions.noEmit = true
        fs.writeFileSync(path.join(root, "tsconfig.check.json"), JSON.stringify(tsconfig))
        const tsc = path.join(PACKAGE_ROOT, "node_modules/typescript/bin/tsc")
        const result = await run(process.execPath, [tsc, "-p", "tsconfig.check.json"], {cwd: root}).catch(
            (error: {stdout: string}) => ({stdout: error.stdout})
        )
        fs.rmSync(path.join(root, "tsconfig.check.json"))
        expect(result.stdout).toBe("")
    })

    it("attio-lint finds no error in the generated code", () => {
        const result = runBin("attio-lint", [".", "--quiet"], {cwd: root})
        expect(result.stdout).toBe("")
        expect(result.code).toBe(0)
    })

    it("a changed handler fails its test: a wrong status, a signature check that lets forgeries through", async () => {
        const handler = path.join(root, "src/app/webhooks/deal-updated.webhook.ts")
        const signed = path.join(root, "src/app/webhooks/signed.webhook.ts")
        const original = [fs.readFileSync(handler, "utf8"), fs.readFileSync(signed, "utf8")]
        fs.writeFileSync(
            handler,
            original[0].replace('"The body is not JSON", {status: 400}', '"The body is not JSON", {status: 422}')
        )
        fs.writeFileSync(
            signed,
            original[1].replace("return crypto.subtle.verify(", "return true || crypto.subtle.verify(")
        )
        try {
            const result = await vitest()
            expect(result.code).toBe(1)
            expect(result.output).toContain("Tests  2 failed | 1 passed (3)")
            expect(result.output).toMatch(/deal-updated\.webhook\.test\.ts[^]*expected 422 to be 400/)
            expect(result.output).toMatch(/signed\.webhook\.test\.ts[^]*expected 200 to be 401/)
        } finally {
            fs.writeFileSync(handler, original[0])
            fs.writeFileSync(signed, original[1])
        }
    })
})

describe("when a test is written", () => {
    it("only with vitest or --test; never with --no-test; an existing test is the user's", () => {
        const plain = writeApp({})
        const withVitest = writeApp({"package.json": JSON.stringify({name: "a", devDependencies: {vitest: "^4.0.0"}})})
        try {
            runBin("attio-app", ["webhook", "a", "--yes"], {cwd: plain})
            expect(fs.existsSync(path.join(plain, "src/app/webhooks/a.webhook.test.ts"))).toBe(false)
            runBin("attio-app", ["webhook", "b", "--yes", "--test"], {cwd: plain})
            expect(fs.existsSync(path.join(plain, "src/app/webhooks/b.webhook.test.ts"))).toBe(true)
            runBin("attio-app", ["webhook", "a", "--yes", "--no-test"], {cwd: withVitest})
            expect(fs.existsSync(path.join(withVitest, "src/app/webhooks/a.webhook.test.ts"))).toBe(false)
            fs.writeFileSync(path.join(withVitest, "src/app/webhooks/c.webhook.test.ts"), "// mine\n")
            const result = runBin("attio-app", ["webhook", "c", "--yes"], {cwd: withVitest})
            expect(result.stdout + result.stderr).toContain("src/app/webhooks/c.webhook.test.ts exists; left as it is.")
            expect(fs.readFileSync(path.join(withVitest, "src/app/webhooks/c.webhook.test.ts"), "utf8")).toBe(
                "// mine\n"
            )
        } finally {
            fs.rmSync(plain, {recursive: true, force: true})
            fs.rmSync(withVitest, {recursive: true, force: true})
        }
    })

    // Each refusal's message is test/testing/signature-options.test.ts's; here, that the bin refuses before writing.
    it("refuses --verify with an unknown scheme before writing anything", () => {
        const app = writeApp({})
        try {
            const args = ["--verify", "hmac-sha1", "--signature-header", "X-Sig"]
            const result = runBin("attio-app", ["webhook", "a", "--yes", ...args], {cwd: app})
            expect(result.stderr).toContain('--verify "hmac-sha1" is not a known scheme; use --verify hmac-sha256.')
            expect(result.code).toBe(1)
            expect(fs.existsSync(path.join(app, "src"))).toBe(false)
        } finally {
            fs.rmSync(app, {recursive: true, force: true})
        }
    })
})

describe("attio-app test-setup", () => {
    it("keeps what is there, names the app's package manager, and runs it with --install", () => {
        const app = writeApp({
            "package.json": `{\n\t"name": "a",\n\t"scripts": {"test": "node --test"},\n\t"dependencies": {"vitest": "^3.0.0"}\n}\n`,
            "pnpm-lock.yaml": "",
            "bin/pnpm": `#!/bin/sh\necho "$@" > "${"$"}PWD/installed"\n`,
        })
        try {
            fs.chmodSync(path.join(app, "bin/pnpm"), 0o755)
            const env = {PATH: `${path.join(app, "bin")}${path.delimiter}${process.env.PATH}`}
            const result = runBin("attio-app", ["test-setup", "--install"], {cwd: app, env})
            expect(result.stdout).toBe(
                ".: added generator-attio-app to devDependencies, wrote vitest.config.mts.\nRunning pnpm install\n"
            )
            expect(result.code).toBe(0)
            expect(fs.readFileSync(path.join(app, "installed"), "utf8")).toBe("install\n")
            const manifest = fs.readFileSync(path.join(app, "package.json"), "utf8")
            expect(manifest).toMatch(/^\{\n\t"name": "a",\n\t"scripts": \{\n\t\t"test": "node --test"\n\t\}/)
            expect(JSON.parse(manifest).dependencies).toEqual({vitest: "^3.0.0"})
        } finally {
            fs.rmSync(app, {recursive: true, force: true})
        }
    })

    it("replaces npm init's failing test script, and writes nothing twice", () => {
        const app = writeApp({
            "package.json": `{\n  "name": "a",\n  "scripts": {"test": "echo \\"Error: no test specified\\" && exit 1"},\n  "devDependencies": {"vitest": "^4.0.0", "generator-attio-app": "*"}\n}\n`,
        })
        try {
            const first = runBin("attio-app", ["test-setup"], {cwd: app})
            expect(first.stdout).toBe('.: set the "test" script to "vitest run", wrote vitest.config.mts.\n')
            expect(JSON.parse(fs.readFileSync(path.join(app, "package.json"), "utf8")).scripts).toEqual({
                test: "vitest run",
            })
            expect(runBin("attio-app", ["test-setup"], {cwd: app}).stdout).toBe(
                "The app is set up for tests already: nothing changed.\n"
            )
        } finally {
            fs.rmSync(app, {recursive: true, force: true})
        }
    })

    it("exits 2 on a package.json that is not a JSON object, and on an unknown option", () => {
        const app = writeApp({"package.json": "[]"})
        try {
            const result = runBin("attio-app", ["test-setup"], {cwd: app})
            expect(result.stderr).toBe(
                `attio-app test-setup: ${path.join(app, "package.json")} is not a JSON object.\n`
            )
            expect(result.code).toBe(2)
            const unknown = runBin("attio-app", ["test-setup", "--instal"], {cwd: app})
            expect(unknown.stderr).toMatch(
                /^attio-app test-setup: Unknown option '--instal'.* \(see attio-app test-setup --help\)\n$/
            )
            expect(unknown.code).toBe(2)
        } finally {
            fs.rmSync(app, {recursive: true, force: true})
        }
    })
})
