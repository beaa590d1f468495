/**
 * Functions as syntax shows them: whether they are async, what their parameters and declared return types are,
 * what each return statement returns and which paths fall off the end (./reachability.ts), and where the names
 * Request, Response and Connection come from in the file.
 */
import type {ts} from "@ts-morph/common"

import type {TypeScriptSyntax} from "../typescript.js"
import type {ModuleScope} from "./module-surface.js"
import type {Reachability} from "./reachability.js"
import type {FileSyntax} from "./syntax.js"
import {
    CONNECTION_PROPERTIES,
    type ConnectionTypeFact,
    type FunctionFacts,
    importedAs,
    type MissingReturnFact,
    type ParamFact,
    type ReturnFact,
    SDK_SERVER,
    type TypeFact,
    type ValueFact,
} from "./types.js"

const CONNECTION_TYPES = new Set(["Connection", "UserConnection", "WorkspaceConnection"])
/** Modules whose Request and Response are the Fetch API's own (Node's globals are undici's). */
const FETCH_MODULES = new Set(["undici", "undici-types"])

export class FunctionReader {
    private readonly tsApi: TypeScriptSyntax
    private responseClass: ReturnType<FunctionReader["origin"]> | undefined

    constructor(
        private readonly syntax: FileSyntax,
        private readonly scope: ModuleScope,
        private readonly reachability: Reachability
    ) {
        this.tsApi = syntax.tsApi
    }

    functionValue(
        fn: ts.SignatureDeclaration & {body?: ts.Node},
        at: ts.Node,
        binding: ts.Identifier | undefined
    ): ValueFact {
        // Located first: `at` is often `fn`, whose start functionFacts then takes from FileSyntax's last answer.
        const {range, pos} = this.syntax.located(at)
        return {kind: "function", fn: this.functionFacts(fn, binding), range, pos}
    }

    functionFacts(fn: ts.SignatureDeclaration & {body?: ts.Node}, binding: ts.Identifier | undefined): FunctionFacts {
        const isAsync = this.syntax.hasModifier(fn, this.tsApi.SyntaxKind.AsyncKeyword)
        const start = this.syntax.start(fn)
        const facts: FunctionFacts = {
            name: fn.name && this.tsApi.isIdentifier(fn.name) ? fn.name.text : undefined,
            async: isAsync,
            generator: "asteriskToken" in fn && fn.asteriskToken !== undefined,
            declaredReturn: this.classifyReturnType(fn.type),
            declaredReturnText: fn.type && this.syntax.text(fn.type),
            // A `this` parameter is a type annotation, not an argument the platform passes.
            params: fn.parameters
                .filter((p) => !(this.tsApi.isIdentifier(p.name) && p.name.text === "this"))
                .map((p) => this.paramFacts(p)),
            returns: [],
            missingReturns: [],
            // The name, or for anonymous functions the head up to the parameter list.
            range: fn.name ? this.syntax.rangeOfNode(fn.name) : this.syntax.rangeOf(start, fn.parameters.pos - 1),
            pos: start,
            // Only needed where `async` is missing (for the fix that adds it).
            asyncAt: isAsync ? undefined : this.asyncPosition(fn),
        }
        if (!isAsync && binding) facts.usedElsewhere = this.usedElsewhere(binding)
        const body = fn.body
        if (!body) return facts
        if (!this.tsApi.isBlock(body)) {
            facts.returns.push(this.returnFact(body as ts.Expression))
            return facts
        }
        this.collectReturns(body, facts)
        if (!this.reachability.completes(body)) facts.missingReturns.push(this.fallOff(body))
        return facts
    }

    /** Whether an identifier named as `binding` occurs other than as it and in a default export of it. */
    private usedElsewhere(binding: ts.Identifier): boolean {
        const name = binding.text
        const uses = (node: ts.Node): boolean => {
            if (this.tsApi.isExportAssignment(node)) return false
            if (this.tsApi.isExportSpecifier(node) && node.name.text === "default") return false
            if (this.tsApi.isIdentifier(node)) return node !== binding && node.text === name
            return this.tsApi.forEachChild(node, (child) => uses(child) || undefined) ?? false
        }
        return uses(this.syntax.sf)
    }

