/**
 * TypeScript, loaded on first use: nothing imports it eagerly, so a run that parses nothing never
 * loads it. It is required rather than imported because Node's ESM loader would otherwise scan the
 * CommonJS bundle for named exports, which costs about as much again as compiling it.
 *
 * Two copies: the syntactic path (facts, tsconfig checks) takes the compiler subset `npm run build`
 * cuts from ts-morph's bundle (src/build/typescript-syntax.ts), which loads in a fifth of the time;
 * type information takes the full compiler from @ts-morph/common, where ts-morph bundles it (the
 * linter uses none of ts-morph's own API, so the attio-lint package installs only that). Both come from the same
 * release where the package was built with the ts-morph it runs with (as this repository's lockfile
 * pins); they never exchange nodes, so a patch-level difference would not matter.
 */
import fs from "node:fs"
import {createRequire} from "node:module"
import path from "node:path"

import type {ts as TsApi} from "@ts-morph/common"

import {PACKAGE_ROOT} from "../package-info.js"

type ts = typeof TsApi

const require = createRequire(import.meta.url)

/** Where the build writes the subset, relative to the package's folder. */
export const SYNTAX_BUNDLE = "dist/typescript-syntax.cjs"

/** What the syntactic path uses of TypeScript: the build keeps exactly these (and what they reach). */
export const SYNTAX_API = [
    // parsing
    "createSourceFile",
    "forEachChild",
    "getLineAndCharacterOfPosition",
    "getTokenPosOfNode",
    "skipTrivia",
    "flattenDiagnosticMessageText",
    "getModifiers",
    "canHaveModifiers",
    "ScriptTarget",
    "ScriptKind",
    "JSDocParsingMode",
    "SyntaxKind",
    "NodeFlags",
    // tsconfig.json
    "sys",
    "readConfigFile",
    "parseJsonConfigFileContent",
    // node tests
    "isArrayLiteralExpression",
    "isArrowFunction",
    "isAsExpression",
    "isAwaitExpression",
    "isBigIntLiteral",
    "isBlock",
    "isBreakStatement",
    "isCallExpression",
    "isCaseClause",
    "isCatchClause",
    "isClassDeclaration",
    "isClassExpression",
    "isClassLike",
    "isConditionalExpression",
    "isDefaultClause",
    "isDoStatement",
    "isEnumDeclaration",
    "isExportAssignment",
    "isExportDeclaration",
    "isExportSpecifier",
    "isForInStatement",
    "isForOfStatement",
    "isForStatement",
    "isFunctionDeclaration",
    "isFunctionExpression",
    "isFunctionLike",
    "isIdentifier",
    "isIfStatement",
    "isImportDeclaration",
    "isIterationStatement",
    "isLabeledStatement",
    "isModuleBlock",
    "isModuleDeclaration",
    "isNamedExports",
    "isNamedImports",
    "isNamespaceImport",
    "isNewExpression",
    "isNonNullExpression",
    "isNumericLiteral",
    "isObjectBindingPattern",
    "isObjectLiteralExpression",
    "isOmittedExpression",
    "isParenthesizedExpression",
    "isPropertyAccessExpression",
    "isPropertyAssignment",
    "isReturnStatement",
    "isSatisfiesExpression",
    "isShorthandPropertyAssignment",
    "isSourceFile",
    "isStringLiteral",
    "isStringLiteralLike",
    "isSwitchStatement",
    "isTemplateExpression",
    "isThrowStatement",
    "isTryStatement",
    "isTypeAssertionExpression",
    "isTypeLiteralNode",
    "isTypeReferenceNode",
    "isVariableDeclaration",
    "isVariableDeclarationList",
    "isVariableStatement",
    "isWhileStatement",
] as const

/** Compiler internals the syntactic path uses in place of the language service's node methods. */
interface SyntaxInternals {
    /** Where a node's first token starts (the service's `node.getStart(sourceFile)`). */
    getTokenPosOfNode(node: TsApi.Node, sourceFile: TsApi.SourceFile): number
    /** The position after whitespace and comments from `pos`. */
    skipTrivia(text: string, pos: number): number
}

export type TypeScriptSyntax = Pick<ts, Exclude<(typeof SYNTAX_API)[number], keyof SyntaxInternals>> & SyntaxInternals

let compiler: ts | undefined
let syntax: TypeScriptSyntax | undefined
/** Loads the subset's file: `require`, unless the CLI hands a loader that keeps a V8 code cache (src/cli/compile-cache.ts). */
let loadSubset = (file: string): unknown => require(file)

/** Loads the subset through `loader` from now on (before the first typescriptSyntax()). */
export function loadSyntaxBundleWith(loader: (file: string) => unknown): void {
    loadSubset = loader
}

/** ts-morph's bundled compiler: the very file ts-morph itself loads, so one instance either way. */
export function fullBundlePath(): string {
    return require.resolve("@ts-morph/common/dist/typescript.js")
}

/** The full TypeScript compiler API, with the type checker. */
export function typescript(): ts {
    if (!compiler) {
        try {
            compiler = require(fullBundlePath()) as ts
        } catch {
            // A release that moved its bundle: take it the documented way.
            compiler = (require("@ts-morph/common") as {ts: ts}).ts
        }
    }
    return compiler
}

/**
 * The subset the syntactic path needs; the full compiler where the build's subset is missing or
 * lacks a name (built before SYNTAX_API changed): slower, never wrong. `--debug` tells which.
 */
export function typescriptSyntax(): TypeScriptSyntax {
    if (!syntax) {
        const file = path.join(PACKAGE_ROOT, SYNTAX_BUNDLE)
        const subset = fs.existsSync(file) ? (loadSubset(file) as Partial<TypeScriptSyntax>) : undefined
        const api =
            subset && SYNTAX_API.every((name) => subset[name] !== undefined)
                ? subset
                : (typescript() as unknown as TypeScriptSyntax)
        // The bundle exports through getters: a plain copy saves a call on each of millions of uses.
        syntax = Object.fromEntries(SYNTAX_API.map((name) => [name, api[name]])) as unknown as TypeScriptSyntax
    }
    return syntax
}

/** Which TypeScript a run loaded: none (a warm cached run), the syntax subset, or the full compiler. */
export function loadedTypeScript(): "none" | "syntax" | "full" {
    if (compiler !== undefined) return "full"
    return syntax !== undefined ? "syntax" : "none"
}
