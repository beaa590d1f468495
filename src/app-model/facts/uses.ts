/**
 * Uses of imports anywhere in a file: property reads and calls of what attio/server and the app's modules export
 * (through namespaces, destructurings and const aliases in scope), calls that may create a webhook handler with
 * their fileName values, and dynamic imports of attio/client.
 */
import type {ts} from "@ts-morph/common"

import type {TypeScriptSyntax} from "../typescript.js"
import type {ModuleScope} from "./module-surface.js"
import type {FileSyntax} from "./syntax.js"
import {
    type FileNameFact,
    importedAs,
    isClientModule,
    type LocalRef,
    type RefFact,
    SDK_SERVER,
    type WebhookCallFact,
} from "./types.js"
import type {ConstantValues} from "./values.js"

export class SdkUses {
    private readonly tsApi: TypeScriptSyntax
    /** Names that may hold a LocalRef: watched imports, and consts bound to one (found as the walk goes). */
    private readonly watched = new Set<string>()

    constructor(
        private readonly syntax: FileSyntax,
        private readonly scope: ModuleScope,
        private readonly values: ConstantValues
    ) {
        this.tsApi = syntax.tsApi
    }

    /**
     * One walk over the file's nodes: it sets the parent pointers the scope look-ups need (TypeScript's
     * setParentRecursive walks with a work queue, several times slower) and lists, in document order, the
     * nodes read() reads. Reading waits until the walk is done, because a look-up may climb from a node
     * the walk has not reached yet (a const declared below the function that uses it). `mentions`: the sorted
     * offsets where the text names a watched import; given them, the walk skips what holds none (it sets the
     * parent pointer of each node it reaches, and look-ups set the rest they climb through).
     */
    collect(sf: ts.SourceFile, mentions?: readonly number[]): ts.Node[] {
        const {forEachChild, SyntaxKind} = this.tsApi
        const found: ts.Node[] = []
        // Every name a declaration binds: a look-up of any other name finds nothing to climb to (ConstantValues).
        const declared = new Set<string>()
        let parent: ts.Node = sf
        // The first mention at or after the node being bound: nodes come in the order of their positions.
        let next = 0
        const bind = (node: ts.Node): undefined => {
            const kind = node.kind
            // Tokens (identifiers, keywords, literals: most nodes) have no children; of them only identifiers start
            // a look-up, so only theirs need the pointer.
            if (kind <= SyntaxKind.LastToken) {
                if (kind === SyntaxKind.Identifier) (node as {parent: ts.Node}).parent = parent
                return undefined
            }
            ;(node as {parent: ts.Node}).parent = parent
            if (mentions) {
                while (next < mentions.length && mentions[next] < node.pos) next++
                // Nothing below names a watched import: nothing below can be read (see readFacts).
                if (next === mentions.length || mentions[next] >= node.end) return undefined
            }
            if (
                kind === SyntaxKind.CallExpression ||
                kind === SyntaxKind.PropertyAccessExpression ||
                kind === SyntaxKind.ElementAccessExpression
            ) {
                found.push(node)
            } else if (kind === SyntaxKind.VariableDeclaration || kind === SyntaxKind.Parameter) {
                const decl = node as ts.VariableDeclaration | ts.ParameterDeclaration
                this.syntax.addNamesBound(decl.name, declared)
                if (kind === SyntaxKind.VariableDeclaration && decl.initializer) found.push(node)
            } else if (
                kind === SyntaxKind.FunctionDeclaration ||
                kind === SyntaxKind.ClassDeclaration ||
                kind === SyntaxKind.EnumDeclaration
            ) {
                const name = (node as ts.FunctionDeclaration | ts.ClassDeclaration | ts.EnumDeclaration).name
                if (name) declared.add(name.text)
            }
            const outer = parent
            parent = node
            forEachChild(node, bind)
            parent = outer
            return undefined
        }
        forEachChild(sf, bind)
        this.values.declaredNames = declared
        if (mentions) this.values.guidedBy = this.scope.watchedImports
        return found
    }

    /** Whether read() found a const bound to a watched import, whose uses a walk guided by mentions may have skipped. */
    get foundAliases(): boolean {
        return this.watched.size > 0
    }

    /** Reads the nodes collect() listed, in its order (a binding read first names what later nodes use). */
    read(nodes: ts.Node[]): void {
        for (const node of nodes) {
            if (this.tsApi.isCallExpression(node)) this.readCall(node)
            else if (this.tsApi.isVariableDeclaration(node)) this.readBinding(node)
            else this.readMember(node as ts.Expression)
        }
    }

