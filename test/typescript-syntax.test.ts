/**
 * The TypeScript subset the build cuts for the syntactic path (src/build/typescript-syntax.ts):
 * it must lack nothing it references and parse exactly as the full compiler does.
 */
import {spawnSync} from "node:child_process"
import fs from "node:fs"
import {createRequire} from "node:module"
import path from "node:path"

import {globSync} from "tinyglobby"
import type {ts} from "ts-morph"
import {describe, expect, it} from "vitest"

import {SYNTAX_API, SYNTAX_BUNDLE, fullBundlePath, type TypeScriptSyntax} from "../src/app-model/typescript.js"
import {PACKAGE_ROOT, runBin} from "./support/bin.js"
import {tempDir, writeApp} from "./support/temp-app.js"

const require = createRequire(import.meta.url)
/**
 * The subset and the bundle it was cut from: this build's, or another release's that .ci/newest-ts-morph.mjs cut
 * (ATTIO_LINT_SUBSET and ATTIO_LINT_FULL_BUNDLE, with `-t "the TypeScript syntax subset"`).
 */
const subsetPath = process.env.ATTIO_LINT_SUBSET ?? path.join(PACKAGE_ROOT, SYNTAX_BUNDLE)
const fullPath = process.env.ATTIO_LINT_FULL_BUNDLE ?? fullBundlePath()
const subset = require(subsetPath) as TypeScriptSyntax & Record<string, unknown>
const full = require(fullPath) as typeof ts & Record<string, unknown>

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

describe("the TypeScript syntax subset", () => {
    it("is a fraction of the full compiler and has no type checker", () => {
        const text = fs.readFileSync(subsetPath, "utf8")
        expect(text.length).toBeLessThan(fs.statSync(fullPath).size / 3)
        expect(text).not.toMatch(/function createTypeChecker\(/)
        expect(text).toContain("Copyright (c) Microsoft Corporation")
        // The export tables were removed: nothing may still read one (no-undef cannot see that).
        expect(text).not.toMatch(/\bts_\w+_exports\./)
    })

    it("exports every name of SYNTAX_API, each of the same kind as the full compiler's", () => {
        for (const name of SYNTAX_API) {
            expect(typeof subset[name], name).toBe(typeof full[name])
            if (typeof full[name] === "object" && name !== "sys") expect(subset[name], name).toEqual(full[name])
        }
    })

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

    it("reads tsconfig.json files as the full compiler does", () => {
        const configs = {
            "good.json": '{"compilerOptions": {"strict": true, "target": "es2022"}, "include": ["src"]}',
            "comments.json": '// c\n{"compilerOptions": {"strict": true,},}',
            "broken.json": '{"compilerOptions": {',
            "extends.json": '{"extends": "./missing.json"}',
            "unknown.json": '{"compilerOptions": {"nope": 1, "target": "es1"}}',
        }
        const root = writeApp(
            Object.fromEntries(Object.entries(configs).map(([name, text]) => [`configs/${name}`, text]))
        )
        for (const name of Object.keys(configs)) {
            const file = path.join(root, "configs", name)
            expect(readConfig(subset, file, root), name).toEqual(readConfig(full, file, root))
        }
    })

    it("is what a run of the built CLI loads: the full compiler only where type information is needed", () => {
        const hook = "export default async function h(req: Request) {\n    return new Response(null)\n}\n"
        const plain = writeApp({"src/webhooks/a.webhook.ts": hook})
        expect(debugStats(plain)).toMatchObject({typescript: "syntax", typeCheckedFiles: []})
        const typed = writeApp({
            "src/webhooks/a.webhook.ts": hook,
            "src/events/connection-added.event.ts":
                'import {createWebhookHandler} from "attio/server"\n\nfunction pick(): "a" {\n    return "a"\n}\n\nexport default async function added() {\n    await createWebhookHandler({fileName: pick()})\n}\n',
        })
        expect(debugStats(typed)).toMatchObject({typescript: "full"})
    })

    it("when missing or built before SYNTAX_API changed, is replaced by the full compiler with the same findings", () => {
        const app = writeApp({
            "src/webhooks/a.webhook.ts": "export default async function h(req: Request) {\n    await req.text()\n}\n",
            "src/events/connection-added.event.ts":
                'import {createWebhookHandler} from "attio/server"\n\nexport default async function added() {\n    await createWebhookHandler({fileName: "b"})\n}\n',
        })
        const expected = runBin("attio-lint", ["--format", "json", "--no-cache"], {cwd: app}).stdout
        expect(
            JSON.parse(expected)
                .flatMap((r: {messages: {ruleId: string}[]}) => r.messages.map((m) => m.ruleId))
                .sort()
        ).toEqual(["missing-cleanup", "unregistered-webhook", "webhook-filename", "webhook-response"])
        const subset = fs.readFileSync(subsetPath, "utf8")
        for (const broken of [undefined, subset.replace(/^ {2}isBlock: \(\) => isBlock,?$/m, "")]) {
            const copy = packageCopy()
            const copied = path.join(copy, SYNTAX_BUNDLE)
            if (broken === undefined) fs.rmSync(copied)
            else fs.writeFileSync(copied, broken)
            const bin = path.join(copy, "dist/src/cli/attio-lint.js")
            const result = spawnSync(process.execPath, [bin, "--format", "json", "--no-cache", "--debug"], {
                cwd: app,
                encoding: "utf8",
            })
            expect(result.stdout).toBe(expected)
            expect(result.stderr).toContain('"typescript":"full"')
        }
    })
})

/** The built package in a temp folder (dist and package.json; node_modules linked), to break safely. */
function packageCopy(): string {
    const copy = tempDir("attio-lint-package-")
    fs.cpSync(path.join(PACKAGE_ROOT, "dist"), path.join(copy, "dist"), {recursive: true})
    fs.copyFileSync(path.join(PACKAGE_ROOT, "package.json"), path.join(copy, "package.json"))
    fs.symlinkSync(path.join(PACKAGE_ROOT, "node_modules"), path.join(copy, "node_modules"), "dir")
    return copy
}

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

function readConfig(
    api: Pick<
        TypeScriptSyntax,
        "readConfigFile" | "parseJsonConfigFileContent" | "sys" | "flattenDiagnosticMessageText"
    >,
    file: string,
    root: string
): unknown {
    const read = api.readConfigFile(file, api.sys.readFile)
    if (read.error) return api.flattenDiagnosticMessageText(read.error.messageText, " ")
    const parsed = api.parseJsonConfigFileContent(read.config, api.sys, root, undefined, file)
    return {
        options: parsed.options,
        errors: parsed.errors.map((d) => `${d.code} ${api.flattenDiagnosticMessageText(d.messageText, " ")}`),
    }
}

function debugStats(root: string): Record<string, unknown> {
    const result = runBin("attio-lint", ["--debug", "--no-cache"], {cwd: root})
    return JSON.parse(
        result.stderr
            .trim()
            .split("\n")
            .pop()!
            .replace(/^attio-lint: /, "")
    ) as Record<string, unknown>
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
