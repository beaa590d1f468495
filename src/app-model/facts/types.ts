/**
 * The shapes of per-file facts: what one source file says, read from its syntax alone. Everything here is plain
 * data (JSON-serialisable) so that it can be cached by content hash (./schema.ts checks a cached entry against it).
 * Where syntax cannot decide, a fact says so (`needsTypes`, `unknown`, `reference`) and records the node's
 * position so that type information can be asked for that file only.
 */
import type {Range} from "../range.js"

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
    /**
     * The path ends with a `switch` without `default` or with a call: a switch exhaustive over a union, or a call of
     * a function returning `never`, ends it, which only the type checker can tell.
     */
    typesDecide?: true
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

/** What the SDK's Connection has (both of its kinds): a type with only these is compatible with it. */
export const CONNECTION_PROPERTIES = new Set(["id", "value", "connection_key", "createdBy", "ownedBy"])

export function isClientModule(module: string): boolean {
    return module === SDK_CLIENT || module.startsWith(SDK_CLIENT + "/")
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

export function emptyFacts(): FileFacts {
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