    private readCall(call: ts.CallExpression): void {
        const callee = call.expression
        if (callee.kind === this.tsApi.SyntaxKind.ImportKeyword) {
            const arg = call.arguments[0]
            if (arg && this.tsApi.isStringLiteralLike(arg) && isClientModule(arg.text)) {
                this.scope.facts.clientImports.push(this.syntax.rangeOfNode(call))
            }
            return
        }
        const ref = this.watchedRef(callee)
        if (!ref) return
        // A called property read is recorded as such by readMember; a called name here.
        if (this.tsApi.isIdentifier(this.syntax.unwrap(callee)))
            this.scope.facts.refs.push({
                local: ref.local,
                members: ref.members,
                range: this.syntax.rangeOfNode(callee),
                call: true,
            })
        if (!this.mayCreateHandler(ref)) return
        const arg = call.arguments[0] ? this.optionsObject(this.syntax.unwrap(call.arguments[0])) : undefined
        const prop =
            arg && this.tsApi.isObjectLiteralExpression(arg)
                ? arg.properties.find(
                      (p) =>
                          p.name &&
                          (this.tsApi.isIdentifier(p.name) || this.tsApi.isStringLiteral(p.name)) &&
                          p.name.text === "fileName"
                  )
                : undefined
        let value: ts.Expression | undefined
        if (prop && this.tsApi.isPropertyAssignment(prop)) value = prop.initializer
        else if (prop && this.tsApi.isShorthandPropertyAssignment(prop)) value = prop.name
        const at = value ?? call
        const fact: WebhookCallFact = {
            callee: ref,
            fileName: value
                ? this.fileNameFact(value)
                : arg
                  ? {kind: "needsTypes", text: this.syntax.text(arg)}
                  : {kind: "missing"},
            valueRange: this.syntax.rangeOfNode(at),
            valuePos: this.syntax.start(at),
            ...this.syntax.located(call),
        }
        if (value && this.tsApi.isStringLiteralLike(value)) {
            const start = this.syntax.start(value)
            fact.literal = {start, end: value.end, quote: this.syntax.sf.text[start]}
        }
        this.scope.facts.webhookCalls.push(fact)
    }

    /** The options argument, or the object literal a `const` it names holds (`const options = {fileName: "x"}`). */
    private optionsObject(arg: ts.Expression): ts.Expression {
        if (!this.tsApi.isIdentifier(arg)) return arg
        const found = this.values.lookup(arg)
        if (found.kind !== "const" || found.path.length > 0) return arg
        const init = this.syntax.unwrap(found.init)
        return this.tsApi.isObjectLiteralExpression(init) ? init : arg
    }

    /**
     * Whether a call through `ref` may be createWebhookHandler: a direct import from attio/server
     * settles it here; one from an app module (a re-export, perhaps renamed) only the module graph can.
     */
    private mayCreateHandler(ref: LocalRef): boolean {
        const imp = this.scope.facts.imports.find(
            (i) =>
                i.defaultLocal === ref.local ||
                i.namespaceLocal === ref.local ||
                i.named.some((n) => n.local === ref.local)
        )
        if (!imp) return false
        if (imp.module !== SDK_SERVER) return true
        const name =
            imp.namespaceLocal === ref.local ? ref.members[0] : imp.named.find((n) => n.local === ref.local)?.imported
        return name === "createWebhookHandler" && ref.members.length === (imp.namespaceLocal === ref.local ? 1 : 0)
    }

    /** `sdk.x`, `sdk["x"]` on a watched name: a use of what the import leads to. */
    private readMember(node: ts.Expression): void {
        const ref = this.watchedRef(node)
        if (!ref) return
        const fact: RefFact = {local: ref.local, members: ref.members, range: this.syntax.rangeOfNode(node)}
        if (node.parent && this.tsApi.isCallExpression(node.parent) && node.parent.expression === node) fact.call = true
        this.scope.facts.refs.push(fact)
    }

    /** `const make = sdk.createWebhookHandler`, `const {attioFetch} = sdk`: a new name for a ref, and a use of it. */
    private readBinding(decl: ts.VariableDeclaration): void {
        const base = this.watchedRef(decl.initializer!)
        if (!base) return
        for (const {name, path, node} of this.syntax.boundNames(decl.name)) {
            this.watched.add(name)
            if (path.length > 0)
                this.scope.facts.refs.push({
                    local: base.local,
                    members: [...base.members, ...path],
                    range: this.syntax.rangeOfNode(node),
                })
        }
    }

