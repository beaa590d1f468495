/**
 * Cross-file questions about an app's handlers, answered from per-file facts and the module graph
 * (./module-graph.ts), with type information only where facts leave a question open. Memoised: every
 * rule asks the same questions.
 */
import type {App, AppFile} from "./app.js"
import {type FunctionFacts, SDK_SERVER, type ValueFact, type WebhookCallFact} from "./facts/index.js"
import {type HandlerKind, isTestFile} from "./layout.js"
import {isSdk, ModuleGraph} from "./module-graph.js"
import {TypeInfo} from "./type-info.js"

export type {Resolution} from "./module-graph.js"

export interface WebhookCallSite {
    file: AppFile
    call: WebhookCallFact
    /**
     * Every value fileName can take; undefined when that cannot be determined statically. Computed
     * on first read: it may need type information, which a rule that only counts calls must not build.
     */
    readonly values: string[] | undefined
}

/** A handler's default export that is a function, and the file that defines it. */
export interface HandlerFunction {
    handler: AppFile
    file: AppFile
    fn: FunctionFacts
}

/** A handler's default export followed to where it is defined. */
export type ResolvedDefault =
    | {kind: "none"}
    | {kind: "function"; file: AppFile; fn: FunctionFacts; at: ValueFact}
    | {kind: "not-function"; what: string; at: ValueFact}
    /**
     * Re-exported from a module of the app that does not exist, or (`file`) has no such export: the build fails.
     * `module`: the specifier as the re-exporting module writes it.
     */
    | {kind: "missing"; module: string; name: string; file?: AppFile; at: ValueFact}
    /** Could not be decided, even with type information: give no finding. */
    | {kind: "unknown"; at: ValueFact}

export class AppAnalysis extends ModuleGraph {
    readonly types: TypeInfo
    private readonly callSitesByFile = new Map<string, WebhookCallSite[]>()
    private handlerModules: Set<string> | undefined
    private readonly handlerIds = new Map<HandlerKind, Map<string, AppFile[]>>()
    private readonly functionsByFile = new Map<HandlerKind, Map<string, HandlerFunction[]>>()

    constructor(app: App) {
        super(app)
        this.types = new TypeInfo(app.root, (file) => {
            const appFile = app.fileAt(file)
            return (appFile && app.text(appFile)) ?? undefined
        })
    }

    /** Handler files the build picks up, by id. */
    handlersById(kind: HandlerKind): Map<string, AppFile[]> {
        let map = this.handlerIds.get(kind)
        if (!map) {
            map = new Map()
            for (const file of this.app.handlers(kind)) {
                const id = file.handler!.id!
                map.set(id, [...(map.get(id) ?? []), file])
            }
            this.handlerIds.set(kind, map)
        }
        return map
    }

    /** Every SDK createWebhookHandler call in the app, with the fileName values it can take. */
    webhookCallSites(): WebhookCallSite[] {
        return this.sdkFiles().flatMap((file) => this.webhookCallSitesIn(file))
    }

    /**
     * The SDK createWebhookHandler calls in one file: none in a test file, nor in a module the server
     * bundle does not include (it never runs: its calls register nothing).
     */
    webhookCallSitesIn(file: AppFile): WebhookCallSite[] {
        let sites = this.callSitesByFile.get(file.path)
        if (!sites) {
            const all =
                isTestFile(file.rel) || !this.app.bundledFiles().has(file)
                    ? []
                    : (this.usableFacts(file)?.webhookCalls ?? [])
            const calls = all.filter((call) =>
                isSdk(this.resolveRef(file, call.callee), SDK_SERVER, "createWebhookHandler")
            )
            sites = calls.map((call) => this.callSite(file, call))
            this.callSitesByFile.set(file.path, sites)
        }
        return sites
    }

    private callSite(file: AppFile, call: WebhookCallFact): WebhookCallSite {
        let values: string[] | undefined | null = null
        const compute = () => this.fileNameValues(file, call)
        return {
            file,
            call,
            get values() {
                if (values === null) values = compute()
                return values
            },
        }
    }

