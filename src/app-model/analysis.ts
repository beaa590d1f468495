/**
 * Cross-file questions about an app, answered from per-file facts (and type information only
 * where facts leave a question open). Memoised: every rule asks the same questions.
 */
import path from "node:path"

import type {Range} from "./range.js"
import {type App, type AppFile, RELATIVE_SPECIFIER} from "./app.js"
import {
    type FileFacts,
    type FunctionFacts,
    mentionsSdk,
    type ImportFact,
    type LocalRef,
    SDK_CLIENT,
    SDK_SERVER,
    type ValueFact,
    type WebhookCallFact,
} from "./facts/index.js"
import {type HandlerKind, isTestFile} from "./layout.js"
import {TypeInfo} from "./type-info.js"

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
    /** Re-exported from a module of the app that does not exist or has no such export: the build fails. */
    | {kind: "missing"; module: string; name: string; at: ValueFact}
    /** Could not be decided, even with type information: give no finding. */
    | {kind: "unknown"; at: ValueFact}

/** What a name leads to through the app's modules (imports, re-exports, `export *`, aliases). */
export type Resolution =
    /** An SDK export (`*`: the module's namespace), and the properties read from it. */
    | {kind: "sdk"; module: string; name: string; members: string[]}
    /** Something a module of the app defines itself, and the properties read from it. */
    | {kind: "app"; file: AppFile; local: string; members: string[]}
    /** The namespace object of a module of the app. */
    | {kind: "namespace"; file: AppFile}
    /** A relative module that does not exist, or a module of the app without that export. */
    | {kind: "missing"; module: string; name: string}
    /** A package, a cycle, or a file that cannot be parsed. */
    | {kind: "unknown"}

