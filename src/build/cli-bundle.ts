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
import path from "node:path"

import {PACKAGE_ROOT} from "../package-info.js"
import {bundleBin} from "./bin-bundle.js"

const BIN = path.join(PACKAGE_ROOT, "dist/src/cli/attio-lint.js")

bundleBin(BIN, {chunks: "chunks", external: ["@ts-morph/common", "ts-morph", "prettier", "esbuild"]}).catch(
    (error: unknown) => {
        console.error(`bundling ${BIN} failed: ${error instanceof Error ? error.message : String(error)}`)
        process.exitCode = 1
    }
)
