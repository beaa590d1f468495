/**
 * Constant values from syntax: the strings a literal, a `const` in scope or a `for (const x of LITERALS)` stands
 * for, found by looking outwards from a use to the nearest declaration of its name.
 */
import type {ts} from "@ts-morph/common"

import type {TypeScriptSyntax} from "../typescript.js"
import type {FileSyntax} from "./syntax.js"

export type Lookup =
    | {kind: "free"}
    | {kind: "other"}
    | {kind: "const"; decl: ts.VariableDeclaration; init: ts.Expression; path: string[]}
    | {kind: "for-of"; decl: ts.VariableDeclaration; expression: ts.Expression}

const FREE: Lookup = {kind: "free"}

/** A name's declaration in a scope's statements: a variable statement's, or "other" (a function, class or enum). */
type Declared = {statement: ts.VariableStatement; decl: ts.VariableDeclaration} | "other"

export class ConstantValues {
    private readonly tsApi: TypeScriptSyntax
    /** Declarations whose values are being worked out, against cycles such as `const a = x ? a : "b"`. */
    readonly resolving = new Set<ts.Node>()
    /** declaredIn()'s answers, by scope. */
    private readonly declared = new Map<ts.Node, Map<string, Declared>>()
    /**
     * Every name a declaration in the file binds (a variable, parameter, function, class or enum), once the walk
     * that sets the parent pointers has listed them: the look-up of any other name is `free` without climbing.
     */
    declaredNames: ReadonlySet<string> | undefined
    /**
     * The names that guided a walk that skipped subtrees (SdkUses.collect): declaredNames then answers for them
     * only (a declaration of one names it, so no walk skips it), and a look-up first sets the parent pointers it
     * climbs through.
     */
    guidedBy: ReadonlySet<string> | undefined

    constructor(private readonly syntax: FileSyntax) {
        this.tsApi = syntax.tsApi
    }

    /** String values of a literal, a literal array (for loops over it) or a conditional of literals. */
    literalValues(expr: ts.Expression): string[] | undefined {
        const e = this.syntax.unwrap(expr)
        if (this.tsApi.isStringLiteralLike(e)) return [e.text]
        if (this.tsApi.isConditionalExpression(e)) {
            const a = this.literalValues(e.whenTrue) ?? this.identifierValues(e.whenTrue)
            const b = this.literalValues(e.whenFalse) ?? this.identifierValues(e.whenFalse)
            return a && b ? [...a, ...b] : undefined
        }
        if (this.tsApi.isArrayLiteralExpression(e)) {
            const all: string[] = []
            for (const el of e.elements) {
                const v = this.literalValues(el) ?? this.identifierValues(el)
                if (!v) return undefined
                all.push(...v)
            }
            return all
        }
        return undefined
    }

    /**
     * Values of an identifier bound by a `const` with literal values in an enclosing scope, or by
     * `for (const x of LITERAL_ARRAY)`.
     */
    identifierValues(expr: ts.Expression): string[] | undefined {
        const e = this.syntax.unwrap(expr)
        if (!this.tsApi.isIdentifier(e)) return undefined
        const found = this.binding(e)
        return Array.isArray(found) ? found : undefined
    }

    /**
     * What the nearest declaration of an identifier binds it to, looking outwards from its use:
     * the values of a `const` with literal values or of `for (const x of LITERALS)`; `other` for any
     * other local binding (a parameter, a `let`, a const with another value, a shadowing declaration);
     * `free` when nothing in the file declares it but an import (or nothing: a global).
     */
    binding(id: ts.Identifier): string[] | "other" | "free" {
        const found = this.lookup(id)
        if (found.kind === "for-of") return this.valuesOf(found.decl, found.expression)
        if (found.kind === "const") return found.path.length === 0 ? this.valuesOf(found.decl, found.init) : "other"
        return found.kind
    }

