/**
 * Cross-file questions about an app, answered from per-file facts (and type information only
 * where facts leave a question open). Memoised: every rule asks the same questions.
 */
import type {App, AppFile} from "./app.js"
import {
    type FileFacts,
    type FunctionFacts,
    type ValueFact,
    type WebhookCallFact,
} from "./facts.js"
import {type HandlerKind, isTestFile} from "./layout.js"
import {TypeInfo} from "./type-info.js"

export interface WebhookCallSite {
    file: AppFile
    call: WebhookCallFact
    /** Every value fileName can take; undefined when that cannot be determined statically. */
    values: string[] | undefined
}

/** A handler's default export followed to where it is defined. */
export type ResolvedDefault =
    | {kind: "none"}
    | {kind: "function"; file: AppFile; fn: FunctionFacts; at: ValueFact}
    | {kind: "not-function"; what: string; at: ValueFact}
    /** Could not be decided, even with type information: give no finding. */
    | {kind: "unknown"; at: ValueFact}

export class AppAnalysis {
    readonly types: TypeInfo
    private callSites: WebhookCallSite[] | undefined
    private handlerModules: Set<string> | undefined
    private readonly handlerIds = new Map<HandlerKind, Map<string, AppFile[]>>()

    constructor(readonly app: App) {
        this.types = new TypeInfo(app.root, (file) => {
            const appFile = app.fileAt(file)
            return (appFile && app.text(appFile)) ?? undefined
        })
    }

    /** Parsed facts of a file that parses cleanly; rules skip the rest (parse-error reports them). */
    usableFacts(file: AppFile): FileFacts | undefined {
        const facts = this.app.facts(file)
        return facts && !facts.parseError ? facts : undefined
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
        if (this.callSites) return this.callSites
        this.callSites = []
        for (const file of this.app.relevantFiles()) {
            if (isTestFile(file.rel) || this.app.neverBundled(file)) continue
            const facts = this.usableFacts(file)
            for (const call of facts?.webhookCalls ?? []) {
                this.callSites.push({file, call, values: this.fileNameValues(file, call)})
            }
        }
        return this.callSites
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

    /** Handlers of a kind whose default export is a function, with the file that defines it. */
    handlerFunctions(kind: HandlerKind): {handler: AppFile; file: AppFile; fn: FunctionFacts}[] {
        return this.app.handlers(kind).flatMap((handler) => {
            const resolved = this.handlerDefault(handler)
            return resolved.kind === "function" ? [{handler, file: resolved.file, fn: resolved.fn}] : []
        })
    }

    /** The default export of a handler file, followed through imports and re-exports. */
    handlerDefault(file: AppFile): ResolvedDefault {
        const facts = this.usableFacts(file)
        const value = facts?.exportValues.default
        if (!value) return {kind: "none"}
        return this.resolveValue(file, value, value, new Set())
    }

    private resolveValue(file: AppFile, value: ValueFact, at: ValueFact, seen: Set<string>): ResolvedDefault {
        switch (value.kind) {
            case "function":
                return {kind: "function", file, fn: value.fn, at}
            case "not-function":
                return {kind: "not-function", what: value.what, at}
            case "unknown": {
                const callable = this.types.isCallable(file.path, value.pos)
                if (callable === false) return {kind: "not-function", what: `\`${value.text}\``, at}
                return {kind: "unknown", at}
            }
            case "import": {
                const target = this.app.resolveModule(file, value.module)
                const key = `${target?.path}#${value.name}`
                const found = target && !seen.has(key) ? this.exportedValue(target, value.name) : undefined
                seen.add(key)
                return found ? this.resolveValue(found.file, found.value, at, seen) : {kind: "unknown", at}
            }
        }
    }

    /** What a module exports under `name`, looking through `export * from` (which never carries default). */
    private exportedValue(
        file: AppFile,
        name: string,
        visited = new Set<string>()
    ): {file: AppFile; value: ValueFact} | undefined {
        if (visited.has(file.path)) return undefined
        visited.add(file.path)
        const facts = this.usableFacts(file)
        const value = facts?.exportValues[name]
        if (value) return {file, value}
        if (!facts || name === "default") return undefined
        for (const star of facts.starExports) {
            const next = this.app.resolveModule(file, star)
            const found = next && this.exportedValue(next, name, visited)
            if (found) return found
        }
        return undefined
    }

    private fileNameValues(file: AppFile, call: WebhookCallFact): string[] | undefined {
        const fileName = call.fileName
        switch (fileName.kind) {
            case "values":
                return fileName.values
            case "missing":
                return undefined
            case "import": {
                const found = this.app.resolveExport(file, fileName.module, fileName.name)
                const values = found ? this.app.facts(found.file)?.consts[found.local] : undefined
                return values ?? this.types.stringValues(file.path, call.valuePos)
            }
            case "needsTypes":
                return this.types.stringValues(file.path, call.valuePos)
        }
    }
}
