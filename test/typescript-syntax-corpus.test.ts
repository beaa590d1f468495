/**
 * The TypeScript subset the build cuts for the syntactic path (src/build/typescript-syntax.ts), proven against
 * third-party judges: ESLint's scope analysis finds nothing it references and lacks, and it parses a corpus (this
 * repository's sources, tests, examples and templates, and edge cases) exactly as the full compiler does. These
 * change outcome with a TypeScript release or a change to the cut; test/typescript-syntax.test.ts has the subset's
 * quick checks and what the built CLI loads.
 */
import fs from "node:fs"
import {createRequire} from "node:module"

import {globSync} from "tinyglobby"
import type {ts} from "ts-morph"
import {describe, expect, it} from "vitest"

import type {TypeScriptSyntax} from "../src/app-model/typescript.js"
import {PACKAGE_ROOT} from "./support/bin.js"
import {full, subset, subsetPath} from "./support/syntax-subset.js"

const require = createRequire(import.meta.url)

/** Syntax the corpus of real files might miss. */
const EDGE_CASES: Record<string, string> = {
    "private.ts": "class A {\n    #x = 1\n    get #y() { return this.#x }\n    static { using r = f() }\n}\n",
    "decorators.ts": "@sealed\nexport class B {\n    @log() m(@inject p: string) {}\n}\n",
    "view.tsx": "export default function V() {\n    return <div a={1}>{items.map((i) => <I key={i} />)}</div>\n}\n",
    "broken.ts": "export default async function h(req: Request {\n    return new Response(\n",
    "script.js": "/** @type {import('x').Y} */\nmodule.exports = async function (req) { return new Response(null) }\n",
    "unicode.ts": 'const café = "ü"; export const \\u{61}b = `${café}\\u{1F600}`\n',
    "modern.ts":
        'import d, {type T, x as y} from "m" with {type: "json"}\nexport * as ns from "n"\nlet v = a satisfies B ?? c?.d!.e\nenum E {A = 1 << 2}\nnamespace N.M {}\n',
}

describe("the TypeScript syntax subset, against the full compiler and ESLint's scope analysis", () => {
    it("references nothing that the cut left out", () => {
        const undefinedNames = new Set(unresolvedNames(fs.readFileSync(subsetPath, "utf8")))
        // Fine only where Node provides them: its globals, the CommonJS wrapper's, and a hook
        // TypeScript's own bundle looks up the same way (`typeof onProfilerEvent === "function"`).
        const provided = new Set(["__filename", "__dirname", "require", "module", "exports", "onProfilerEvent"])
        expect([...undefinedNames].filter((name) => !(name in globalThis) && !provided.has(name))).toEqual([])
    })

    it("parses the corpus exactly as the full compiler does", () => {
        const files = globSync(["src/**/*.ts", "test/**/*.ts", "examples/**/*.ts", "templates/**/*.ejs"], {
            cwd: PACKAGE_ROOT,
            absolute: true,
        })
        expect(files.length).toBeGreaterThan(100)
        const corpus: [string, string][] = [
            ...files.map((f): [string, string] => [f.replace(/\.ejs$/, ""), fs.readFileSync(f, "utf8")]),
            ...Object.entries(EDGE_CASES),
        ]
        for (const [file, text] of corpus)
            expect(describeParse(subset, file, text), file).toEqual(describeParse(full as unknown as Api, file, text))
    })
})

type Api = Pick<
    TypeScriptSyntax,
    | "createSourceFile"
    | "forEachChild"
    | "getTokenPosOfNode"
    | "getLineAndCharacterOfPosition"
    | "flattenDiagnosticMessageText"
    | "ScriptTarget"
    | "ScriptKind"
    | "JSDocParsingMode"
    | "SyntaxKind"
>

/** Every node's kind, span, start, flags and identifier text, and the parse errors. */
function describeParse(api: Api, file: string, text: string): unknown {
    const kind = /\.tsx$/.test(file) ? api.ScriptKind.TSX : /\.jsx?$/.test(file) ? api.ScriptKind.JS : api.ScriptKind.TS
    const sf = api.createSourceFile(
        file,
        text,
        {languageVersion: api.ScriptTarget.Latest, jsDocParsingMode: api.JSDocParsingMode.ParseNone},
        true,
        kind
    )
    const nodes: string[] = []
    const visit = (node: ts.Node): void => {
        const start = api.getTokenPosOfNode(node, sf)
        const {line, character} = api.getLineAndCharacterOfPosition(sf, start)
        const name = "text" in node ? String(node.text) : ""
        nodes.push(
            `${api.SyntaxKind[node.kind]} ${node.pos}-${node.end} ${start} ${line}:${character} ${node.flags} ${name} ${node.parent?.kind}`
        )
        api.forEachChild(node, visit)
    }
    visit(sf)
    const diagnostics = (sf as unknown as {parseDiagnostics: ts.DiagnosticWithLocation[]}).parseDiagnostics
    return {
        nodes,
        diagnostics: diagnostics.map(
            (d) => `${d.start} ${d.code} ${api.flattenDiagnosticMessageText(d.messageText, " ")}`
        ),
    }
}

interface EstreeNode {
    type: string
    [key: string]: unknown
}

/** The parser and scope analysis ESLint's no-undef runs on (ESLint's own dependencies, resolved from it). */
const fromEslint = createRequire(require.resolve("eslint"))
const espree = fromEslint("espree") as {
    latestEcmaVersion: number
    parse(text: string, options: object): EstreeNode
}
const eslintScope = fromEslint("eslint-scope") as {
    analyze(ast: EstreeNode, options: object): {globalScope: {through: {identifier: EstreeNode & {name: string}}[]}}
}

/**
 * The names a CommonJS script uses without declaring them, as ESLint's no-undef finds them (references that reach
 * the global scope, a `typeof x` operand aside), without the rest of a lint run, which takes three times as long on a
 * bundle this size. Builtins are among them: ESLint would declare those of its ecmaVersion.
 */
function unresolvedNames(text: string): string[] {
    const ast = espree.parse(text, {ecmaVersion: "latest", sourceType: "commonjs", range: true})
    const typeofOperands = new Set<unknown>()
    const walk = (node: EstreeNode): void => {
        if (node.type === "UnaryExpression" && node.operator === "typeof") typeofOperands.add(node.argument)
        for (const value of Object.values(node)) {
            for (const child of Array.isArray(value) ? value : [value]) {
                if (typeof (child as EstreeNode | null)?.type === "string") walk(child as EstreeNode)
            }
        }
    }
    walk(ast)
    const scope = eslintScope.analyze(ast, {
        ecmaVersion: espree.latestEcmaVersion,
        sourceType: "commonjs",
        ignoreEval: true,
    })
    return scope.globalScope.through
        .filter((ref) => !typeofOperands.has(ref.identifier))
        .map((ref) => ref.identifier.name)
}
