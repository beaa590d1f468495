/**
 * Attio's real app template with generated webhooks and their tests, as a user gets there: attio@1.0.4's
 * package.json, tsconfig.json and .prettierrc, `attio-app webhook … --test` in the app before it has vitest, then
 * `attio-app test-setup`, then webhooks written with vitest present; all by the code the bin runs, in this process.
 * Two of them are changed so that their tests must fail: a wrong status, a check that lets forgeries through.
 * test/testing/generated.test.ts checks what each step wrote and said; test/testing/generated-template.test.ts runs
 * the app's own vitest and tsc on the result.
 */
import {execFile} from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import {promisify} from "node:util"
import {expect} from "vitest"

import {attioNodeModules} from "../support/attio-sdk.js"
import {runAttioAppHere} from "../support/attio-app.js"
import {PACKAGE_ROOT} from "../support/bin.js"
import {writeWebhook} from "../support/scaffold.js"
import {writeApp} from "../support/temp-app.js"

/** The generated app, and what the bin did and said on the way. */
export interface TemplateApp {
    root: string
    /** Whether `webhook signed --test` wrote its test before the app had vitest. */
    testWithoutVitest: boolean
    setupStdout: string
}

/** Webhooks written once the app has vitest, with no option about tests. */
const WITH_VITEST = [
    {id: "deal-updated", event: "deal.updated"},
    {id: "crm/plain", register: false, signatureHeader: "X-Hub-Signature-256"},
    // Twins of deal-updated and signed, changed below.
    {id: "broken/status", event: "deal.updated"},
    {id: "broken/forgery", signatureHeader: "X-Signature"},
]

export async function generatedTemplateApp(): Promise<TemplateApp> {
    const sdk = await attioNodeModules("1.0.4")
    const template = path.join(sdk, "attio/dist/template")
    const root = writeApp({})
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

    await attioApp(root, [
        "webhook",
        "signed",
        "--yes",
        "--verify",
        "hmac-sha256",
        "--signature-header",
        "X-Signature",
        "--test",
    ])
    const testWithoutVitest = fs.existsSync(path.join(root, "src/app/webhooks/signed.webhook.test.ts"))
    const setupStdout = await attioApp(root, ["test-setup"])
    for (const spec of WITH_VITEST) await writeWebhook(root, spec)
    edit(
        root,
        "src/app/webhooks/broken/status.webhook.ts",
        '"The body is not JSON", {status: 400}',
        '"The body is not JSON", {status: 422}'
    )
    const verify = 'return crypto.subtle.verify("HMAC", key, bytes, rawBody)'
    edit(root, "src/app/webhooks/broken/forgery.webhook.ts", verify, `${verify}.then(() => true)`)
    return {root, testWithoutVitest, setupStdout}
}

async function attioApp(root: string, args: string[]): Promise<string> {
    const result = await runAttioAppHere(args, {cwd: root})
    expect(result.code, result.stderr).toBe(0)
    return result.stdout
}

function edit(root: string, rel: string, from: string, to: string) {
    const file = path.join(root, rel)
    const text = fs.readFileSync(file, "utf8")
    expect(text).toContain(from)
    fs.writeFileSync(file, text.replace(from, to))
}

/** A process run to its end without throwing: its exit code and output. */
export async function spawnNode(args: string[], cwd: string, env = process.env) {
    return promisify(execFile)(process.execPath, args, {cwd, env: {...env, NO_COLOR: "1", CI: "true"}}).then(
        ({stdout, stderr}) => ({code: 0, stdout, stderr}),
        (error: {code: number; stdout: string; stderr: string}) => ({
            code: error.code,
            stdout: error.stdout,
            stderr: error.stderr,
        })
    )
}
