/**
 * Per-file facts: what one source file says, read from its syntax alone. Everything here is plain
 * data (JSON-serialisable) so that it can be cached by content hash; nothing here builds a type
 * checker. Where syntax cannot decide, the fact says so (`needsTypes`) and records the node's
 * position so that type information can be asked for that file only.
 */
import type {ts} from "ts-morph"

import {importUse, typeScriptInJavaScript} from "./bundler-syntax.js"
import {type TypeScriptSyntax, typescriptSyntax} from "./typescript.js"

/** The compiler's syntax API, bound on the first extraction (see typescript.ts). */
let tsApi: TypeScriptSyntax

import type {Range} from "./range.js"

export const SDK_SERVER = "attio/server"
export const SDK_CLIENT = "attio/client"

export interface Located {
    range: Range
    /** Start offset of the node, for type look-ups. */
    pos: number
}

export interface ImportFact extends Located {
    module: string
    typeOnly: boolean
    defaultLocal?: string
    namespaceLocal?: string
    named: {imported: string; local: string; typeOnly: boolean; range: Range}[]
}

/**
 * What an exported name refers to: a top-level local, or a name re-exported from another module
 * (`*` for `export * as ns from`, the module's namespace object).
 */
export type ExportTarget = {local: string} | {module: string; name: string; typeOnly?: true}

/**
 * A top-level import binding of the file followed by property names, after in-file aliases:
 * `sdk.createWebhookHandler`, `const {createWebhookHandler: make} = sdk; make(…)` and
 * `const make = sdk.createWebhookHandler` are all {local: "sdk", members: ["createWebhookHandler"]}.
 * Where the import leads is a question for the module graph (AppAnalysis).
 */
export interface LocalRef {
    local: string
    members: string[]
}

export interface RefFact extends LocalRef {
    range: Range
    /** The read is called: `sdk.attioFetch(…)`, `fetchIt(…)`. */
    call?: true
}

export type TypeFact =
    | {kind: "none"}
    /** The Fetch API's Request: the global name, not shadowed by a declaration or an import of the file. */
    | {kind: "request"}
    | {kind: "connection"}
    /** A type literal; `connection`: what its `connection` property is declared as, when it has a type. */
    | {kind: "object"; properties: string[]; connection?: ConnectionTypeFact}
    /** A named type syntax cannot judge (an alias, an import from a module of the app): ask the checker. */
    | {kind: "reference"; text: string}
    | {kind: "other"; text: string}

/** The declared type of an event argument's `connection`, judged by where its name comes from. */
export type ConnectionTypeFact =
    | {kind: "sdk"}
    /** Syntax shows it is not the SDK's Connection nor compatible with it (`string`, `{token: string}`). */
    | ({kind: "incompatible"; text: string} & Located)
    /** A named type syntax cannot judge: ask the checker, at the type node. */
    | ({kind: "reference"; text: string} & Located)

export interface ParamFact extends Located {
    text: string
    /** Optional, defaulted or rest: the platform may omit it. */
    optional: boolean
    type: TypeFact
    /** Names bound by an object destructuring pattern, e.g. `{connection}`. */
    bindingNames?: string[]
}

export type ReturnKind = "response" | "not-response" | "unknown"

export interface ReturnFact extends Located {
    kind: ReturnKind
    text: string
    /** The value is a Promise, as syntax shows (`fetch(…)`, `Promise.resolve(…)`, `.then(…)`): of a Response, or of something else. */
    promise?: "response" | "other"
}

export type MissingReturnReason = "end" | "bare-return" | "catch" | "if"

export interface MissingReturnFact {
    range: Range
    reason: MissingReturnReason
}

export interface FunctionFacts extends Located {
    name?: string
    async: boolean
    generator: boolean
    /**
     * The declared return type, classified; `foreign` names a Response that syntax shows is not the
     * Fetch API's (declared in the file, or imported from a package).
     */
    declaredReturn: "none" | "response" | "promise-response" | "promise" | "other" | "foreign"
    declaredReturnText?: string
    params: ParamFact[]
    returns: ReturnFact[]
    /** Paths that end without returning a value (expression-bodied arrows have none). */
    missingReturns: MissingReturnFact[]
    /** Where `async ` would go (before `function` or the arrow's parameters), for functions that lack it. */
    asyncAt?: number
    /**
     * For functions that lack `async`: whether the file uses the function's name other than in its
     * declaration and a default export of it (a caller there would get a Promise after the fix).
     */
    usedElsewhere?: boolean
}

/** What an exported binding is, as far as syntax tells. */
export type ValueFact =
    | ({kind: "function"; fn: FunctionFacts} & Located)
    | ({kind: "not-function"; what: string} & Located)
    | ({kind: "import"; module: string; name: string} & Located)
    /** Syntax cannot tell (e.g. `export default wrap(handler)`): ask the type checker. */
    | ({kind: "unknown"; text: string} & Located)

export type FileNameFact =
    | {kind: "values"; values: string[]}
    | {kind: "import"; module: string; name: string}
    | {kind: "needsTypes"; text: string}
    | {kind: "missing"}

/** A call that may be the SDK's createWebhookHandler: whether it is, the module graph decides. */
export interface WebhookCallFact extends Located {
    callee: LocalRef
    fileName: FileNameFact
    /** Range of the fileName value (or of the call when there is none). */
    valueRange: Range
    valuePos: number
    /** Where the value is a string literal at the call: its offsets and quote, for fixes. */
    literal?: {start: number; end: number; quote: string}
}

export interface FileFacts {
    parseError?: {message: string; range: Range}
    imports: ImportFact[]
    exports: Record<string, ExportTarget>
    starExports: string[]
    /** Top-level `const` string values (literals, `as const` arrays and unions of both). */
    consts: Record<string, string[]>
    /** Exported names (including `default`) and what they are. */
    exportValues: Record<string, ValueFact>
    webhookCalls: WebhookCallFact[]
    /** Top-level consts bound to an import (`const make = sdk.createWebhookHandler`), for re-exports of them. */
    aliases: Record<string, LocalRef>
    /** Property reads and destructurings of imports from attio/server and from app modules (`sdk.attioFetch`). */
    refs: RefFact[]
    clientImports: Range[]
    /**
     * Imports of attio/client the bundler erases from a TypeScript file unless the tsconfig sets
     * verbatimModuleSyntax (`import {type X}`, value imports used only as types): not in clientImports,
     * which holds the imports and re-exports it keeps (and so fails on in server code).
     */
    clientTypeImports?: Range[]
}

/** Files worth parsing at all: a cheap text test before the parser runs. */
export function mentionsSdk(text: string): boolean {
    return text.includes("attio/")
}

