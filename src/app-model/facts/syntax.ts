/**
 * Syntax helpers of one parsed file: positions as facts record them, node text, and the few shapes every
 * concern looks through (wrappers that do not change a value, destructuring patterns).
 */
import type {ts} from "@ts-morph/common"

import type {Range} from "../range.js"
import type {TypeScriptSyntax} from "../typescript.js"
import type {Located} from "./types.js"

export class FileSyntax {
    /** Offsets where the file's lines start, made on the first range asked for. */
    private lineStarts: number[] | undefined

    constructor(
        /** The compiler's syntax API (typescript.ts provides it). */
        readonly tsApi: TypeScriptSyntax,
        readonly sf: ts.SourceFile
    ) {}

    /** The node start() was last asked about, and its answer: a fact often takes a node's text and its range. */
    private lastNode: ts.Node | undefined
    private lastStart = 0

    /** Where a node's first token starts (its `pos` includes the trivia before it). */
    start(node: ts.Node): number {
        if (node !== this.lastNode) {
            this.lastStart = this.tsApi.getTokenPosOfNode(node, this.sf)
            this.lastNode = node
        }
        return this.lastStart
    }

    /** A node's source text, without the trivia before it. */
    text(node: ts.Node): string {
        return this.sf.text.slice(this.start(node), node.end)
    }

    located(node: ts.Node): Located {
        const pos = this.start(node)
        return {range: this.rangeOf(pos, node.end), pos}
    }

    rangeOfNode(node: ts.Node, length?: number): Range {
        const start = this.start(node)
        return this.rangeOf(start, length === undefined ? node.end : start + length)
    }

    rangeOf(start: number, end: number): Range {
        const starts = (this.lineStarts ??= lineStartsOf(this.sf.text))
        if (starts.length === 0) {
            const s = this.tsApi.getLineAndCharacterOfPosition(this.sf, start)
            const e = this.tsApi.getLineAndCharacterOfPosition(this.sf, Math.max(start, end))
            return {line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1}
        }
        const stop = Math.max(start, end)
        const line = lineOf(starts, start)
        const endLine = lineOf(starts, stop, line)
        return {
            line: line + 1,
            column: start - starts[line] + 1,
            endLine: endLine + 1,
            endColumn: stop - starts[endLine] + 1,
        }
    }

    /**
     * Whether a node has this modifier keyword (`export`, `default`, `async`): what getModifiers lists, read in place
     * (getModifiers computes the node's flags and copies the list, for every statement of every file).
     */
    hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
        if (!this.tsApi.canHaveModifiers(node)) return false
        const modifiers = (node as {modifiers?: ts.NodeArray<ts.ModifierLike>}).modifiers
        return modifiers !== undefined && modifiers.some((m) => m.kind === kind)
    }

    /** Top-level statements whose every node has its parent pointer (setParentsDownTo). */
    private parented: Set<ts.Statement> | undefined

    /**
     * Gives a node that has no parent pointer (a walk skipped its subtree) its parents: those of the whole top-level
     * statement that holds it, found by bisection, are set once, so that look-ups in a file of many statements stay
     * linear.
     */
    setParentsDownTo(node: ts.Node): void {
        if (node.parent !== undefined || node === this.sf) return
        const statements = this.sf.statements
        let low = 0
        let high = statements.length - 1
        while (low < high) {
            const middle = (low + high + 1) >>> 1
            if (statements[middle].pos <= node.pos) low = middle
            else high = middle - 1
        }
        const statement = statements[low]
        if (statement === undefined || node.end > statement.end || (this.parented ??= new Set()).has(statement)) return
        this.parented.add(statement)
        const {forEachChild} = this.tsApi
        const bind = (child: ts.Node, parent: ts.Node): undefined => {
            ;(child as {parent: ts.Node}).parent = parent
            forEachChild(child, (grandchild) => bind(grandchild, child))
            return undefined
        }
        bind(statement, this.sf)
    }

    /** Strips parentheses, `as`, `satisfies`, `!` and type assertions, which do not change the value. */
    unwrap(expr: ts.Expression): ts.Expression {
        // Kinds compared in place: the node tests would be five calls per node read (most of them are no wrapper).
        const k = this.tsApi.SyntaxKind
        let e = expr
        for (;;) {
            const kind = e.kind
            if (
                kind !== k.ParenthesizedExpression &&
                kind !== k.AsExpression &&
                kind !== k.SatisfiesExpression &&
                kind !== k.NonNullExpression &&
                kind !== k.TypeAssertionExpression
            )
                return e
            e = (e as ts.ParenthesizedExpression).expression
        }
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

    /** namesBound, added to a set (no array per declaration). */
    addNamesBound(node: ts.BindingName, names: Set<string>): void {
        if (this.tsApi.isIdentifier(node)) names.add(node.text)
        else for (const el of node.elements) if (!this.tsApi.isOmittedExpression(el)) this.addNamesBound(el.name, names)
    }
}

/**
 * Where the lines of a text start, found with indexOf (TypeScript's computeLineStarts reads every character in
 * JavaScript: about 3 % of a cold run); empty when the text has a line break other than `\n` (`\r`, U+2028,
 * U+2029), which TypeScript's own table then handles.
 */
function lineStartsOf(text: string): number[] {
    // indexOf of one character is a memchr (and needs no scan at all for U+2028/9 in a Latin-1 text); a character
    // class scans in JavaScript's regular expression engine.
    if (text.includes("\r") || text.includes("\u2028") || text.includes("\u2029")) return []
    const starts = [0]
    for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1)
    return starts
}

/** The line (0-based) holding `pos`: the last start at or before it, searched from line `from`. */
function lineOf(starts: number[], pos: number, from = 0): number {
    let low = from
    let high = starts.length - 1
    while (low < high) {
        const middle = (low + high + 1) >>> 1
        if (starts[middle] <= pos) low = middle
        else high = middle - 1
    }
    return low
}