    /** Where `async` goes: before the `function` keyword (after `export default`), else (arrows) at the start. */
    private asyncPosition(fn: ts.Node): number {
        const modifiers =
            this.tsApi.isArrowFunction(fn) || !this.tsApi.canHaveModifiers(fn) ? undefined : this.tsApi.getModifiers(fn)
        const last = modifiers?.[modifiers.length - 1]
        return last ? this.tsApi.skipTrivia(this.syntax.sf.text, last.end) : this.syntax.start(fn)
    }

    private paramFacts(p: ts.ParameterDeclaration): ParamFact {
        const {range, pos} = this.syntax.located(p)
        const fact: ParamFact = {
            text: this.syntax.sf.text.slice(pos, p.end),
            optional: p.questionToken !== undefined || p.initializer !== undefined || p.dotDotDotToken !== undefined,
            type: this.typeFact(p.type),
            range,
            pos,
        }
        if (this.tsApi.isObjectBindingPattern(p.name)) {
            fact.bindingNames = p.name.elements.map((el) => this.syntax.text(el.propertyName ?? el.name))
        }
        return fact
    }

    private typeFact(type: ts.TypeNode | undefined): TypeFact {
        // `any`/`unknown` say nothing about the shape: like no annotation.
        if (
            !type ||
            type.kind === this.tsApi.SyntaxKind.AnyKeyword ||
            type.kind === this.tsApi.SyntaxKind.UnknownKeyword
        )
            return {kind: "none"}
        if (this.tsApi.isTypeReferenceNode(type)) {
            const name = this.syntax.text(type.typeName)
            const text = this.syntax.text(type)
            if (name === "Request" || name === "globalThis.Request") {
                const origin = this.origin(name)
                if (origin === "fetch") return {kind: "request"}
                return origin === "ask" ? {kind: "reference", text} : {kind: "other", text: `${text} (${origin})`}
            }
            // The whole argument typed as a Connection, unless the name is some other module's.
            const bare = name.replace(/^.*\./, "")
            if (CONNECTION_TYPES.has(bare) && (bare !== name || this.isSdkName(name))) return {kind: "connection"}
            return {kind: "reference", text}
        }
        if (this.tsApi.isTypeLiteralNode(type)) {
            const properties = type.members.flatMap((m) => (m.name ? [this.syntax.text(m.name)] : []))
            const member = type.members.find((m) => m.name && this.syntax.text(m.name) === "connection")
            const declared =
                member?.kind === this.tsApi.SyntaxKind.PropertySignature
                    ? (member as ts.PropertySignature).type
                    : undefined
            const connection = declared && this.connectionType(declared)
            return connection ? {kind: "object", properties, connection} : {kind: "object", properties}
        }
        return {kind: "other", text: this.syntax.text(type)}
    }