    /**
     * The nearest declaration of an identifier, looking outwards from its use. A `const` comes with
     * its initializer and the property path a destructuring takes from it (`const {a: {b}} = x` binds
     * `b` to `x.a.b`).
     */
    lookup(id: ts.Identifier): Lookup {
        const name = id.text
        const answered = this.guidedBy === undefined || this.guidedBy.has(name)
        if (answered && this.declaredNames !== undefined && !this.declaredNames.has(name)) return FREE
        if (this.guidedBy) this.syntax.setParentsDownTo(id)
        // Without parent pointers (files with no SDK calls) only top-level consts are looked up.
        for (let scope: ts.Node | undefined = id.parent ?? this.syntax.sf; scope; scope = scope.parent) {
            if (
                this.tsApi.isForOfStatement(scope) ||
                this.tsApi.isForInStatement(scope) ||
                this.tsApi.isForStatement(scope)
            ) {
                const init = scope.initializer
                if (!init || !this.tsApi.isVariableDeclarationList(init)) continue
                const decl = init.declarations.find((d) => this.syntax.bindsName(d.name, name))
                if (!decl) continue
                if (!this.tsApi.isForOfStatement(scope) || !this.tsApi.isIdentifier(decl.name)) return {kind: "other"}
                return {kind: "for-of", decl, expression: scope.expression}
            }
            if (this.tsApi.isFunctionLike(scope)) {
                if (scope.parameters.some((p) => this.syntax.bindsName(p.name, name))) return {kind: "other"}
                continue
            }
            if (
                this.tsApi.isCatchClause(scope) &&
                scope.variableDeclaration &&
                this.syntax.bindsName(scope.variableDeclaration.name, name)
            )
                return {kind: "other"}
            const declared = this.declaredIn(scope)?.get(name)
            if (declared === "other") return {kind: "other"}
            if (declared) {
                const {statement, decl} = declared
                const isConst = (statement.declarationList.flags & this.tsApi.NodeFlags.Const) !== 0
                const path = this.syntax.boundNames(decl.name).find((b) => b.name === name)?.path
                return isConst && decl.initializer && path
                    ? {kind: "const", decl, init: decl.initializer, path}
                    : {kind: "other"}
            }
        }
        return FREE
    }

    /**
     * What the statements of a block-like scope declare, by name: the first variable statement (and its
     * declaration) or function, class or enum declaring it, as a scan of the statements in order finds
     * it. Kept per scope: a file of many calls would otherwise scan its top level once for each.
     */
    private declaredIn(scope: ts.Node): Map<string, Declared> | undefined {
        const tsApi = this.tsApi
        const statements =
            tsApi.isBlock(scope) ||
            tsApi.isSourceFile(scope) ||
            tsApi.isModuleBlock(scope) ||
            tsApi.isCaseClause(scope) ||
            tsApi.isDefaultClause(scope)
                ? scope.statements
                : undefined
        if (!statements) return undefined
        let names = this.declared.get(scope)
        if (names) return names
        names = new Map()
        for (const statement of statements) {
            if (tsApi.isVariableStatement(statement)) {
                for (const decl of statement.declarationList.declarations) {
                    for (const name of this.syntax.namesBound(decl.name))
                        if (!names.has(name)) names.set(name, {statement, decl})
                }
            } else if (
                (tsApi.isFunctionDeclaration(statement) ||
                    tsApi.isClassDeclaration(statement) ||
                    tsApi.isEnumDeclaration(statement)) &&
                statement.name &&
                !names.has(statement.name.text)
            )
                names.set(statement.name.text, "other")
        }
        this.declared.set(scope, names)
        return names
    }

    valuesOf(decl: ts.Node, expr: ts.Expression): string[] | "other" {
        if (this.resolving.has(decl)) return "other"
        this.resolving.add(decl)
        try {
            return this.literalValues(expr) ?? this.identifierValues(expr) ?? "other"
        } finally {
            this.resolving.delete(decl)
        }
    }
}