export function extractFacts(fileName: string, text: string): FileFacts {
    tsApi ??= typescriptSyntax()
    // JSDoc says nothing the checks need: not parsing it saves time on every file.
    const options = {languageVersion: tsApi.ScriptTarget.Latest, jsDocParsingMode: tsApi.JSDocParsingMode.ParseNone}
    // Parent pointers cost a walk over every node; only the scope lookups around SDK calls need them.
    try {
        const sf = tsApi.createSourceFile(fileName, text, options, false, scriptKind(fileName))
        return new FactsReader(sf, DYNAMIC_IMPORT.test(text)).read()
    } catch (error) {
        // Thousands of nested blocks exhaust the stack of the parser or of the walk (tsc fails there too).
        if (!(error instanceof RangeError)) throw error
        return {...emptyFacts(), parseError: {message: "the file is nested too deeply to analyse", range: {line: 1, column: 1, endLine: 1, endColumn: 1}}}
    }
}

function scriptKind(fileName: string): ts.ScriptKind {
    if (/\.[cm]?tsx?$/.test(fileName)) return fileName.endsWith("x") ? tsApi.ScriptKind.TSX : tsApi.ScriptKind.TS
    return fileName.endsWith("x") ? tsApi.ScriptKind.JSX : tsApi.ScriptKind.JS
}

