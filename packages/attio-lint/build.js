/**
 * Builds this package from the repository's build (`npm run build` at the root compiles the one source tree
 * into ../../dist): copies the modules the linter's entry points reach, with their declarations, and the
 * TypeScript subset. Copying keeps the files byte for byte those the root's tests run, at no second compile.
 */
import fs from "node:fs"
import path from "node:path"
import {fileURLToPath} from "node:url"

const HERE = path.dirname(fileURLToPath(import.meta.url))
const FROM = path.resolve(HERE, "../../dist")
const TO = path.join(HERE, "dist")
/** The package's exports and bin, as built files under dist/. */
const ENTRIES = ["src/cli/attio-lint.js", "src/eslint-plugin/index.js", "src/index.js"]
/** Static and dynamic imports, re-exports and declaration files' `import("…")` types, of relative modules. */
const RELATIVE_IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)["'](\.\.?\/[^"']+)["']/g

const files = new Set()
function reach(file) {
    if (files.has(file)) return
    if (!fs.existsSync(path.join(FROM, file)))
        throw new Error(`${file} is missing from ${FROM}: run the root's build first`)
    files.add(file)
    const text = fs.readFileSync(path.join(FROM, file), "utf8")
    for (const [, specifier] of text.matchAll(RELATIVE_IMPORT)) {
        const target = path.posix.join(path.posix.dirname(file), specifier)
        // A specifier in a string the code prints (rule docs quote imports) names no file here.
        if (fs.existsSync(path.join(FROM, target))) reach(target)
    }
    const declarations = file.replace(/\.js$/, ".d.ts")
    if (file.endsWith(".js") && fs.existsSync(path.join(FROM, declarations))) reach(declarations)
}
ENTRIES.forEach(reach)
reach("typescript-syntax.cjs")

fs.rmSync(TO, {recursive: true, force: true})
for (const file of files) {
    fs.mkdirSync(path.dirname(path.join(TO, file)), {recursive: true})
    fs.copyFileSync(path.join(FROM, file), path.join(TO, file))
}
