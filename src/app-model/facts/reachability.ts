/**
 * What a function's statements return, from syntax: whether a statement always leaves the function (returns a
 * value or throws), which expressions are Responses, and which are Promises of one.
 */
import type {ts} from "@ts-morph/common"

import type {TypeScriptSyntax} from "../typescript.js"
import type {FileSyntax} from "./syntax.js"
import type {ReturnKind} from "./types.js"

const RESPONSE_FACTORIES = new Set(["json", "redirect", "error"])
const NONE: readonly ts.Node[] = []

/** The kinds statementsIn() looks into, made once for the compiler's SyntaxKind. */
let holderKinds: {of: typeof ts.SyntaxKind; kinds: Set<ts.SyntaxKind>} | undefined

function holders(k: typeof ts.SyntaxKind): Set<ts.SyntaxKind> {
    if (holderKinds?.of !== k) {
        const kinds = new Set([
            k.Block,
            k.CaseClause,
            k.DefaultClause,
            k.CaseBlock,
            k.IfStatement,
            k.TryStatement,
            k.CatchClause,
            k.SwitchStatement,
            k.ForStatement,
            k.ForInStatement,
            k.ForOfStatement,
            k.WhileStatement,
            k.DoStatement,
            k.LabeledStatement,
            k.WithStatement,
        ])
        holderKinds = {of: k, kinds}
    }
    return holderKinds.kinds
}

export class Reachability {
    private readonly tsApi: TypeScriptSyntax

    constructor(private readonly syntax: FileSyntax) {
        this.tsApi = syntax.tsApi
    }

    /**
     * The children of a statement (or clause) that may be statements of the same function, in source order: none
     * for anything else, functions and classes included. What forEachChild visits, without its expressions.
     */
    statementsIn(node: ts.Node): readonly (ts.Node | undefined)[] {
        const k = this.tsApi.SyntaxKind
        // One test for the many statements that hold none (the switch compares its cases one by one).
        if (!holders(k).has(node.kind)) return NONE
        switch (node.kind) {
            case k.Block:
            case k.CaseClause:
            case k.DefaultClause:
                return (node as ts.Block | ts.CaseOrDefaultClause).statements
            case k.CaseBlock:
                return (node as ts.CaseBlock).clauses
            case k.IfStatement:
                return [(node as ts.IfStatement).thenStatement, (node as ts.IfStatement).elseStatement]
            case k.TryStatement: {
                const t = node as ts.TryStatement
                return [t.tryBlock, t.catchClause, t.finallyBlock]
            }
            case k.CatchClause:
                return [(node as ts.CatchClause).block]
            case k.SwitchStatement:
                return [(node as ts.SwitchStatement).caseBlock]
            case k.ForStatement:
            case k.ForInStatement:
            case k.ForOfStatement:
            case k.WhileStatement:
            case k.DoStatement:
            case k.LabeledStatement:
            case k.WithStatement:
                return [(node as ts.IterationStatement | ts.LabeledStatement | ts.WithStatement).statement]
            default:
                return NONE
        }
    }

    /** `response`: what a Response built with the name `Response` is in this file (see FunctionReader.origin). */
    classifyReturnExpression(expr: ts.Expression, response: ReturnKind = "response"): ReturnKind {
        let e = this.syntax.unwrap(expr)
        if (this.tsApi.isAwaitExpression(e)) e = this.syntax.unwrap(e.expression)
        if (this.tsApi.isNewExpression(e) && this.tsApi.isIdentifier(e.expression)) {
            return e.expression.text === "Response" ? response : "unknown"
        }
        if (
            this.tsApi.isCallExpression(e) &&
            this.tsApi.isPropertyAccessExpression(e.expression) &&
            this.tsApi.isIdentifier(e.expression.expression) &&
            e.expression.expression.text === "Response" &&
            RESPONSE_FACTORIES.has(e.expression.name.text)
        ) {
            return response
        }
        if (
            this.tsApi.isStringLiteralLike(e) ||
            this.tsApi.isTemplateExpression(e) ||
            this.tsApi.isNumericLiteral(e) ||
            this.tsApi.isObjectLiteralExpression(e) ||
            this.tsApi.isArrayLiteralExpression(e) ||
            e.kind === this.tsApi.SyntaxKind.NullKeyword ||
            e.kind === this.tsApi.SyntaxKind.TrueKeyword ||
            e.kind === this.tsApi.SyntaxKind.FalseKeyword ||
            e.kind === this.tsApi.SyntaxKind.VoidExpression ||
            (this.tsApi.isIdentifier(e) && e.text === "undefined")
        ) {
            return "not-response"
        }
        return "unknown"
    }
    // ---- reachability: does a statement always leave the function (return a value or throw)?

