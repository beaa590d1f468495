#!/usr/bin/env node
/**
 * Cuts the TypeScript syntax subset (src/build/typescript-syntax.ts) from the newest @ts-morph/common on the
 * registry and runs the subset's own tests (test/typescript-syntax.test.ts and test/typescript-syntax-corpus.test.ts)
 * against it, so that a release that breaks the cut is seen before the upgrade. Run by .ci/run after the tests, on a
 * built checkout; it only warns: the pinned ts-morph is what ships.
 */
import {spawnSync} from "node:child_process"
import fs from "node:fs"
import {createRequire} from "node:module"
import os from "node:os"
import path from "node:path"
import {fileURLToPath} from "node:url"

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "attio-lint-newest-ts-morph-"))

/** Runs a command with its output shown; throws with `what` when it fails. */
function run(what, command, args, env = {}) {
    const result = spawnSync(command, args, {
        cwd: repository,
        stdio: ["ignore", "inherit", "inherit"],
        env: {...process.env, ...env},
    })
    if (result.status !== 0) throw new Error(`${what} failed (exit ${result.status ?? result.signal})`)
}

try {
    run("npm install @ts-morph/common@latest", "npm", [
        "install",
        "--prefix",
        dir,
        "--no-save",
        "--no-audit",
        "--no-fund",
        "--ignore-scripts",
        "@ts-morph/common@latest",
    ])
    const require = createRequire(path.join(dir, "package.json"))
    const version = require("@ts-morph/common/package.json").version
    const fullBundle = require.resolve("@ts-morph/common/dist/typescript.js")
    const subset = path.join(dir, "typescript-syntax.cjs")
    run(`cutting the subset from @ts-morph/common ${version}`, process.execPath, [
        "dist/src/build/typescript-syntax.js",
        "--from",
        fullBundle,
        "--out",
        subset,
    ])
    run(
        `the subset's tests on @ts-morph/common ${version}`,
        "npx",
        [
            "vitest",
            "run",
            "test/typescript-syntax.test.ts",
            "test/typescript-syntax-corpus.test.ts",
            "-t",
            "the TypeScript syntax subset",
        ],
        {ATTIO_LINT_SUBSET: subset, ATTIO_LINT_FULL_BUNDLE: fullBundle}
    )
    console.log(`newest-ts-morph: the subset cut from @ts-morph/common ${version} passes its tests`)
} catch (error) {
    console.log(
        `newest-ts-morph: WARNING: ${error.message}: upgrading ts-morph will need src/build/typescript-syntax.ts ` +
            "(or SYNTAX_API) to change; the pinned version still builds and ships"
    )
} finally {
    fs.rmSync(dir, {recursive: true, force: true})
}