    /** What a declared `connection` property type is, as far as syntax tells; undefined for none, any and unknown. */
    private connectionType(type: ts.TypeNode): ConnectionTypeFact | undefined {
        const k = this.tsApi.SyntaxKind
        if (type.kind === k.AnyKeyword || type.kind === k.UnknownKeyword) return undefined
        if (type.kind === k.ParenthesizedType) return this.connectionType((type as ts.ParenthesizedTypeNode).type)
        const text = this.syntax.text(type)
        if (this.tsApi.isTypeReferenceNode(type)) {
            const name = this.syntax.text(type.typeName)
            const bare = name.replace(/^.*\./, "")
            if (
                CONNECTION_TYPES.has(bare) &&
                (bare !== name || importedAs(this.scope.facts, name)?.module === SDK_SERVER)
            )
                return {kind: "sdk"}
            const origin = bare === name ? this.origin(name) : "ask"
            if (CONNECTION_TYPES.has(bare) && origin.startsWith("from "))
                return {kind: "incompatible", text: `${text} (${origin})`, ...this.syntax.located(type)}
            return {kind: "reference", text, ...this.syntax.located(type)}
        }
        if (type.kind === k.UnionType) {
            // `Connection | undefined`: the platform always passes one; the other members are the app's caution.
            const parts = (type as ts.UnionTypeNode).types
                .filter((t) => !this.isNullishType(t))
                .map((t) => this.connectionType(t))
            if (parts.some((p) => p === undefined)) return undefined
            return (
                parts.find((p) => p!.kind === "incompatible") ??
                parts.find((p) => p!.kind === "reference") ?? {kind: "sdk"}
            )
        }
        if (this.tsApi.isTypeLiteralNode(type)) {
            // A hand-written shape is compatible when the Connection has every property it names.
            const names = type.members.map((m) => (m.name ? this.syntax.text(m.name) : ""))
            return names.every((n) => CONNECTION_PROPERTIES.has(n))
                ? {kind: "sdk"}
                : {kind: "incompatible", text, ...this.syntax.located(type)}
        }
        if (type.kind === k.IntersectionType || type.kind === k.TypeQuery || type.kind === k.IndexedAccessType) {
            return {kind: "reference", text, ...this.syntax.located(type)}
        }
        // Keywords (`string`), literals, arrays, tuples, functions: no Connection is one of them.
        return {kind: "incompatible", text, ...this.syntax.located(type)}
    }

    /** Whether a type name is imported from attio/server (directly or through a module of the app: ask the graph then). */
    private isSdkName(name: string): boolean {
        const imported = importedAs(this.scope.facts, name)
        return imported !== undefined && (imported.module === SDK_SERVER || imported.module.startsWith("."))
    }

    /**
     * Where a global Fetch API name (Request, Response) used in this file comes from: `fetch` when
     * nothing in the file shadows it (or it is imported from undici, whose classes Node's globals
     * are), `ask` when an alias or a module of the app may stand for it, otherwise a description
     * of the look-alike.
     */
    private origin(name: string): "fetch" | "ask" | `from "${string}"` | "declared in this file" {
        if (name.startsWith("globalThis.")) return "fetch"
        const imported = importedAs(this.scope.facts, name)
        if (imported) {
            if (FETCH_MODULES.has(imported.module) && imported.name === name) return "fetch"
            return imported.module.startsWith(".") ? "ask" : `from "${imported.module}"`
        }
        const decl = this.scope.typeDecls.get(name) ?? this.scope.topLevel.get(name)
        if (!decl) return "fetch"
        if (decl.kind === this.tsApi.SyntaxKind.TypeAliasDeclaration) {
            const aliased = (decl as ts.TypeAliasDeclaration).type
            if (this.tsApi.isTypeReferenceNode(aliased) && this.syntax.text(aliased.typeName) === `globalThis.${name}`)
                return "fetch"
            return "ask"
        }
        // A const (`const Response = …`) may hold anything; interfaces, classes and enums are look-alikes.
        return this.tsApi.isVariableDeclaration(decl) ? "ask" : "declared in this file"
    }

    private classifyReturnType(type: ts.TypeNode | undefined): FunctionFacts["declaredReturn"] {
        if (!type) return "none"
        if (!this.tsApi.isTypeReferenceNode(type)) return "other"
        const name = this.syntax.text(type.typeName)
        if (name === "Response" || name === "globalThis.Response") return this.responseOrigin(name, "response")
        if (name !== "Promise") return "other"
        const arg = type.typeArguments?.[0]
        if (!arg || !this.tsApi.isTypeReferenceNode(arg)) return "promise"
        const argName = this.syntax.text(arg.typeName)
        return argName === "Response" || argName === "globalThis.Response"
            ? this.responseOrigin(argName, "promise-response")
            : "promise"
    }

