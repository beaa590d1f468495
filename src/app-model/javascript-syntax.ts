/**
 * What `attio build` rejects in a JavaScript file that TypeScript's parser accepts there: the build
 * bundles `.js` files (handlers and what they import) with esbuild's JavaScript loader, which knows
 * neither TypeScript syntax nor JSX. TypeScript parses both in JavaScript mode and objects to the
 * first only from a whole program (as `tsc --allowJs`), so the syntactic path looks for them itself,
 * with tsc's messages.
 */
import type {ts} from "ts-morph"

import type {TypeScriptSyntax} from "./typescript.js"

export interface SyntaxProblem {
    message: string
    node: ts.Node
}

/** The first TypeScript-only construct (or, unless `jsx`, JSX element) in a file parsed as JavaScript. */
export function typeScriptInJavaScript(tsApi: TypeScriptSyntax, sf: ts.SourceFile, jsx: boolean): SyntaxProblem | undefined {
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
        const declared = declarations.get(kind) ?? (modifiers.has(kind) ? `The '${modifiers.get(kind)}' modifier` : undefined)
        if (declared) return only(declared)
        if (!jsx && jsxElements.has(kind)) return "The JSX syntax extension is not enabled in .js files (the build reads them as plain JavaScript)"
        const n = node as ts.Node & {isTypeOnly?: boolean; isExportEquals?: boolean; questionToken?: ts.Node; body?: ts.Node; token?: ts.SyntaxKind}
        if (n.isTypeOnly) return only("Type-only imports and exports")
        if (kind === k.ExportAssignment && n.isExportEquals) return only("'export =' declarations")
        if (kind === k.HeritageClause && n.token === k.ImplementsKeyword) return only("'implements' clauses")
        if ((kind === k.Parameter || kind === k.PropertyDeclaration || kind === k.MethodDeclaration) && n.questionToken) {
            return only("The '?' modifier")
        }
        if ((kind === k.FunctionDeclaration || kind === k.MethodDeclaration || kind === k.Constructor) && !n.body) {
            return only("Signature declarations")
        }
        return undefined
    }
    const find = (node: ts.Node): SyntaxProblem | undefined => {
        const message = problem(node)
        return message ? {message, node} : tsApi.forEachChild(node, find)
    }
    return tsApi.forEachChild(sf, find)
}
