#!/usr/bin/env node
/**
 * The floor of a cold attio-lint run: `node bench/parse-only.js <app>` starts Node, loads the
 * TypeScript subset attio-lint parses with (dist/typescript-syntax.cjs, made by `npm run build`),
 * then reads and parses every source file of the app with the options attio-lint uses: no facts,
 * no rules, no cache, no output. A cold run cannot take less; the bench reports how far above it
 * attio-lint is.
 */
import {readFileSync} from "node:fs"
import {createRequire} from "node:module"
import path from "node:path"

import {sourceFiles} from "./source-files.js"

const app = path.resolve(process.argv[2] ?? ".")
const ts = createRequire(import.meta.url)(new URL("../dist/typescript-syntax.cjs", import.meta.url).pathname)
const options = {languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone}
let parsed = 0
for (const file of sourceFiles(app)) {
    const kind = /\.[cm]?tsx?$/.test(file)
        ? file.endsWith("x")
            ? ts.ScriptKind.TSX
            : ts.ScriptKind.TS
        : ts.ScriptKind.JS
    ts.createSourceFile(file, readFileSync(file, "utf8"), options, false, kind)
    parsed++
}
process.stdout.write(`${JSON.stringify({parsed})}\n`)