    /** `fetch` as what syntax shows; a look-alike is foreign, an alias or an app module's name `other` (ask the checker). */
    private responseOrigin(name: string, fetch: "response" | "promise-response"): FunctionFacts["declaredReturn"] {
        const origin = this.origin(name)
        return origin === "fetch" ? fetch : origin === "ask" ? "other" : "foreign"
    }

    /** The function's own return statements: statements only, as expressions hold none but nested functions'. */
    private collectReturns(node: ts.Node, facts: FunctionFacts): void {
        for (const child of this.reachability.statementsIn(node)) {
            if (!child) continue
            if (this.tsApi.isReturnStatement(child)) {
                if (child.expression) facts.returns.push(this.returnFact(child.expression))
                else facts.missingReturns.push({range: this.syntax.rangeOfNode(child), reason: "bare-return"})
            } else {
                this.collectReturns(child, facts)
            }
        }
    }

    private returnFact(expr: ts.Expression): ReturnFact {
        // What `new Response(…)` makes in this file: the Fetch API's, a look-alike's, or (an app module's) unknown.
        const origin = (this.responseClass ??= this.origin("Response"))
        const response = origin === "fetch" ? "response" : origin === "ask" ? "unknown" : "not-response"
        const promise = this.reachability.promiseOf(expr)
        const {range, pos} = this.syntax.located(expr)
        const fact: ReturnFact = {
            kind: this.reachability.classifyReturnExpression(expr, response),
            text: this.syntax.sf.text.slice(pos, expr.end),
            range,
            pos,
        }
        if (promise) fact.promise = promise
        return fact
    }

    /** Where a path that falls off the end of the body comes from, most specific first. */
    private fallOff(body: ts.Block): MissingReturnFact {
        let block: ts.Block = body
        for (;;) {
            const last = block.statements[block.statements.length - 1]
            if (last && this.tsApi.isTryStatement(last)) {
                if (last.catchClause && !this.reachability.completes(last.catchClause.block)) {
                    return {range: this.syntax.rangeOfNode(last.catchClause, "catch".length), reason: "catch"}
                }
                if (!this.reachability.completes(last.tryBlock)) {
                    block = last.tryBlock
                    continue
                }
            }
            if (
                last &&
                this.tsApi.isIfStatement(last) &&
                this.reachability.completes(last.thenStatement) &&
                !last.elseStatement
            ) {
                return {range: this.syntax.rangeOfNode(last, "if".length), reason: "if"}
            }
            const closing = body.end - 1
            const end: MissingReturnFact = {range: this.syntax.rangeOf(closing, closing + 1), reason: "end"}
            return last && this.typesMayEnd(last) ? {...end, typesDecide: true} : end
        }
    }

    /**
     * A last statement that may end the path as the checker sees it: a switch without default, or a call the checker
     * may take for one returning `never` (not awaited, as TypeScript requires, and not of `console`).
     */
    private typesMayEnd(last: ts.Statement): boolean {
        if (this.tsApi.isSwitchStatement(last))
            return !last.caseBlock.clauses.some((c) => this.tsApi.isDefaultClause(c))
        if (last.kind !== this.tsApi.SyntaxKind.ExpressionStatement) return false
        const e = (last as ts.ExpressionStatement).expression
        if (!this.tsApi.isCallExpression(e)) return false
        const callee = e.expression
        return !(
            this.tsApi.isPropertyAccessExpression(callee) &&
            this.tsApi.isIdentifier(callee.expression) &&
            callee.expression.text === "console"
        )
    }

    private isNullishType(t: ts.TypeNode): boolean {
        const k = this.tsApi.SyntaxKind
        if (t.kind === k.LiteralType) return (t as ts.LiteralTypeNode).literal.kind === k.NullKeyword
        return t.kind === k.UndefinedKeyword || t.kind === k.VoidKeyword || t.kind === k.NullKeyword
    }
}
