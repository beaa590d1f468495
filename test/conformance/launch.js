#!/usr/bin/env node
/**
 * `npm run conformance`: bundles run.ts (TypeScript, like the tests) with esbuild into a temp file and runs it. The
 * linter itself is the built dist/ (`npm run build` first), as users run it.
 */
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import {fileURLToPath, pathToFileURL} from "node:url"

import * as esbuild from "esbuild"

const here = path.dirname(fileURLToPath(import.meta.url))
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "attio-conformance-run-"))
let code = 1
try {
    const outfile = path.join(scratch, "run.mjs")
    await esbuild.build({
        entryPoints: [path.join(here, "run.ts")],
        bundle: true,
        platform: "node",
        format: "esm",
        target: "node20",
        packages: "external",
        outfile,
        logLevel: "error",
    })
    const {main} = await import(pathToFileURL(outfile).href)
    process.once("exit", () => fs.rmSync(scratch, {recursive: true, force: true}))
    code = await main(path.resolve(here, "../.."), process.argv.slice(2))
} finally {
    fs.rmSync(scratch, {recursive: true, force: true})
}
process.exit(code)
