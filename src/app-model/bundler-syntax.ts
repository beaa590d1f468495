/**
 * What `attio build`'s bundler (esbuild) makes of a file's syntax where TypeScript's parser alone
 * does not tell: which JavaScript it rejects, and which imports it erases.
 */
import type {ts} from "@ts-morph/common"

import type {TypeScriptSyntax} from "./typescript.js"

export interface SyntaxProblem {
    message: string
    node: ts.Node
}

/**
 * The first TypeScript-only construct (or, unless `jsx`, JSX element) in a file parsed as JavaScript.
 * The build bundles `.js` files (handlers and what they import) with esbuild's JavaScript loader,
 * which knows neither; TypeScript parses both in JavaScript mode and objects to the first only from
 * a whole program (as `tsc --allowJs`), so the syntactic path looks for them itself, with tsc's messages.
 */
export function typeScriptInJavaScript(
    tsApi: TypeScriptSyntax,
    sf: ts.SourceFile,
    jsx: boolean
): SyntaxProblem | undefined {
    const k = tsApi.SyntaxKind
    const modifiers = new Map<ts.SyntaxKind, string>([
        [k.PublicKeyword, "public"],
        [k.PrivateKeyword, "private"],
        [k.ProtectedKeyword, "protected"],
        [k.ReadonlyKeyword, "readonly"],
        [k.DeclareKeyword, "declare"],
        [k.AbstractKeyword, "abstract"],
        [k.OverrideKeyword, "override"],
    ])
    const declarations = new Map<ts.SyntaxKind, string>([
        [k.InterfaceDeclaration, "'interface' declarations"],
        [k.TypeAliasDeclaration, "Type aliases"],
        [k.EnumDeclaration, "'enum' declarations"],
        [k.ModuleDeclaration, "'namespace' declarations"],
        [k.ImportEqualsDeclaration, "'import ... =' declarations"],
        [k.TypeParameter, "Type parameter declarations"],
        [k.IndexSignature, "Index signatures"],
        [k.NonNullExpression, "Non-null assertions"],
        [k.AsExpression, "Type assertion expressions"],
        [k.SatisfiesExpression, "Type satisfaction expressions"],
    ])
    const jsxElements = new Set([k.JsxElement, k.JsxSelfClosingElement, k.JsxFragment])
    const only = (what: string) => `${what} can only be used in TypeScript files`

    const problem = (node: ts.Node): string | undefined => {
        const kind = node.kind
        if (kind >= k.FirstTypeNode && kind <= k.LastTypeNode) return only("Type annotations")
        const declared =
            declarations.get(kind) ?? (modifiers.has(kind) ? `The '${modifiers.get(kind)}' modifier` : undefined)
        if (declared) return only(declared)
        if (!jsx && jsxElements.has(kind))
            return "The JSX syntax extension is not enabled in .js files (the build reads them as plain JavaScript)"
        const n = node as ts.Node & {
            isTypeOnly?: boolean
            isExportEquals?: boolean
            questionToken?: ts.Node
            body?: ts.Node
            token?: ts.SyntaxKind
        }
        if (n.isTypeOnly) return only("Type-only imports and exports")
        if (kind === k.ExportAssignment && n.isExportEquals) return only("'export =' declarations")
        if (kind === k.HeritageClause && n.token === k.ImplementsKeyword) return only("'implements' clauses")
        if (
            (kind === k.Parameter || kind === k.PropertyDeclaration || kind === k.MethodDeclaration) &&
            n.questionToken
        ) {
            return only("The '?' modifier")
        }
        if ((kind === k.FunctionDeclaration || kind === k.MethodDeclaration || kind === k.Constructor) && !n.body) {
            return only("Signature declarations")
        }
        return undefined
    }
    const find = (node: ts.Node): SyntaxProblem | undefined => {
        // A type written as a keyword (`string`) is a token, not a type node: look at what carries it.
        const {type, typeArguments} = node as ts.Node & {type?: ts.Node; typeArguments?: ts.NodeArray<ts.Node>}
        const message = problem(node)
        if (message) return {message, node}
        if (type) return {message: only("Type annotations"), node: type}
        if (typeArguments) return {message: only("Type arguments"), node: typeArguments[0] ?? node}
        return tsApi.forEachChild(node, find)
    }
    return tsApi.forEachChild(sf, find)
}

/**
 * How the names in `names` are used in the file but in `skip` (their import): `value` when any is
 * used as a value, `type` when they are used only in types (`typeof x`, `x.Type`: esbuild then drops
 * the import), undefined when not at all. Any identifier of such a name outside types counts as a
 * value use, which errs towards keeping the import, as a shadowing local would not.
 */
export function importUse(
    tsApi: TypeScriptSyntax,
    sf: ts.SourceFile,
    names: ReadonlySet<string>,
    skip: ts.Node
): "value" | "type" | undefined {
    const k = tsApi.SyntaxKind
    let inTypes = false
    const visit = (node: ts.Node, inType: boolean): boolean | undefined => {
        if (node === skip) return undefined
        const type =
            inType ||
            (node.kind >= k.FirstTypeNode && node.kind <= k.LastTypeNode) ||
            node.kind === k.InterfaceDeclaration ||
            node.kind === k.TypeAliasDeclaration
        if (tsApi.isIdentifier(node) && names.has(node.text)) {
            if (!type) return true
            inTypes = true
        }
        return tsApi.forEachChild(node, (child) => visit(child, type))
    }
    if (tsApi.forEachChild(sf, (child) => visit(child, false))) return "value"
    return inTypes ? "type" : undefined
}