const DYNAMIC_IMPORT = /import\s*\(/

const RESPONSE_FACTORIES = new Set(["json", "redirect", "error"])
const CONNECTION_TYPES = new Set(["Connection", "UserConnection", "WorkspaceConnection"])
/** What the SDK's Connection has (both of its kinds): a type with only these is compatible with it. */
export const CONNECTION_PROPERTIES = new Set(["id", "value", "connection_key", "createdBy", "ownedBy"])
/** Modules whose Request and Response are the Fetch API's own (Node's globals are undici's). */
const FETCH_MODULES = new Set(["undici", "undici-types"])

function emptyFacts(): FileFacts {
    return {
        imports: [],
        exports: {},
        starExports: [],
        consts: {},
        exportValues: {},
        webhookCalls: [],
        aliases: {},
        refs: [],
        clientImports: [],
    }
}

class FactsReader {
    private readonly facts: FileFacts = emptyFacts()
    /** Value imports from attio/server and from app modules: the roots of LocalRefs. */
    private readonly watchedImports = new Set<string>()
    /** Names that may hold a LocalRef: watched imports, and consts bound to one (found as the walk goes). */
    private readonly watched = new Set<string>()
    /** Top-level declarations by name, for following `export default ident`. */
    private readonly topLevel = new Map<string, ts.Node>()
    /** Top-level interfaces and type aliases by name, for judging where a type name comes from. */
    private readonly typeDecls = new Map<string, ts.Node>()
    /** Declarations whose values are being worked out, against cycles such as `const a = x ? a : "b"`. */
    private readonly resolving = new Set<ts.Node>()
    private responseClass: ReturnType<FactsReader["origin"]> | undefined

    constructor(
        private readonly sf: ts.SourceFile,
        /** Whether the text may hold a dynamic `import()` (of attio/client). */
        private readonly hasDynamicImport: boolean
    ) {}

    read(): FileFacts {
        const diagnostics = (this.sf as unknown as {parseDiagnostics?: ts.DiagnosticWithLocation[]}).parseDiagnostics
        if (diagnostics && diagnostics.length > 0) {
            const d = diagnostics[0]
            this.facts.parseError = {
                message: tsApi.flattenDiagnosticMessageText(d.messageText, " "),
                range: this.rangeOf(d.start, d.start + Math.max(d.length, 1)),
            }
        }
        // As the build's bundler: a .js file is plain JavaScript (TypeScript's parser accepts types there).
        const js = /\.[cm]?jsx?$/.exec(this.sf.fileName)
        const foreign = js && !this.facts.parseError && typeScriptInJavaScript(tsApi, this.sf, js[0].endsWith("x"))
        if (foreign) this.facts.parseError = {message: foreign.message, range: this.rangeOfNode(foreign.node)}
        for (const statement of this.sf.statements) this.readTopLevel(statement)
        this.sortClientImports()
        // Most files import nothing that could lead to the SDK: the walk over every node (and the
        // parent pointers its scope look-ups need) is skipped.
        const walk = this.watchedImports.size > 0 || this.hasDynamicImport
        if (walk) tsApi.setParentRecursive(this.sf, false)
        if (this.watchedImports.size > 0) for (const statement of this.sf.statements) this.readAliases(statement)
        for (const statement of this.sf.statements) this.readExports(statement)
        if (walk) this.visit(this.sf)
        return this.facts
    }

    // ---- top level: imports, declarations, consts

    /**
     * Sorts the imports of attio/client by what the bundler does with them: `import type` it always
     * erases; from a TypeScript file also an import whose bindings are all marked types (or none:
     * `import {}`) or used only in types, unless the tsconfig says verbatimModuleSyntax. A JavaScript
     * file's it keeps, as a side-effect import. An unused value import is judged as kept: the
     * template's noUnusedLocals fails the build on it anyway.
     */
    private sortClientImports(): void {
        const typeScript = /\.[cm]?tsx?$/.test(this.sf.fileName)
        for (const fact of this.facts.imports) {
            if (!isClientModule(fact.module) || !(fact.typeOnly || typeScript)) continue
            const node = this.sf.statements.find((s) => tsApi.isImportDeclaration(s) && this.start(s) === fact.pos) as ts.ImportDeclaration
            const locals = [fact.defaultLocal, fact.namespaceLocal, ...fact.named.filter((n) => !n.typeOnly).map((n) => n.local)]
            const values = new Set(locals.filter((l) => l !== undefined))
            const typesOnly = node.importClause !== undefined && (values.size === 0 || importUse(tsApi, this.sf, values, node) === "type")
            if (!fact.typeOnly && !typesOnly) continue
            this.facts.clientImports = this.facts.clientImports.filter((range) => range !== fact.range)
            if (!fact.typeOnly) (this.facts.clientTypeImports ??= []).push(fact.range)
        }
    }

    private readTopLevel(statement: ts.Statement): void {
        if (tsApi.isImportDeclaration(statement) && tsApi.isStringLiteral(statement.moduleSpecifier)) {
            this.readImport(statement, statement.moduleSpecifier.text)
        } else if (tsApi.isFunctionDeclaration(statement) || tsApi.isClassDeclaration(statement)) {
            if (statement.name) this.topLevel.set(statement.name.text, statement)
        } else if (tsApi.isVariableStatement(statement)) {
            const isConst = (statement.declarationList.flags & tsApi.NodeFlags.Const) !== 0
            for (const decl of statement.declarationList.declarations) {
                if (!tsApi.isIdentifier(decl.name)) continue
                this.topLevel.set(decl.name.text, decl)
                const values = isConst && decl.initializer ? this.literalValues(decl.initializer) : undefined
                if (values) this.facts.consts[decl.name.text] = values
            }
        } else if (tsApi.isEnumDeclaration(statement) || tsApi.isModuleDeclaration(statement)) {
            if (tsApi.isIdentifier(statement.name)) this.topLevel.set(statement.name.text, statement)
        } else if (statement.kind === tsApi.SyntaxKind.InterfaceDeclaration || statement.kind === tsApi.SyntaxKind.TypeAliasDeclaration) {
            const name = (statement as ts.InterfaceDeclaration | ts.TypeAliasDeclaration).name
            this.typeDecls.set(name.text, statement)
        }
    }

    private readImport(node: ts.ImportDeclaration, module: string): void {
        const clause = node.importClause
        const typeOnly = clause?.isTypeOnly ?? false
        const fact: ImportFact = {module, typeOnly, named: [], ...this.located(node)}
        if (clause?.name) fact.defaultLocal = clause.name.text
        const bindings = clause?.namedBindings
        if (bindings && tsApi.isNamespaceImport(bindings)) fact.namespaceLocal = bindings.name.text
        if (bindings && tsApi.isNamedImports(bindings)) {
            for (const el of bindings.elements) {
                fact.named.push({
                    imported: (el.propertyName ?? el.name).text,
                    local: el.name.text,
                    typeOnly: typeOnly || el.isTypeOnly,
                    range: this.rangeOfNode(el),
                })
            }
        }
        this.facts.imports.push(fact)
        if (isClientModule(module)) this.facts.clientImports.push(fact.range)
        if ((module !== SDK_SERVER && !module.startsWith(".")) || typeOnly) return
        const locals = [fact.defaultLocal, fact.namespaceLocal, ...fact.named.filter((n) => !n.typeOnly).map((n) => n.local)]
        for (const local of locals) if (local) this.watchedImports.add(local)
    }

    /** Top-level consts bound to a watched import: what `export {make}` of one re-exports. */
    private readAliases(statement: ts.Statement): void {
        if (!tsApi.isVariableStatement(statement) || (statement.declarationList.flags & tsApi.NodeFlags.Const) === 0) return
        for (const decl of statement.declarationList.declarations) {
            const base = decl.initializer && this.refOf(decl.initializer)
            if (!base) continue
            for (const {name, path} of boundNames(decl.name)) {
                this.facts.aliases[name] = {local: base.local, members: [...base.members, ...path]}
            }
        }
    }

    private readExports(statement: ts.Statement): void {
        if (tsApi.isExportDeclaration(statement)) {
            const module =
                statement.moduleSpecifier && tsApi.isStringLiteral(statement.moduleSpecifier)
                    ? statement.moduleSpecifier.text
                    : undefined
            if (module && isClientModule(module) && !statement.isTypeOnly) this.facts.clientImports.push(this.rangeOfNode(statement))
            const clause = statement.exportClause
            if (!clause) {
                if (module) this.facts.starExports.push(module)
                return
            }
            if (!tsApi.isNamedExports(clause)) {
                // `export * as ns from "m"`: the module's namespace object.
                if (!module || !tsApi.isIdentifier(clause.name)) return
                this.facts.exports[clause.name.text] = {module, name: "*"}
                this.facts.exportValues[clause.name.text] = {kind: "not-function", what: "a module namespace object", ...this.located(clause)}
                return
            }
            for (const el of clause.elements) {
                const exported = el.name.text
                const local = (el.propertyName ?? el.name).text
                const typeOnly = statement.isTypeOnly || el.isTypeOnly
                this.facts.exports[exported] = module ? {module, name: local, ...(typeOnly && {typeOnly})} : {local}
                this.facts.exportValues[exported] = module
                    ? {kind: "import", module, name: local, ...this.located(el)}
                    : this.valueOfLocal(local, el)
            }
            return
        }
        if (tsApi.isExportAssignment(statement) && !statement.isExportEquals) {
            // `export default make` is what `make` is (an import, an alias, a const), for the module graph.
            const e = unwrap(statement.expression)
            this.facts.exports.default = {local: tsApi.isIdentifier(e) ? e.text : "default"}
            this.facts.exportValues.default = this.valueOfExpression(statement.expression, statement)
            return
        }
        const modifiers = tsApi.canHaveModifiers(statement) ? tsApi.getModifiers(statement) : undefined
        if (!modifiers?.some((m) => m.kind === tsApi.SyntaxKind.ExportKeyword)) return
        const isDefault = modifiers.some((m) => m.kind === tsApi.SyntaxKind.DefaultKeyword)
        if (tsApi.isVariableStatement(statement)) {
            for (const decl of statement.declarationList.declarations) {
                if (!tsApi.isIdentifier(decl.name)) continue
                this.facts.exports[decl.name.text] = {local: decl.name.text}
                this.facts.exportValues[decl.name.text] = this.valueOfLocal(decl.name.text, decl)
            }
        } else if (tsApi.isFunctionDeclaration(statement) || tsApi.isClassDeclaration(statement)) {
            const exported = isDefault ? "default" : statement.name?.text
            if (!exported) return
            this.facts.exports[exported] = {local: statement.name?.text ?? "default"}
            this.facts.exportValues[exported] = tsApi.isFunctionDeclaration(statement)
                ? this.functionValue(statement, statement, statement.name)
                : {kind: "not-function", what: "a class", ...this.located(statement)}
        }
    }

    private valueOfLocal(local: string, at: ts.Node): ValueFact {
        const imported = importedAs(this.facts, local)
        if (imported) return {kind: "import", ...imported, ...this.located(at)}
        const decl = this.topLevel.get(local)
        if (!decl) return {kind: "unknown", text: local, ...this.located(at)}
        if (tsApi.isFunctionDeclaration(decl)) return this.functionValue(decl, at, decl.name)
        if (tsApi.isClassDeclaration(decl)) return {kind: "not-function", what: "a class", ...this.located(at)}
        if (tsApi.isVariableDeclaration(decl)) {
            if (!decl.initializer) return {kind: "not-function", what: `\`${local}\` without a value`, ...this.located(at)}
            return this.valueOfExpression(decl.initializer, at, tsApi.isIdentifier(decl.name) ? decl.name : undefined)
        }
        return {kind: "not-function", what: `\`${local}\``, ...this.located(at)}
    }

    /** `binding`: the name the expression is declared under (`const h = …`), if any. */
    private valueOfExpression(expr: ts.Expression, at: ts.Node, binding?: ts.Identifier): ValueFact {
        const e = unwrap(expr)
        if (tsApi.isFunctionExpression(e) || tsApi.isArrowFunction(e)) return this.functionValue(e, at, binding)
        if (tsApi.isIdentifier(e)) return this.valueOfLocal(e.text, at)
        if (tsApi.isClassExpression(e)) return {kind: "not-function", what: "a class", ...this.located(at)}
        const what = describeNonFunction(e)
        if (what) return {kind: "not-function", what, ...this.located(at)}
        return {kind: "unknown", text: this.text(e), ...this.located(at)}
    }

    // ---- functions

    private functionValue(fn: ts.SignatureDeclaration & {body?: ts.Node}, at: ts.Node, binding: ts.Identifier | undefined): ValueFact {
        return {kind: "function", fn: this.functionFacts(fn, binding), ...this.located(at)}
    }

    private functionFacts(fn: ts.SignatureDeclaration & {body?: ts.Node}, binding: ts.Identifier | undefined): FunctionFacts {
        const modifiers = tsApi.canHaveModifiers(fn) ? tsApi.getModifiers(fn) : undefined
        const isAsync = modifiers?.some((m) => m.kind === tsApi.SyntaxKind.AsyncKeyword) ?? false
        const facts: FunctionFacts = {
            name: fn.name && tsApi.isIdentifier(fn.name) ? fn.name.text : undefined,
            async: isAsync,
            generator: "asteriskToken" in fn && fn.asteriskToken !== undefined,
            declaredReturn: this.classifyReturnType(fn.type),
            declaredReturnText: fn.type && this.text(fn.type),
            params: fn.parameters.map((p) => this.paramFacts(p)),
            returns: [],
            missingReturns: [],
            // The name, or for anonymous functions the head up to the parameter list.
            range: fn.name ? this.rangeOfNode(fn.name) : this.rangeOf(this.start(fn), fn.parameters.pos - 1),
            pos: this.start(fn),
            // Only needed where `async` is missing (for the fix that adds it).
            asyncAt: isAsync ? undefined : this.asyncPosition(fn),
        }
        if (!isAsync && binding) facts.usedElsewhere = this.usedElsewhere(binding)
        const body = fn.body
        if (!body) return facts
        if (!tsApi.isBlock(body)) {
            facts.returns.push(this.returnFact(body as ts.Expression))
            return facts
        }
        this.collectReturns(body, facts)
        if (!completes(body)) facts.missingReturns.push(this.fallOff(body))
        return facts
    }

    /** Whether an identifier named as `binding` occurs other than as it and in a default export of it. */
    private usedElsewhere(binding: ts.Identifier): boolean {
        const name = binding.text
        const uses = (node: ts.Node): boolean => {
            if (tsApi.isExportAssignment(node)) return false
            if (tsApi.isExportSpecifier(node) && node.name.text === "default") return false
            if (tsApi.isIdentifier(node)) return node !== binding && node.text === name
            return tsApi.forEachChild(node, (child) => uses(child) || undefined) ?? false
        }
        return uses(this.sf)
    }

    /** Where `async` goes: before the `function` keyword (after `export default`), else (arrows) at the start. */
    private asyncPosition(fn: ts.Node): number {
        const modifiers = tsApi.isArrowFunction(fn) || !tsApi.canHaveModifiers(fn) ? undefined : tsApi.getModifiers(fn)
        const last = modifiers?.[modifiers.length - 1]
        return last ? tsApi.skipTrivia(this.sf.text, last.end) : this.start(fn)
    }

    private paramFacts(p: ts.ParameterDeclaration): ParamFact {
        const fact: ParamFact = {
            text: this.text(p),
            optional: p.questionToken !== undefined || p.initializer !== undefined || p.dotDotDotToken !== undefined,
            type: this.typeFact(p.type),
            ...this.located(p),
        }
        if (tsApi.isObjectBindingPattern(p.name)) {
            fact.bindingNames = p.name.elements.map((el) => this.text(el.propertyName ?? el.name))
        }
        return fact
    }

    private typeFact(type: ts.TypeNode | undefined): TypeFact {
        // `any`/`unknown` say nothing about the shape: like no annotation.
        if (!type || type.kind === tsApi.SyntaxKind.AnyKeyword || type.kind === tsApi.SyntaxKind.UnknownKeyword) return {kind: "none"}
        if (tsApi.isTypeReferenceNode(type)) {
            const name = this.text(type.typeName)
            const text = this.text(type)
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
        if (tsApi.isTypeLiteralNode(type)) {
            const properties = type.members.flatMap((m) => (m.name ? [this.text(m.name)] : []))
            const member = type.members.find((m) => m.name && this.text(m.name) === "connection")
            const declared = member?.kind === tsApi.SyntaxKind.PropertySignature ? (member as ts.PropertySignature).type : undefined
            const connection = declared && this.connectionType(declared)
            return connection ? {kind: "object", properties, connection} : {kind: "object", properties}
        }
        return {kind: "other", text: this.text(type)}
    }

    /** What a declared `connection` property type is, as far as syntax tells; undefined for none, any and unknown. */
    private connectionType(type: ts.TypeNode): ConnectionTypeFact | undefined {
        const k = tsApi.SyntaxKind
        if (type.kind === k.AnyKeyword || type.kind === k.UnknownKeyword) return undefined
        if (type.kind === k.ParenthesizedType) return this.connectionType((type as ts.ParenthesizedTypeNode).type)
        const text = this.text(type)
        if (tsApi.isTypeReferenceNode(type)) {
            const name = this.text(type.typeName)
            const bare = name.replace(/^.*\./, "")
            if (CONNECTION_TYPES.has(bare) && (bare !== name || importedAs(this.facts, name)?.module === SDK_SERVER)) return {kind: "sdk"}
            const origin = bare === name ? this.origin(name) : "ask"
            if (CONNECTION_TYPES.has(bare) && origin.startsWith("from ")) return {kind: "incompatible", text: `${text} (${origin})`, ...this.located(type)}
            return {kind: "reference", text, ...this.located(type)}
        }
        if (type.kind === k.UnionType) {
            // `Connection | undefined`: the platform always passes one; the other members are the app's caution.
            const parts = (type as ts.UnionTypeNode).types
                .filter((t) => !isNullishType(t))
                .map((t) => this.connectionType(t))
            if (parts.some((p) => p === undefined)) return undefined
            return parts.find((p) => p!.kind === "incompatible") ?? parts.find((p) => p!.kind === "reference") ?? {kind: "sdk"}
        }
        if (tsApi.isTypeLiteralNode(type)) {
            // A hand-written shape is compatible when the Connection has every property it names.
            const names = type.members.map((m) => (m.name ? this.text(m.name) : ""))
            return names.every((n) => CONNECTION_PROPERTIES.has(n)) ? {kind: "sdk"} : {kind: "incompatible", text, ...this.located(type)}
        }
        if (type.kind === k.IntersectionType || type.kind === k.TypeQuery || type.kind === k.IndexedAccessType) {
            return {kind: "reference", text, ...this.located(type)}
        }
        // Keywords (`string`), literals, arrays, tuples, functions: no Connection is one of them.
        return {kind: "incompatible", text, ...this.located(type)}
    }

    /** Whether a type name is imported from attio/server (directly or through a module of the app: ask the graph then). */
    private isSdkName(name: string): boolean {
        const imported = importedAs(this.facts, name)
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
        const imported = importedAs(this.facts, name)
        if (imported) {
            if (FETCH_MODULES.has(imported.module) && imported.name === name) return "fetch"
            return imported.module.startsWith(".") ? "ask" : `from "${imported.module}"`
        }
        const decl = this.typeDecls.get(name) ?? this.topLevel.get(name)
        if (!decl) return "fetch"
        if (decl.kind === tsApi.SyntaxKind.TypeAliasDeclaration) {
            const aliased = (decl as ts.TypeAliasDeclaration).type
            if (tsApi.isTypeReferenceNode(aliased) && this.text(aliased.typeName) === `globalThis.${name}`) return "fetch"
            return "ask"
        }
        // A const (`const Response = …`) may hold anything; interfaces, classes and enums are look-alikes.
        return tsApi.isVariableDeclaration(decl) ? "ask" : "declared in this file"
    }

    private classifyReturnType(type: ts.TypeNode | undefined): FunctionFacts["declaredReturn"] {
        if (!type) return "none"
        if (!tsApi.isTypeReferenceNode(type)) return "other"
        const name = this.text(type.typeName)
        if (name === "Response" || name === "globalThis.Response") return this.responseOrigin(name, "response")
        if (name !== "Promise") return "other"
        const arg = type.typeArguments?.[0]
        if (!arg || !tsApi.isTypeReferenceNode(arg)) return "promise"
        const argName = this.text(arg.typeName)
        return argName === "Response" || argName === "globalThis.Response" ? this.responseOrigin(argName, "promise-response") : "promise"
    }

    /** `fetch` as what syntax shows; a look-alike is foreign, an alias or an app module's name `other` (ask the checker). */
    private responseOrigin(name: string, fetch: "response" | "promise-response"): FunctionFacts["declaredReturn"] {
        const origin = this.origin(name)
        return origin === "fetch" ? fetch : origin === "ask" ? "other" : "foreign"
    }

    /** The function's own return statements: statements only, as expressions hold none but nested functions'. */
    private collectReturns(node: ts.Node, facts: FunctionFacts): void {
        tsApi.forEachChild(node, (child) => {
            if (tsApi.isReturnStatement(child)) {
                if (child.expression) facts.returns.push(this.returnFact(child.expression))
                else facts.missingReturns.push({range: this.rangeOfNode(child), reason: "bare-return"})
            } else if (holdsStatements(child)) {
                this.collectReturns(child, facts)
            }
        })
    }

    private returnFact(expr: ts.Expression): ReturnFact {
        // What `new Response(…)` makes in this file: the Fetch API's, a look-alike's, or (an app module's) unknown.
        const origin = (this.responseClass ??= this.origin("Response"))
        const response = origin === "fetch" ? "response" : origin === "ask" ? "unknown" : "not-response"
        const promise = promiseOf(expr)
        return {kind: classifyReturnExpression(expr, response), text: this.text(expr), ...this.located(expr), ...(promise && {promise})}
    }

    /** Where a path that falls off the end of the body comes from, most specific first. */
    private fallOff(body: ts.Block): MissingReturnFact {
        let block: ts.Block = body
        for (;;) {
            const last = block.statements[block.statements.length - 1]
            if (last && tsApi.isTryStatement(last)) {
                if (last.catchClause && !completes(last.catchClause.block)) {
                    return {range: this.rangeOfNode(last.catchClause, "catch".length), reason: "catch"}
                }
                if (!completes(last.tryBlock)) {
                    block = last.tryBlock
                    continue
                }
            }
            if (last && tsApi.isIfStatement(last) && completes(last.thenStatement) && !last.elseStatement) {
                return {range: this.rangeOfNode(last, "if".length), reason: "if"}
            }
            const closing = body.end - 1
            return {range: this.rangeOf(closing, closing + 1), reason: "end"}
        }
    }

    // ---- uses anywhere in the file

    private visit(node: ts.Node): void {
        if (tsApi.isCallExpression(node)) this.readCall(node)
        else if (tsApi.isPropertyAccessExpression(node) || node.kind === tsApi.SyntaxKind.ElementAccessExpression) this.readMember(node as ts.Expression)
        else if (tsApi.isVariableDeclaration(node) && node.initializer) this.readBinding(node)
        tsApi.forEachChild(node, (child) => this.visit(child))
    }

    private readCall(call: ts.CallExpression): void {
        const callee = call.expression
        if (callee.kind === tsApi.SyntaxKind.ImportKeyword) {
            const arg = call.arguments[0]
            if (arg && tsApi.isStringLiteralLike(arg) && isClientModule(arg.text)) {
                this.facts.clientImports.push(this.rangeOfNode(call))
            }
            return
        }
        const ref = this.watchedRef(callee)
        if (!ref) return
        // A called property read is recorded as such by readMember; a called name here.
        if (tsApi.isIdentifier(unwrap(callee))) this.facts.refs.push({...ref, range: this.rangeOfNode(callee), call: true})
        if (!this.mayCreateHandler(ref)) return
        const arg = call.arguments[0] ? unwrap(call.arguments[0]) : undefined
        const prop =
            arg && tsApi.isObjectLiteralExpression(arg)
                ? arg.properties.find((p) => p.name && (tsApi.isIdentifier(p.name) || tsApi.isStringLiteral(p.name)) && p.name.text === "fileName")
                : undefined
        let value: ts.Expression | undefined
        if (prop && tsApi.isPropertyAssignment(prop)) value = prop.initializer
        else if (prop && tsApi.isShorthandPropertyAssignment(prop)) value = prop.name
        const at = value ?? call
        const fact: WebhookCallFact = {
            callee: ref,
            fileName: value ? this.fileNameFact(value) : arg ? {kind: "needsTypes", text: this.text(arg)} : {kind: "missing"},
            valueRange: this.rangeOfNode(at),
            valuePos: this.start(at),
            ...this.located(call),
        }
        if (value && tsApi.isStringLiteralLike(value)) {
            const start = this.start(value)
            fact.literal = {start, end: value.end, quote: this.sf.text[start]}
        }
        this.facts.webhookCalls.push(fact)
    }

    /**
     * Whether a call through `ref` may be createWebhookHandler: a direct import from attio/server
     * settles it here; one from an app module (a re-export, perhaps renamed) only the module graph can.
     */
    private mayCreateHandler(ref: LocalRef): boolean {
        const imp = this.facts.imports.find((i) => i.defaultLocal === ref.local || i.namespaceLocal === ref.local || i.named.some((n) => n.local === ref.local))
        if (!imp) return false
        if (imp.module !== SDK_SERVER) return true
        const name = imp.namespaceLocal === ref.local ? ref.members[0] : imp.named.find((n) => n.local === ref.local)?.imported
        return name === "createWebhookHandler" && ref.members.length === (imp.namespaceLocal === ref.local ? 1 : 0)
    }

    /** `sdk.x`, `sdk["x"]` on a watched name: a use of what the import leads to. */
    private readMember(node: ts.Expression): void {
        const ref = this.watchedRef(node)
        if (!ref) return
        const called = node.parent && tsApi.isCallExpression(node.parent) && node.parent.expression === node
        this.facts.refs.push({...ref, range: this.rangeOfNode(node), ...(called && {call: true as const})})
    }

    /** `const make = sdk.createWebhookHandler`, `const {attioFetch} = sdk`: a new name for a ref, and a use of it. */
    private readBinding(decl: ts.VariableDeclaration): void {
        const base = this.watchedRef(decl.initializer!)
        if (!base) return
        for (const {name, path, node} of boundNames(decl.name)) {
            this.watched.add(name)
            if (path.length > 0) this.facts.refs.push({local: base.local, members: [...base.members, ...path], range: this.rangeOfNode(node)})
        }
    }

    /** refOf, for expressions whose root names something that may hold a ref (a cheap test first). */
    private watchedRef(expr: ts.Expression): LocalRef | undefined {
        let root = unwrap(expr)
        while (tsApi.isPropertyAccessExpression(root) || root.kind === tsApi.SyntaxKind.ElementAccessExpression) {
            root = unwrap((root as ts.PropertyAccessExpression | ts.ElementAccessExpression).expression)
        }
        if (!tsApi.isIdentifier(root) || !(this.watchedImports.has(root.text) || this.watched.has(root.text))) return undefined
        return this.refOf(expr)
    }

    /** The import an expression reads, through property reads and const aliases in scope; undefined for anything else. */
    private refOf(expr: ts.Expression): LocalRef | undefined {
        const e = unwrap(expr)
        if (tsApi.isPropertyAccessExpression(e) || e.kind === tsApi.SyntaxKind.ElementAccessExpression) {
            const access = e as ts.PropertyAccessExpression | ts.ElementAccessExpression
            const member = tsApi.isPropertyAccessExpression(access)
                ? access.name.text
                : tsApi.isStringLiteralLike(access.argumentExpression)
                  ? access.argumentExpression.text
                  : undefined
            const base = member === undefined ? undefined : this.refOf(access.expression)
            return base && {local: base.local, members: [...base.members, member!]}
        }
        if (!tsApi.isIdentifier(e)) return undefined
        const found = this.lookup(e)
        if (found.kind === "free") return this.watchedImports.has(e.text) ? {local: e.text, members: []} : undefined
        if (found.kind !== "const" || this.resolving.has(found.decl)) return undefined
        this.resolving.add(found.decl)
        try {
            const base = this.refOf(found.init)
            return base && {local: base.local, members: [...base.members, ...found.path]}
        } finally {
            this.resolving.delete(found.decl)
        }
    }

    private fileNameFact(value: ts.Expression): FileNameFact {
        const values = this.literalValues(value) ?? this.identifierValues(value)
        if (values) return {kind: "values", values}
        const e = unwrap(value)
        // An import, unless a local binding of the same name shadows it.
        if (tsApi.isIdentifier(e) && this.binding(e) === "free") {
            const imported = importedAs(this.facts, e.text)
            if (imported) return {kind: "import", ...imported}
        }
        return {kind: "needsTypes", text: this.text(value)}
    }

    /** String values of a literal, a literal array (for loops over it) or a conditional of literals. */
    private literalValues(expr: ts.Expression): string[] | undefined {
        const e = unwrap(expr)
        if (tsApi.isStringLiteralLike(e)) return [e.text]
        if (tsApi.isConditionalExpression(e)) {
            const a = this.literalValues(e.whenTrue) ?? this.identifierValues(e.whenTrue)
            const b = this.literalValues(e.whenFalse) ?? this.identifierValues(e.whenFalse)
            return a && b ? [...a, ...b] : undefined
        }
        if (tsApi.isArrayLiteralExpression(e)) {
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
    private identifierValues(expr: ts.Expression): string[] | undefined {
        const e = unwrap(expr)
        if (!tsApi.isIdentifier(e)) return undefined
        const found = this.binding(e)
        return Array.isArray(found) ? found : undefined
    }

    /**
     * What the nearest declaration of an identifier binds it to, looking outwards from its use:
     * the values of a `const` with literal values or of `for (const x of LITERALS)`; `other` for any
     * other local binding (a parameter, a `let`, a const with another value, a shadowing declaration);
     * `free` when nothing in the file declares it but an import (or nothing: a global).
     */
    private binding(id: ts.Identifier): string[] | "other" | "free" {
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
    private lookup(id: ts.Identifier): Lookup {
        const name = id.text
        // Without parent pointers (files with no SDK calls) only top-level consts are looked up.
        for (let scope: ts.Node | undefined = id.parent ?? this.sf; scope; scope = scope.parent) {
            if (tsApi.isForOfStatement(scope) || tsApi.isForInStatement(scope) || tsApi.isForStatement(scope)) {
                const init = scope.initializer
                if (!init || !tsApi.isVariableDeclarationList(init)) continue
                const decl = init.declarations.find((d) => bindsName(d.name, name))
                if (!decl) continue
                if (!tsApi.isForOfStatement(scope) || !tsApi.isIdentifier(decl.name)) return {kind: "other"}
                return {kind: "for-of", decl, expression: scope.expression}
            }
            if (tsApi.isFunctionLike(scope)) {
                if (scope.parameters.some((p) => bindsName(p.name, name))) return {kind: "other"}
                continue
            }
            if (tsApi.isCatchClause(scope) && scope.variableDeclaration && bindsName(scope.variableDeclaration.name, name)) return {kind: "other"}
            const statements =
                tsApi.isBlock(scope) || tsApi.isSourceFile(scope) || tsApi.isModuleBlock(scope) || tsApi.isCaseClause(scope) || tsApi.isDefaultClause(scope)
                    ? scope.statements
                    : undefined
            for (const st of statements ?? []) {
                if (tsApi.isVariableStatement(st)) {
                    const decl = st.declarationList.declarations.find((d) => bindsName(d.name, name))
                    if (!decl) continue
                    const isConst = (st.declarationList.flags & tsApi.NodeFlags.Const) !== 0
                    const path = boundNames(decl.name).find((b) => b.name === name)?.path
                    return isConst && decl.initializer && path ? {kind: "const", decl, init: decl.initializer, path} : {kind: "other"}
                }
                if (tsApi.isImportDeclaration(st)) continue
                const declared = (tsApi.isFunctionDeclaration(st) || tsApi.isClassDeclaration(st) || tsApi.isEnumDeclaration(st)) && st.name?.text === name
                if (declared) return {kind: "other"}
            }
        }
        return {kind: "free"}
    }

    private valuesOf(decl: ts.Node, expr: ts.Expression): string[] | "other" {
        if (this.resolving.has(decl)) return "other"
        this.resolving.add(decl)
        try {
            return this.literalValues(expr) ?? this.identifierValues(expr) ?? "other"
        } finally {
            this.resolving.delete(decl)
        }
    }

    // ---- positions

    /** Where a node's first token starts (its `pos` includes the trivia before it). */
    private start(node: ts.Node): number {
        return tsApi.getTokenPosOfNode(node, this.sf)
    }

    private text(node: ts.Node): string {
        return nodeText(node, this.sf)
    }

    private located(node: ts.Node): Located {
        return {range: this.rangeOfNode(node), pos: this.start(node)}
    }

    private rangeOfNode(node: ts.Node, length?: number): Range {
        const start = this.start(node)
        return this.rangeOf(start, length === undefined ? node.end : start + length)
    }

    private rangeOf(start: number, end: number): Range {
        const s = tsApi.getLineAndCharacterOfPosition(this.sf, start)
        const e = tsApi.getLineAndCharacterOfPosition(this.sf, Math.max(start, end))
        return {line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1}
    }
}

/** A node's source text, without the trivia before it. */
function nodeText(node: ts.Node, sf: ts.SourceFile): string {
    return sf.text.slice(tsApi.getTokenPosOfNode(node, sf), node.end)
}

/** The module and name a local binding was imported as, if it was imported. */
export function importedAs(facts: FileFacts, local: string): {module: string; name: string} | undefined {
    for (const imp of facts.imports) {
        if (imp.defaultLocal === local) return {module: imp.module, name: "default"}
        const named = imp.named.find((n) => n.local === local)
        if (named) return {module: imp.module, name: named.imported}
    }
    return undefined
}

function isClientModule(module: string): boolean {
    return module === SDK_CLIENT || module.startsWith(SDK_CLIENT + "/")
}

type Lookup =
    | {kind: "free"}
    | {kind: "other"}
    | {kind: "const"; decl: ts.VariableDeclaration; init: ts.Expression; path: string[]}
    | {kind: "for-of"; decl: ts.VariableDeclaration; expression: ts.Expression}

/**
 * The names an object destructuring (or a plain identifier) binds, each with the property path it
 * reads: `{a, b: {c: d}}` binds `a` to ["a"] and `d` to ["b", "c"]. Rest elements, array patterns
 * and computed keys bind names no path describes: they are left out.
 */
function boundNames(name: ts.BindingName): {name: string; path: string[]; node: ts.Node}[] {
    if (tsApi.isIdentifier(name)) return [{name: name.text, path: [], node: name}]
    if (!tsApi.isObjectBindingPattern(name)) return []
    return name.elements.flatMap((el) => {
        const key = el.propertyName ?? el.name
        if (el.dotDotDotToken || !(tsApi.isIdentifier(key) || tsApi.isStringLiteral(key))) return []
        return boundNames(el.name).map((b) => ({name: b.name, path: [key.text, ...b.path], node: tsApi.isIdentifier(el.name) ? el : b.node}))
    })
}

/** Whether a declaration's name (an identifier or a destructuring pattern) binds `name`. */
function bindsName(node: ts.BindingName, name: string): boolean {
    if (tsApi.isIdentifier(node)) return node.text === name
    return node.elements.some((el) => !tsApi.isOmittedExpression(el) && bindsName(el.name, name))
}

/** Strips parentheses, `as`, `satisfies`, `!` and type assertions, which do not change the value. */
function unwrap(expr: ts.Expression): ts.Expression {
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

function describeNonFunction(e: ts.Expression): string | undefined {
    if (tsApi.isObjectLiteralExpression(e)) return "an object"
    if (tsApi.isArrayLiteralExpression(e)) return "an array"
    if (tsApi.isStringLiteralLike(e) || tsApi.isTemplateExpression(e)) return "a string"
    if (tsApi.isNumericLiteral(e) || tsApi.isBigIntLiteral(e)) return "a number"
    if (e.kind === tsApi.SyntaxKind.TrueKeyword || e.kind === tsApi.SyntaxKind.FalseKeyword) return "a boolean"
    if (e.kind === tsApi.SyntaxKind.NullKeyword) return "null"
    if (tsApi.isNewExpression(e)) return "an object created with `new`"
    return undefined
}

/** `response`: what a Response built with the name `Response` is in this file (see FactsReader.origin). */
function classifyReturnExpression(expr: ts.Expression, response: ReturnKind = "response"): ReturnKind {
    let e = unwrap(expr)
    if (tsApi.isAwaitExpression(e)) e = unwrap(e.expression)
    if (tsApi.isNewExpression(e) && tsApi.isIdentifier(e.expression)) {
        return e.expression.text === "Response" ? response : "unknown"
    }
    if (
        tsApi.isCallExpression(e) &&
        tsApi.isPropertyAccessExpression(e.expression) &&
        tsApi.isIdentifier(e.expression.expression) &&
        e.expression.expression.text === "Response" &&
        RESPONSE_FACTORIES.has(e.expression.name.text)
    ) {
        return response
    }
    if (
        tsApi.isStringLiteralLike(e) ||
        tsApi.isTemplateExpression(e) ||
        tsApi.isNumericLiteral(e) ||
        tsApi.isObjectLiteralExpression(e) ||
        tsApi.isArrayLiteralExpression(e) ||
        e.kind === tsApi.SyntaxKind.NullKeyword ||
        e.kind === tsApi.SyntaxKind.TrueKeyword ||
        e.kind === tsApi.SyntaxKind.FalseKeyword ||
        e.kind === tsApi.SyntaxKind.VoidExpression ||
        (tsApi.isIdentifier(e) && e.text === "undefined")
    ) {
        return "not-response"
    }
    return "unknown"
}

function isNullishType(t: ts.TypeNode): boolean {
    const k = tsApi.SyntaxKind
    if (t.kind === k.LiteralType) return (t as ts.LiteralTypeNode).literal.kind === k.NullKeyword
    return t.kind === k.UndefinedKeyword || t.kind === k.VoidKeyword || t.kind === k.NullKeyword
}

/** Statements and clauses that can contain statements of the same function (not functions or classes). */
let statementHolders: Set<ts.SyntaxKind> | undefined

function holdsStatements(node: ts.Node): boolean {
    const k = tsApi.SyntaxKind
    statementHolders ??= new Set([
        k.Block,
        k.IfStatement,
        k.TryStatement,
        k.CatchClause,
        k.SwitchStatement,
        k.CaseBlock,
        k.CaseClause,
        k.DefaultClause,
        k.ForStatement,
        k.ForInStatement,
        k.ForOfStatement,
        k.WhileStatement,
        k.DoStatement,
        k.LabeledStatement,
        k.WithStatement,
    ])
    return statementHolders.has(node.kind)
}

// ---- reachability: does a statement always leave the function (return a value or throw)?

function completes(node: ts.Statement | ts.Block): boolean {
    if (tsApi.isReturnStatement(node)) return true
    if (tsApi.isThrowStatement(node)) return true
    if (tsApi.isBlock(node)) return node.statements.some((s) => completes(s))
    if (tsApi.isIfStatement(node)) {
        return node.elseStatement !== undefined && completes(node.thenStatement) && completes(node.elseStatement)
    }
    if (tsApi.isTryStatement(node)) {
        if (node.finallyBlock && completes(node.finallyBlock)) return true
        return completes(node.tryBlock) && (!node.catchClause || completes(node.catchClause.block))
    }
    if (tsApi.isSwitchStatement(node)) {
        const clauses = node.caseBlock.clauses
        if (!clauses.some((c) => tsApi.isDefaultClause(c))) return false
        if (clauses.some((c) => c.statements.some((s) => breaksOut(s)))) return false
        const lastWithBody = [...clauses].reverse().find((c) => c.statements.length > 0)
        return lastWithBody !== undefined && lastWithBody.statements.some((s) => completes(s))
    }
    if (tsApi.isWhileStatement(node) || tsApi.isDoStatement(node)) {
        return node.expression.kind === tsApi.SyntaxKind.TrueKeyword && !breaksOut(node.statement)
    }
    if (tsApi.isForStatement(node)) return node.condition === undefined && !breaksOut(node.statement)
    if (tsApi.isLabeledStatement(node)) return completes(node.statement) && !breaksOut(node.statement, node.label.text)
    return false
}

/** Whether `node` contains a `break` (or `break label`) that leaves the enclosing loop/switch. */
function breaksOut(node: ts.Node, label?: string): boolean {
    if (tsApi.isBreakStatement(node)) return node.label ? node.label.text === label : label === undefined
    if (tsApi.isFunctionLike(node) || tsApi.isClassLike(node)) return false
    const nested = tsApi.isIterationStatement(node, false) || tsApi.isSwitchStatement(node)
    // Unlabelled breaks inside a nested loop or switch belong to it.
    if (nested && label === undefined) return false
    return tsApi.forEachChild(node, (child) => breaksOut(child, label) || undefined) ?? false
}

/**
 * Whether an expression is a Promise, as far as syntax shows, and whether of a Response: `fetch(…)`,
 * `Promise.resolve(new Response(…))`, `new Promise(…)`, and `.then`/`.catch`/`.finally` chains, whose
 * callbacks decide what they resolve to.
 */
function promiseOf(expr: ts.Expression): "response" | "other" | undefined {
    const e = unwrap(expr)
    if (tsApi.isNewExpression(e)) return tsApi.isIdentifier(e.expression) && e.expression.text === "Promise" ? "other" : undefined
    if (!tsApi.isCallExpression(e)) return undefined
    const callee = unwrap(e.expression)
    if (tsApi.isIdentifier(callee)) return callee.text === "fetch" ? "response" : undefined
    if (!tsApi.isPropertyAccessExpression(callee)) return undefined
    const method = callee.name.text
    const target = unwrap(callee.expression)
    const [first, second] = e.arguments
    if (tsApi.isIdentifier(target) && target.text === "Promise") {
        if (method !== "resolve") return ["reject", "all", "allSettled", "race", "any"].includes(method) ? "other" : undefined
        return first && resolvesToResponse(first) ? "response" : "other"
    }
    const callbacksRespond = [first, second].every((cb) => cb === undefined || callbackResponds(cb))
    if (method === "then") return first && callbacksRespond ? "response" : "other"
    if (method === "catch") return promiseOf(target) === "response" && callbacksRespond ? "response" : promiseOf(target) && "other"
    if (method === "finally") return promiseOf(target)
    return undefined
}

/** A value that a Promise resolving to it makes a Promise of a Response: a Response, or a Promise of one. */
function resolvesToResponse(expr: ts.Expression): boolean {
    return classifyReturnExpression(expr) === "response" || promiseOf(expr) === "response"
}

/** Whether a `.then`/`.catch` callback written in place returns (or throws) a Response on every path. */
function callbackResponds(cb: ts.Expression): boolean {
    const fn = unwrap(cb)
    if (!tsApi.isArrowFunction(fn) && !tsApi.isFunctionExpression(fn)) return false
    if (!tsApi.isBlock(fn.body)) return resolvesToResponse(fn.body)
    const last = fn.body.statements[fn.body.statements.length - 1]
    if (!last || !(tsApi.isReturnStatement(last) || tsApi.isThrowStatement(last))) return false
    const returns: (ts.Expression | undefined)[] = []
    const collect = (node: ts.Node): void => {
        tsApi.forEachChild(node, (child) => {
            if (tsApi.isReturnStatement(child)) returns.push(child.expression)
            else if (holdsStatements(child)) collect(child)
        })
    }
    collect(fn.body)
    return returns.every((r) => r !== undefined && resolvesToResponse(r))
}
