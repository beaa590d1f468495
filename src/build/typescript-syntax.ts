/**
 * Builds dist/typescript-syntax.cjs: the part of TypeScript that attio-lint's syntactic path uses
 * (the parser, tsconfig reading and their utilities), cut from the copy ts-morph bundles.
 *
 * Why: a cold run spent about 0.2 s just compiling TypeScript's 9 MB bundle, most of which is the
 * type checker, the emitter and the language service. The subset is about a fifth of that.
 *
 * How: TypeScript's bundle is esbuild output, one scope with a `// src/<folder>/<file>.ts` comment
 * before each source file, compiler files first. TypeScript's own layering forbids src/compiler
 * from depending on src/services or src/server, so the compiler part stands alone. This keeps
 * that part, drops the `__export` tables (they reference everything), exports SYNTAX_API and lets
 * esbuild's tree shaking drop what those names do not reach (the checker, emitter, program...).
 * test/typescript-syntax.test.ts proves the result references nothing it lacks and parses as the
 * full bundle does.
 *
 * Run by `npm run build` after tsc; esbuild is a development dependency only.
 */
import fs from "node:fs"
import path from "node:path"

import {build} from "esbuild"

import {PACKAGE_ROOT} from "../package-info.js"
import {SYNTAX_API, SYNTAX_BUNDLE, fullBundlePath} from "../app-model/typescript.js"

/** The bundle's wrapper around its one scope; a TypeScript release that changes it fails the build. */
const SCOPE_START = "var ts = {}; ((module) => {"
const SCOPE_END = "})({ get exports()"
const MODULE_EXPORTS = "module.exports = __toCommonJS(typescript_exports);"
/** The first source file outside src/compiler (and the entry file src/typescript/typescript.ts). */
const FIRST_NON_COMPILER_FILE = /\n\/\/ src\/(?!compiler\/|typescript\/)/
/** A statement filling one of the bundle's export tables: `__export(name, {...});` at the start of a line. */
const EXPORT_TABLE = /^__export\(/m
/** A whole export table: nothing but `name: () => value` lines, so that removing it removes nothing else. */
const WHOLE_EXPORT_TABLE = /^__export\([\w$]+, \{\n(?: {2}[\w$]+: \(\) => [\w$]+,?\n)*\}\);$/
/**
 * Identifiers' public `text` property is a getter the language service adds (services.ts's
 * IdentifierObject and PrivateIdentifierObject); the compiler alone reads `escapedText`. The
 * subset adds the same getter through the compiler's own hook for node constructors.
 */
const IDENTIFIER_TEXT = `
function withIdentifierText(Base) {
  function Named(kind, pos, end) { Base.call(this, kind, pos, end); }
  Named.prototype = Object.create(Base.prototype);
  Object.defineProperty(Named.prototype, "text", { get() { return idText(this); } });
  return Named;
}
var IdentifierWithText = withIdentifierText(objectAllocator.getIdentifierConstructor());
var PrivateIdentifierWithText = withIdentifierText(objectAllocator.getPrivateIdentifierConstructor());
setObjectAllocator({
  ...objectAllocator,
  getIdentifierConstructor: () => IdentifierWithText,
  getPrivateIdentifierConstructor: () => PrivateIdentifierWithText,
});
`

/** `--from <bundle> --out <file>`: cut another release's bundle (.ci/newest-ts-morph.mjs tries the newest). */
function argument(name: string): string | undefined {
    const at = process.argv.indexOf(name)
    return at === -1 ? undefined : process.argv[at + 1]
}

async function main(): Promise<void> {
    const source = fs.readFileSync(argument("--from") ?? fullBundlePath(), "utf8")
    const output = argument("--out") ?? path.join(PACKAGE_ROOT, SYNTAX_BUNDLE)
    const result = await build({
        stdin: {contents: compilerPart(source), sourcefile: "typescript-compiler.mjs", loader: "js"},
        bundle: true,
        format: "cjs",
        platform: "node",
        target: "node20",
        treeShaking: true,
        // Keeps TypeScript's Apache-2.0 licence header.
        legalComments: "inline",
        logLevel: "silent",
        write: false,
    })
    const text = result.outputFiles[0].text
    fs.mkdirSync(path.dirname(output), {recursive: true})
    fs.writeFileSync(output, text)
    console.log(
        `${path.relative(PACKAGE_ROOT, output)}: ${(text.length / 1e6).toFixed(1)} MB of TypeScript's ${(source.length / 1e6).toFixed(1)} MB`
    )
}

/** The compiler part of the bundle as one ES module that exports SYNTAX_API and nothing else. */
function compilerPart(source: string): string {
    const start = required(source.indexOf(SCOPE_START), "the start of its scope") + SCOPE_START.length
    const end = required(source.lastIndexOf(SCOPE_END), "the end of its scope")
    const cut = required(source.slice(start, end).search(FIRST_NON_COMPILER_FILE), "a file outside src/compiler")
    let body = source.slice(start, start + cut)
    required(body.indexOf(MODULE_EXPORTS), "its module.exports")
    body = body.replace(MODULE_EXPORTS, "")
    for (let at = body.search(EXPORT_TABLE); at >= 0; at = body.search(EXPORT_TABLE)) {
        const end = required(body.indexOf("\n});", at), "the end of an export table") + "\n});".length
        if (!WHOLE_EXPORT_TABLE.test(body.slice(at, end)))
            required(-1, `the end of the export table at ${body.slice(at, at + 40)}…`)
        body = body.slice(0, at) + body.slice(end)
    }
    // The licence header comes before the scope.
    return `${source.slice(0, source.indexOf(SCOPE_START))}${body}${IDENTIFIER_TEXT}\nexport {${SYNTAX_API.join(", ")}}\n`
}

function required(index: number, what: string): number {
    if (index < 0) throw new Error(`${fullBundlePath()} has an unexpected shape: cannot find ${what}`)
    return index
}

main().catch((error: unknown) => {
    console.error(`building ${SYNTAX_BUNDLE} failed: ${error instanceof Error ? error.message : String(error)}`)
    process.exitCode = 1
})