    /** refOf, for expressions whose root names something that may hold a ref (a cheap test first). */
    private watchedRef(expr: ts.Expression): LocalRef | undefined {
        let root = this.syntax.unwrap(expr)
        while (
            this.tsApi.isPropertyAccessExpression(root) ||
            root.kind === this.tsApi.SyntaxKind.ElementAccessExpression
        ) {
            root = this.syntax.unwrap((root as ts.PropertyAccessExpression | ts.ElementAccessExpression).expression)
        }
        if (!this.tsApi.isIdentifier(root)) return this.dynamicImport(root) ? this.refOf(expr) : undefined
        return this.scope.watchedImports.has(root.text) || this.watched.has(root.text) ? this.refOf(expr) : undefined
    }

    /** `await import("attio/server")` or of an app module (the bundler resolves it like an import): its module. */
    private dynamicImport(expr: ts.Expression): {module: string; call: ts.CallExpression} | undefined {
        let e = this.syntax.unwrap(expr)
        if (this.tsApi.isAwaitExpression(e)) e = this.syntax.unwrap(e.expression)
        if (!this.tsApi.isCallExpression(e) || e.expression.kind !== this.tsApi.SyntaxKind.ImportKeyword)
            return undefined
        const arg = e.arguments[0]
        if (!arg || !this.tsApi.isStringLiteralLike(arg)) return undefined
        return arg.text === SDK_SERVER || arg.text.startsWith(".") ? {module: arg.text, call: e} : undefined
    }

    /**
     * A dynamic import's namespace, as a LocalRef: an import fact binds it to a name no declaration can have, so
     * the module graph follows `(await import("attio/server")).createWebhookHandler` and
     * `const {createWebhookHandler} = await import("attio/server")` as it follows a namespace import.
     */
    private dynamicImportRef(module: string, call: ts.CallExpression): LocalRef {
        const local = `import(${JSON.stringify(module)})`
        if (!this.scope.watchedImports.has(local)) {
            this.scope.watchedImports.add(local)
            this.scope.facts.imports.push({
                module,
                typeOnly: false,
                named: [],
                namespaceLocal: local,
                ...this.syntax.located(call),
            })
        }
        return {local, members: []}
    }

    /** The import an expression reads, through property reads and const aliases in scope; undefined for anything else. */
    refOf(expr: ts.Expression): LocalRef | undefined {
        const e = this.syntax.unwrap(expr)
        if (this.tsApi.isPropertyAccessExpression(e) || e.kind === this.tsApi.SyntaxKind.ElementAccessExpression) {
            const access = e as ts.PropertyAccessExpression | ts.ElementAccessExpression
            const member = this.tsApi.isPropertyAccessExpression(access)
                ? access.name.text
                : this.tsApi.isStringLiteralLike(access.argumentExpression)
                  ? access.argumentExpression.text
                  : undefined
            const base = member === undefined ? undefined : this.refOf(access.expression)
            return base && {local: base.local, members: [...base.members, member!]}
        }
        const dynamic = this.dynamicImport(e)
        if (dynamic) return this.dynamicImportRef(dynamic.module, dynamic.call)
        if (!this.tsApi.isIdentifier(e)) return undefined
        const found = this.values.lookup(e)
        if (found.kind === "free")
            return this.scope.watchedImports.has(e.text) ? {local: e.text, members: []} : undefined
        if (found.kind !== "const" || this.values.resolving.has(found.decl)) return undefined
        this.values.resolving.add(found.decl)
        try {
            const base = this.refOf(found.init)
            return base && {local: base.local, members: [...base.members, ...found.path]}
        } finally {
            this.values.resolving.delete(found.decl)
        }
    }

    private fileNameFact(value: ts.Expression): FileNameFact {
        const values = this.values.literalValues(value) ?? this.values.identifierValues(value)
        if (values) return {kind: "values", values}
        const e = this.syntax.unwrap(value)
        // An import, unless a local binding of the same name shadows it.
        if (this.tsApi.isIdentifier(e) && this.values.binding(e) === "free") {
            const imported = importedAs(this.scope.facts, e.text)
            if (imported) return {kind: "import", ...imported}
        }
        return {kind: "needsTypes", text: this.syntax.text(value)}
    }
}