    completes(node: ts.Statement | ts.Block): boolean {
        if (this.tsApi.isReturnStatement(node)) return true
        if (this.tsApi.isThrowStatement(node)) return true
        if (this.tsApi.isBlock(node)) return node.statements.some((s) => this.completes(s))
        if (this.tsApi.isIfStatement(node)) {
            return (
                node.elseStatement !== undefined &&
                this.completes(node.thenStatement) &&
                this.completes(node.elseStatement)
            )
        }
        if (this.tsApi.isTryStatement(node)) {
            if (node.finallyBlock && this.completes(node.finallyBlock)) return true
            return this.completes(node.tryBlock) && (!node.catchClause || this.completes(node.catchClause.block))
        }
        if (this.tsApi.isSwitchStatement(node)) {
            const clauses = node.caseBlock.clauses
            if (!clauses.some((c) => this.tsApi.isDefaultClause(c))) return false
            if (clauses.some((c) => c.statements.some((s) => this.breaksOut(s)))) return false
            const lastWithBody = [...clauses].reverse().find((c) => c.statements.length > 0)
            return lastWithBody !== undefined && lastWithBody.statements.some((s) => this.completes(s))
        }
        if (this.tsApi.isWhileStatement(node) || this.tsApi.isDoStatement(node)) {
            return node.expression.kind === this.tsApi.SyntaxKind.TrueKeyword && !this.breaksOut(node.statement)
        }
        if (this.tsApi.isForStatement(node)) return node.condition === undefined && !this.breaksOut(node.statement)
        if (this.tsApi.isLabeledStatement(node))
            return this.completes(node.statement) && !this.breaksOut(node.statement, node.label.text)
        return false
    }

    /** Whether `node` contains a `break` (or `break label`) that leaves the enclosing loop/switch. */
    breaksOut(node: ts.Node, label?: string): boolean {
        if (this.tsApi.isBreakStatement(node)) return node.label ? node.label.text === label : label === undefined
        if (this.tsApi.isFunctionLike(node) || this.tsApi.isClassLike(node)) return false
        const nested = this.tsApi.isIterationStatement(node, false) || this.tsApi.isSwitchStatement(node)
        // Unlabelled breaks inside a nested loop or switch belong to it.
        if (nested && label === undefined) return false
        return this.tsApi.forEachChild(node, (child) => this.breaksOut(child, label) || undefined) ?? false
    }

    /**
     * Whether an expression is a Promise, as far as syntax shows, and whether of a Response: `fetch(…)`,
     * `Promise.resolve(new Response(…))`, `new Promise(…)`, and `.then`/`.catch`/`.finally` chains, whose
     * callbacks decide what they resolve to.
     */
    promiseOf(expr: ts.Expression): "response" | "other" | undefined {
        const e = this.syntax.unwrap(expr)
        if (this.tsApi.isNewExpression(e))
            return this.tsApi.isIdentifier(e.expression) && e.expression.text === "Promise" ? "other" : undefined
        if (!this.tsApi.isCallExpression(e)) return undefined
        const callee = this.syntax.unwrap(e.expression)
        if (this.tsApi.isIdentifier(callee)) return callee.text === "fetch" ? "response" : undefined
        if (!this.tsApi.isPropertyAccessExpression(callee)) return undefined
        const method = callee.name.text
        const target = this.syntax.unwrap(callee.expression)
        const [first, second] = e.arguments
        if (this.tsApi.isIdentifier(target) && target.text === "Promise") {
            if (method !== "resolve")
                return ["reject", "all", "allSettled", "race", "any"].includes(method) ? "other" : undefined
            return first && this.resolvesToResponse(first) ? "response" : "other"
        }
        const callbacksRespond = [first, second].every((cb) => cb === undefined || this.callbackResponds(cb))
        if (method === "then") return first && callbacksRespond ? "response" : "other"
        if (method === "catch")
            return this.promiseOf(target) === "response" && callbacksRespond
                ? "response"
                : this.promiseOf(target) && "other"
        if (method === "finally") return this.promiseOf(target)
        return undefined
    }

    /** A value that a Promise resolving to it makes a Promise of a Response: a Response, or a Promise of one. */
    resolvesToResponse(expr: ts.Expression): boolean {
        return this.classifyReturnExpression(expr) === "response" || this.promiseOf(expr) === "response"
    }

    /** Whether a `.then`/`.catch` callback written in place returns (or throws) a Response on every path. */
    callbackResponds(cb: ts.Expression): boolean {
        const fn = this.syntax.unwrap(cb)
        if (!this.tsApi.isArrowFunction(fn) && !this.tsApi.isFunctionExpression(fn)) return false
        if (!this.tsApi.isBlock(fn.body)) return this.resolvesToResponse(fn.body)
        const last = fn.body.statements[fn.body.statements.length - 1]
        if (!last || !(this.tsApi.isReturnStatement(last) || this.tsApi.isThrowStatement(last))) return false
        const returns: (ts.Expression | undefined)[] = []
        const collect = (node: ts.Node): void => {
            for (const child of this.statementsIn(node)) {
                if (child && this.tsApi.isReturnStatement(child)) returns.push(child.expression)
                else if (child) collect(child)
            }
        }
        collect(fn.body)
        return returns.every((r) => r !== undefined && this.resolvesToResponse(r))
    }
}