const UNKNOWN: Resolution = {kind: "unknown"}
/** Text that may re-export what it imports: `export … from`, `export {x}`, `export const x = y`, `export default x`. */
const RE_EXPORT = /\bexport\b[^;]*?\bfrom\b|\bexport\s*(\{|const\b|default\b)/

export class AppAnalysis {
    readonly types: TypeInfo
    private readonly callSitesByFile = new Map<string, WebhookCallSite[]>()
    private handlerModules: Set<string> | undefined
    private sdkReachingFiles: AppFile[] | undefined
    private readonly facades = new Map<string, boolean>()
    private readonly clientReach = new Map<string, boolean>()
    private readonly handlerIds = new Map<HandlerKind, Map<string, AppFile[]>>()
    private readonly functionsByFile = new Map<HandlerKind, Map<string, HandlerFunction[]>>()

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
        return this.sdkFiles().flatMap((file) => this.webhookCallSitesIn(file))
    }

    /**
     * The SDK createWebhookHandler calls in one file: none in a test file, nor in a module the server
     * bundle does not include (it never runs: its calls register nothing).
     */
    webhookCallSitesIn(file: AppFile): WebhookCallSite[] {
        let sites = this.callSitesByFile.get(file.path)
        if (!sites) {
            const all = isTestFile(file.rel) || !this.app.bundledFiles().has(file) ? [] : (this.usableFacts(file)?.webhookCalls ?? [])
            const calls = all.filter((call) => isSdk(this.resolveRef(file, call.callee), SDK_SERVER, "createWebhookHandler"))
            sites = calls.map((call) => this.callSite(file, call))
            this.callSitesByFile.set(file.path, sites)
        }
        return sites
    }

    private callSite(file: AppFile, call: WebhookCallFact): WebhookCallSite {
        let values: string[] | undefined | null = null
        const analysis = this
        return {
            file,
            call,
            get values() {
                if (values === null) values = analysis.fileNameValues(file, call)
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
                if (!list.some((h) => h.fn.pos === resolved.fn.pos)) list.push({handler, file: resolved.file, fn: resolved.fn})
                byFile.set(resolved.file.path, list)
            }
            this.functionsByFile.set(kind, byFile)
        }
        return byFile
    }

    /**
     * The default export of a handler file, followed through imports and re-exports; with `types`,
     * an expression syntax cannot judge is asked of the checker.
     */
    handlerDefault(file: AppFile, types = true): ResolvedDefault {
        const facts = this.usableFacts(file)
        const value = facts?.exportValues.default
        if (!value) return {kind: "none"}
        return this.resolveValue(file, value, value, new Set(), types)
    }

    private resolveValue(file: AppFile, value: ValueFact, at: ValueFact, seen: Set<string>, types: boolean): ResolvedDefault {
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
            case "import": {
                const target = this.app.resolveModule(file, value.module)
                const key = `${target?.path}#${value.name}`
                const found = target && !seen.has(key) ? this.exportedValue(target, value.name) : undefined
                seen.add(key)
                if (found) return this.resolveValue(found.file, found.value, at, seen, types)
                const missing = this.resolveImport(file, value.module, value.name, [], new Set()).kind === "missing"
                return missing ? {kind: "missing", module: value.module, name: value.name, at} : {kind: "unknown", at}
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

    // ---- the module graph

    /**
     * Files whose code may use the SDK: those that mention it, and those that import a module of
     * the app that re-exports it (a "facade", `export * from "attio/server"`), which need not. The
     * others' imports are read from their text: a plain app's files are not parsed for this.
     */
    sdkFiles(): AppFile[] {
        if (this.sdkReachingFiles) return this.sdkReachingFiles
        const relevant = new Set(this.app.relevantFiles())
        return (this.sdkReachingFiles = this.app.files.filter((f) => relevant.has(f) || (!f.isDirectory && this.importsFacade(f))))
    }

    /**
     * Whether a file of the app other than `except` imports `module` (its specifiers read from its
     * text): a caller there would be handed a Promise if a function of it became async.
     */
    importedElsewhere(module: AppFile, except: AppFile): boolean {
        const stem = moduleStem(module)
        return this.app.files.some((f) => {
            if (f.isDirectory || f.path === except.path || f.path === module.path) return false
            const text = this.app.text(f)
            if (text === null || !text.includes(stem)) return false
            return [...text.matchAll(RELATIVE_SPECIFIER)].some(([, from, bare]) => this.app.resolveModule(f, from ?? bare)?.path === module.path)
        })
    }

    private importsFacade(file: AppFile): boolean {
        const text = this.app.text(file)
        if (text === null) return false
        for (const [, from, bare] of text.matchAll(RELATIVE_SPECIFIER)) {
            const target = this.app.resolveModule(file, from ?? bare)
            if (target && this.isFacade(target)) return true
        }
        return false
    }

    /** Whether a module of the app exports something of the SDK, through any chain of re-exports. */
    private isFacade(file: AppFile, visiting = new Set<string>()): boolean {
        const known = this.facades.get(file.path)
        if (known !== undefined) return known
        if (visiting.has(file.path)) return false
        visiting.add(file.path)
        const text = this.app.text(file)
        // A facade mentions the SDK or re-exports another module: most modules do neither.
        const facts = text !== null && (mentionsSdk(text) || RE_EXPORT.test(text)) ? this.usableFacts(file) : undefined
        const star = (specifier: string) => {
            if (isSdkModule(specifier)) return true
            const target = specifier.startsWith(".") ? this.app.resolveModule(file, specifier) : undefined
            return target !== undefined && this.isFacade(target, visiting)
        }
        const result =
            facts !== undefined &&
            (facts.starExports.some(star) || Object.keys(facts.exports).some((name) => this.resolveExport(file, "", name, [], new Set()).kind === "sdk"))
        this.facades.set(file.path, result)
        return result
    }

    /** Where a file calls the SDK export `name` of attio/server: through imports, facades, namespaces and aliases. */
    sdkCallsIn(file: AppFile, name: string): Range[] {
        return (this.usableFacts(file)?.refs ?? []).filter((ref) => ref.call && isSdk(this.resolveRef(file, ref), SDK_SERVER, name)).map((ref) => ref.range)
    }

    /**
     * Value imports in `file` of modules of the app that bring attio/client into the bundle (they
     * import it, or import a module that does): the bundler follows them as it follows a direct one.
     */
    clientImportsThrough(file: AppFile): {range: Range; module: string}[] {
        const facts = this.usableFacts(file)
        if (!facts) return []
        return facts.imports.flatMap((imp) => {
            if (isErased(imp) || !imp.module.startsWith(".")) return []
            const target = this.app.resolveModule(file, imp.module)
            return target && this.reachesClient(target) ? [{range: imp.range, module: imp.module}] : []
        })
    }

    /** Whether a module brings attio/client into a bundle that includes it (by a value import or a re-export). */
    private reachesClient(file: AppFile, visiting = new Set<string>()): boolean {
        const known = this.clientReach.get(file.path)
        if (known !== undefined) return known
        if (visiting.has(file.path)) return false
        visiting.add(file.path)
        const facts = this.usableFacts(file)
        // Its own imports of attio/client that the bundler keeps (facts sort them as the bundler does).
        const own = facts !== undefined && (facts.clientImports.length > 0 || (facts.clientTypeImports !== undefined && this.app.verbatimModuleSyntax()))
        const modules = facts
            ? [
                  ...facts.imports.filter((i) => !isErased(i)).map((i) => i.module),
                  // `export type {X} from` is erased as `import type` is.
                  ...Object.values(facts.exports).flatMap((t) => ("module" in t && !t.typeOnly ? [t.module] : [])),
                  ...facts.starExports,
              ]
            : []
        const reaches =
            own ||
            modules.some((m) => {
                const target = m.startsWith(".") ? this.app.resolveModule(file, m) : undefined
                return target !== undefined && this.reachesClient(target, visiting)
            })
        this.clientReach.set(file.path, reaches)
        return reaches
    }

    /** What a LocalRef of `file` leads to. */
    resolveRef(file: AppFile, ref: LocalRef): Resolution {
        return this.resolveLocal(file, ref.local, ref.members, new Set())
    }

    /** What `import {name} from specifier` (`*`: the namespace) in `from` leads to, with `members` read from it. */
    resolveImport(from: AppFile, specifier: string, name: string, members: string[], seen: Set<string>): Resolution {
        if (isSdkModule(specifier)) {
            if (name !== "*") return {kind: "sdk", module: specifier, name, members}
            return members.length > 0 ? {kind: "sdk", module: specifier, name: members[0], members: members.slice(1)} : {kind: "sdk", module: specifier, name, members}
        }
        if (!specifier.startsWith(".")) return UNKNOWN
        const target = this.app.resolveModule(from, specifier)
        if (!target) return {kind: "missing", module: specifier, name}
        if (name !== "*") return this.resolveExport(target, specifier, name, members, seen)
        return members.length > 0 ? this.resolveExport(target, specifier, members[0], members.slice(1), seen) : {kind: "namespace", file: target}
    }

    private resolveLocal(file: AppFile, local: string, members: string[], seen: Set<string>): Resolution {
        const facts = this.usableFacts(file)
        if (!facts) return UNKNOWN
        for (const imp of facts.imports) {
            if (imp.namespaceLocal === local) return this.resolveImport(file, imp.module, "*", members, seen)
            if (imp.defaultLocal === local) return this.resolveImport(file, imp.module, "default", members, seen)
            const named = imp.named.find((n) => n.local === local)
            if (named) return this.resolveImport(file, imp.module, named.imported, members, seen)
        }
        const alias = facts.aliases[local]
        if (!alias) return {kind: "app", file, local, members}
        const key = `${file.path}#alias:${local}`
        if (seen.has(key)) return UNKNOWN
        seen.add(key)
        return this.resolveLocal(file, alias.local, [...alias.members, ...members], seen)
    }

    /** What module `file` (imported as `specifier`) exports as `name`, looking through `export *` (which never carries default). */
    private resolveExport(file: AppFile, specifier: string, name: string, members: string[], seen: Set<string>): Resolution {
        const key = `${file.path}#${name}`
        if (seen.has(key)) return UNKNOWN
        seen.add(key)
        const facts = this.usableFacts(file)
        if (!facts) return UNKNOWN
        const target = facts.exports[name]
        if (target) {
            return "local" in target
                ? this.resolveLocal(file, target.local, members, seen)
                : this.resolveImport(file, target.module, target.name, members, seen)
        }
        if (name !== "default") {
            for (const star of facts.starExports) {
                const found = this.resolveImport(file, star, name, members, seen)
                if (found.kind !== "missing") return found
            }
        }
        return {kind: "missing", module: specifier, name}
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
                const values = found.kind === "app" && found.members.length === 0 ? this.app.facts(found.file)?.consts[found.local] : undefined
                return values ?? this.types.stringValues(file.path, call.valuePos)
            }
            case "needsTypes":
                return this.types.stringValues(file.path, call.valuePos)
        }
    }
}

function isSdkModule(specifier: string): boolean {
    return specifier === SDK_SERVER || specifier === SDK_CLIENT || specifier.startsWith(SDK_CLIENT + "/")
}

/** Whether a resolution is the SDK export `name` of `module` itself (not a property of it). */
function isSdk(found: Resolution, module: string, name: string): boolean {
    return found.kind === "sdk" && found.module === module && found.name === name && found.members.length === 0
}

/** An import the compiler erases: `import type`, or only `type` specifiers. */
function isErased(imp: ImportFact): boolean {
    return imp.typeOnly || (!imp.defaultLocal && !imp.namespaceLocal && imp.named.length > 0 && imp.named.every((n) => n.typeOnly))
}

/** What an import of a module names: its file name without extension, or its folder's for an index file. */
function moduleStem(file: AppFile): string {
    const base = path.basename(file.path).replace(/\.[^.]*$/, "")
    return base === "index" ? path.basename(path.dirname(file.path)) : base
}
