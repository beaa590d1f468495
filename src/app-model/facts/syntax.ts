/**
 * Syntax helpers of one parsed file: positions as facts record them, node text, and the few shapes every
 * concern looks through (wrappers that do not change a value, destructuring patterns).
 */
import type {ts} from "@ts-morph/common"

import type {Range} from "../range.js"
import type {TypeScriptSyntax} from "../typescript.js"
import type {Located} from "./types.js"

export class FileSyntax {
    constructor(
        /** The compiler's syntax API (typescript.ts provides it). */
        readonly tsApi: TypeScriptSyntax,
        readonly sf: ts.SourceFile
    ) {}

    /** Where a node's first token starts (its `pos` includes the trivia before it). */
    start(node: ts.Node): number {
        return this.tsApi.getTokenPosOfNode(node, this.sf)
    }

    /** A node's source text, without the trivia before it. */
    text(node: ts.Node): string {
        return this.sf.text.slice(this.start(node), node.end)
    }

    located(node: ts.Node): Located {
        return {range: this.rangeOfNode(node), pos: this.start(node)}
    }

    rangeOfNode(node: ts.Node, length?: number): Range {
        const start = this.start(node)
        return this.rangeOf(start, length === undefined ? node.end : start + length)
    }

    rangeOf(start: number, end: number): Range {
        const s = this.tsApi.getLineAndCharacterOfPosition(this.sf, start)
        const e = this.tsApi.getLineAndCharacterOfPosition(this.sf, Math.max(start, end))
        return {line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1}
    }

    /** Strips parentheses, `as`, `satisfies`, `!` and type assertions, which do not change the value. */
    unwrap(expr: ts.Expression): ts.Expression {
        const tsApi = this.tsApi
        let e = expr
        while (
            tsApi.isParenthesizedExpression(e) ||
            tsApi.isAsExpression(e) ||
            tsApi.isSatisfiesExpression(e) ||
            tsApi.isNonNullExpression(e) ||
            tsApi.isTypeAssertionExpression(e)
        ) {
            e = e.expression
        }
        return e
    }

    /**
     * The names an object destructuring (or a plain identifier) binds, each with the property path it
     * reads: `{a, b: {c: d}}` binds `a` to ["a"] and `d` to ["b", "c"]. Rest elements, array patterns
     * and computed keys bind names no path describes: they are left out.
     */
    boundNames(name: ts.BindingName): {name: string; path: string[]; node: ts.Node}[] {
        const tsApi = this.tsApi
        if (tsApi.isIdentifier(name)) return [{name: name.text, path: [], node: name}]
        if (!tsApi.isObjectBindingPattern(name)) return []
        return name.elements.flatMap((el) => {
            const key = el.propertyName ?? el.name
            if (el.dotDotDotToken || !(tsApi.isIdentifier(key) || tsApi.isStringLiteral(key))) return []
            return this.boundNames(el.name).map((b) => ({
                name: b.name,
                path: [key.text, ...b.path],
                node: tsApi.isIdentifier(el.name) ? el : b.node,
            }))
        })
    }

    /** Whether a declaration's name (an identifier or a destructuring pattern) binds `name`. */
    bindsName(node: ts.BindingName, name: string): boolean {
        return this.namesBound(node).includes(name)
    }

    /** The names a declaration's name (an identifier or a destructuring pattern) binds. */
    namesBound(node: ts.BindingName): string[] {
        if (this.tsApi.isIdentifier(node)) return [node.text]
        return node.elements.flatMap((el) => (this.tsApi.isOmittedExpression(el) ? [] : this.namesBound(el.name)))
    }
}