    /** Files that webhook handlers import or re-export from: their implementation, not forgotten handlers. */
    webhookHandlerModules(): Set<string> {
        if (this.handlerModules) return this.handlerModules
        this.handlerModules = new Set()
        for (const handler of this.app.handlers("webhook")) {
            const facts = this.usableFacts(handler)
            if (!facts) continue
            const reExported = Object.values(facts.exports).flatMap((t) => ("module" in t ? [t.module] : []))
            for (const specifier of [...facts.imports.map((i) => i.module), ...reExported, ...facts.starExports]) {
                const target = this.app.resolveModule(handler, specifier)
                if (target) this.handlerModules.add(target.path)
            }
        }
        return this.handlerModules
    }

    /** Handlers of a kind whose default export is a function, with the file that defines it (from syntax alone). */
    handlerFunctions(kind: HandlerKind): HandlerFunction[] {
        return [...this.handlerFunctionsByFile(kind).values()].flat()
    }

    /** The handler functions a file defines: its own default, or one a handler re-exports; each once. */
    handlerFunctionsIn(file: AppFile, kind: HandlerKind): HandlerFunction[] {
        return this.handlerFunctionsByFile(kind).get(file.path) ?? []
    }

    private handlerFunctionsByFile(kind: HandlerKind): Map<string, HandlerFunction[]> {
        let byFile = this.functionsByFile.get(kind)
        if (!byFile) {
            byFile = new Map()
            for (const handler of this.app.handlers(kind)) {
                // Only a function matters here, so an undecided value stays undecided without asking the checker.
                const resolved = this.handlerDefault(handler, false)
                if (resolved.kind !== "function") continue
                const list = byFile.get(resolved.file.path) ?? []
                if (!list.some((h) => h.fn.pos === resolved.fn.pos))
                    list.push({handler, file: resolved.file, fn: resolved.fn})
                byFile.set(resolved.file.path, list)
            }
            this.functionsByFile.set(kind, byFile)
        }
        return byFile
    }

    /**
     * The default export of a handler file, followed through imports and re-exports (the module graph's walk); with
     * `types`, an expression syntax cannot judge is asked of the checker.
     */
    handlerDefault(file: AppFile, types = true): ResolvedDefault {
        const at = this.usableFacts(file)?.exportValues.default
        if (!at) return {kind: "none"}
        const found = this.exportOf(file, "default")
        switch (found.kind) {
            case "app":
                // A property of a value (`obj.handler`) has no fact of its own: the export itself is judged.
                return found.value ? this.judge(found.file, found.value, at, types) : this.judge(file, at, at, types)
            case "namespace":
                return {kind: "not-function", what: "a module namespace object", at}
            case "missing":
                return {kind: "missing", module: found.module, name: found.name, file: found.file, at}
            default:
                return {kind: "unknown", at}
        }
    }

    /** A value where it is defined; `at`: the handler's default export, where findings go. */
    private judge(file: AppFile, value: ValueFact, at: ValueFact, types: boolean): ResolvedDefault {
        switch (value.kind) {
            case "function":
                return {kind: "function", file, fn: value.fn, at}
            case "not-function":
                return {kind: "not-function", what: value.what, at}
            case "unknown": {
                if (!types) return {kind: "unknown", at}
                const callable = this.types.isCallable(file.path, value.pos)
                if (callable === false) return {kind: "not-function", what: `\`${value.text}\``, at}
                return {kind: "unknown", at}
            }
            case "import":
                // The walk goes on from an import: one left here leads nowhere it can follow.
                return {kind: "unknown", at}
        }
    }

    private fileNameValues(file: AppFile, call: WebhookCallFact): string[] | undefined {
        const fileName = call.fileName
        switch (fileName.kind) {
            case "values":
                return fileName.values
            case "missing":
                return undefined
            case "import": {
                const found = this.resolveImport(file, fileName.module, fileName.name, [], new Set())
                const values =
                    found.kind === "app" && found.members.length === 0
                        ? this.app.facts(found.file)?.consts[found.local]
                        : undefined
                return values ?? this.types.stringValues(file.path, call.valuePos)
            }
            case "needsTypes":
                return this.types.stringValues(file.path, call.valuePos)
        }
    }
}
