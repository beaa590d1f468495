/**
 * Bundles the attio-lint bin: dist/src/cli/attio-lint.js (tsc's output) is replaced by one ES module
 * whose lazily imported parts (the engine and rules, the warm report, each formatter, --watch) are
 * chunks in dist/src/cli/chunks/.
 *
 * Why: a lint run loads about 60 of our modules and the CommonJS packages they import; Node resolves
 * each (a realpath and a package.json lookup), and scans each CommonJS package for its exports. That
 * was about 40 ms of CPU of a cold run on the 50-file template app (docs/performance.md); a handful of
 * chunks cost a fraction of it. The chunks keep the bin's laziness: a warm run still loads neither
 * the engine nor the rules.
 *
 * What stays outside: the TypeScript subset and the full compiler (@ts-morph/common), required at
 * run time from their own files, prettier and esbuild (large, loaded only where a fix or the testing
 * runtime needs them). The API and the ESLint plugin keep tsc's modules; attio-app has a bundle of
 * its own (app-bundle.ts).
 *
 * Run by `npm run build` after tsc and the subset build, and before packages/attio-lint/build.js
 * copies the files the bin reaches (its chunks among them).
 */
import fs from "node:fs"
import path from "node:path"

import type {Plugin} from "esbuild"

import {PACKAGE_ROOT} from "../package-info.js"
import {bundleBin} from "./bin-bundle.js"

const BIN = path.join(PACKAGE_ROOT, "dist/src/cli/attio-lint.js")

/**
 * fdir (under tinyglobby) requires picomatch as it loads, from node_modules at run time, for a glob API of its own
 * that tinyglobby never calls: a second picomatch resolved and compiled in every run that lints, about 9 ms. The
 * bundle leaves the require out (fdir then has no glob API, which nothing here uses); a change of those lines in
 * fdir fails the build, to be looked at again.
 */
const FDIR_OPTIONAL_PICOMATCH = '\t__require.resolve("picomatch");\n\tpm = __require("picomatch");\n'
const withoutFdirGlob: Plugin = {
    name: "fdir-without-its-glob",
    setup(build) {
        build.onLoad({filter: /[\\/]node_modules[\\/]fdir[\\/]dist[\\/]index\.mjs$/}, (args) => {
            const text = fs.readFileSync(args.path, "utf8")
            if (!text.includes(FDIR_OPTIONAL_PICOMATCH))
                throw new Error(
                    `${args.path}: fdir's optional require of picomatch changed (see src/build/cli-bundle.ts)`
                )
            return {contents: text.replace(FDIR_OPTIONAL_PICOMATCH, ""), loader: "js"}
        })
    },
}

bundleBin(BIN, {
    chunks: "chunks",
    external: ["@ts-morph/common", "ts-morph", "prettier", "esbuild"],
    plugins: [withoutFdirGlob],
}).catch((error: unknown) => {
    console.error(`bundling ${BIN} failed: ${error instanceof Error ? error.message : String(error)}`)
    process.exitCode = 1
})
