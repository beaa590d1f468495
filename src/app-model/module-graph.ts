/**
 * The app's module graph, answered from per-file facts: what a name leads to through imports, re-exports,
 * `export *`, namespaces and aliases. One walk follows re-export chains (resolveImport and resolveExport); it answers
 * both what a name is (an SDK export, for SDK uses) and, at its end, what syntax tells of the value there (for
 * handlers' default exports, which AppAnalysis judges).
 */
import path from "node:path"

import type {App, AppFile} from "./app.js"
import {type FileFacts, type ImportFact, type LocalRef, SDK_CLIENT, SDK_SERVER, type ValueFact} from "./facts/index.js"
import type {Range} from "./range.js"

/** What a name leads to through the app's modules (imports, re-exports, `export *`, aliases). */
export type Resolution =
    /** An SDK export (`*`: the module's namespace), and the properties read from it. */
    | {kind: "sdk"; module: string; name: string; members: string[]}
    /**
     * Something a module of the app defines itself, and the properties read from it; without properties, what
     * syntax tells of its value when it is an exported binding.
     */
    | {kind: "app"; file: AppFile; local: string; members: string[]; value?: DefinedValue}
    /** The namespace object of a module of the app. */
    | {kind: "namespace"; file: AppFile}
    /** A relative module that does not exist (no `file`), or a module of the app (`file`) without that export. */
    | {kind: "missing"; module: string; name: string; file?: AppFile}
    /** A package, a cycle, or a file that cannot be parsed. */
    | {kind: "unknown"}

/** A value where it is defined: the walk goes on from an import. */
export type DefinedValue = Exclude<ValueFact, {kind: "import"}>

const UNKNOWN: Resolution = {kind: "unknown"}

export class ModuleGraph {
    private sdkReachingFiles: AppFile[] | undefined
    private readonly facades = new Map<string, boolean>()
    private readonly clientReach = new Map<string, boolean>()

    constructor(readonly app: App) {}

    /** Parsed facts of a file that parses cleanly; rules skip the rest (parse-error reports them). */
    usableFacts(file: AppFile): FileFacts | undefined {
        const facts = this.app.facts(file)
        return facts && !facts.parseError ? facts : undefined
    }

    /**
     * Files whose code may use the SDK: those that mention it, and those that import a module of
     * the app that re-exports it (a "facade", `export * from "attio/server"`), which need not. The
     * others' imports are read from their text: a plain app's files are not parsed for this.
     */
    sdkFiles(): AppFile[] {
        if (this.sdkReachingFiles) return this.sdkReachingFiles
        const relevant = new Set(this.app.relevantFiles())
        return (this.sdkReachingFiles = this.app.files.filter(
            (f) => relevant.has(f) || (!f.isDirectory && this.importsFacade(f))
        ))
    }

    /**
     * Whether a file of the app other than `except` imports `module` (its specifiers read from its
     * text, which must name the module's stem): a caller there would be handed a Promise if a function of it became async.
     */
    importedElsewhere(module: AppFile, except: AppFile): boolean {
        const stem = moduleStem(module)
        return this.app.files.some((f) => {
            if (f.isDirectory || f.path === except.path || f.path === module.path) return false
            const text = this.app.text(f)
            if (text === null || !text.includes(stem)) return false
            return (this.app.summary(f)?.specifiers ?? []).some(
                (specifier) => this.app.resolveModule(f, specifier)?.path === module.path
            )
        })
    }

    private importsFacade(file: AppFile): boolean {
        for (const specifier of this.app.summary(file)?.specifiers ?? []) {
            const target = this.app.resolveModule(file, specifier)
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
        const summary = this.app.summary(file)
        // A facade mentions the SDK or re-exports another module: most modules do neither.
        const facts = summary && (summary.sdk || summary.reExport) ? this.usableFacts(file) : undefined
        const star = (specifier: string) => {
            if (isSdkModule(specifier)) return true
            const target = specifier.startsWith(".") ? this.app.resolveModule(file, specifier) : undefined
            return target !== undefined && this.isFacade(target, visiting)
        }
        const result =
            facts !== undefined &&
            (facts.starExports.some(star) ||
                Object.keys(facts.exports).some((name) => this.exportOf(file, name).kind === "sdk"))
        this.facades.set(file.path, result)
        return result
    }

    /** Where a file calls the SDK export `name` of attio/server: through imports, facades, namespaces and aliases. */
    sdkCallsIn(file: AppFile, name: string): Range[] {
        return (this.usableFacts(file)?.refs ?? [])
            .filter((ref) => ref.call && isSdk(this.resolveRef(file, ref), SDK_SERVER, name))
            .map((ref) => ref.range)
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
        const own =
            facts !== undefined &&
            (facts.clientImports.length > 0 ||
                (facts.clientTypeImports !== undefined && this.app.verbatimModuleSyntax()))
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

    /** What a module of the app exports as `name`. */
    exportOf(file: AppFile, name: string): Resolution {
        return this.resolveExport(file, "", name, [], new Set())
    }

    /** What a LocalRef of `file` leads to. */
    resolveRef(file: AppFile, ref: LocalRef): Resolution {
        return this.resolveLocal(file, ref.local, ref.members, new Set())
    }

    /** What `import {name} from specifier` (`*`: the namespace) in `from` leads to, with `members` read from it. */
    resolveImport(from: AppFile, specifier: string, name: string, members: string[], seen: Set<string>): Resolution {
        if (isSdkModule(specifier)) {
            if (name !== "*") return {kind: "sdk", module: specifier, name, members}
            return members.length > 0
                ? {kind: "sdk", module: specifier, name: members[0], members: members.slice(1)}
                : {kind: "sdk", module: specifier, name, members}
        }
        if (!specifier.startsWith(".")) return UNKNOWN
        const target = this.app.resolveModule(from, specifier)
        if (!target) return {kind: "missing", module: specifier, name}
        if (name !== "*") return this.resolveExport(target, specifier, name, members, seen)
        return members.length > 0
            ? this.resolveExport(target, specifier, members[0], members.slice(1), seen)
            : {kind: "namespace", file: target}
    }

    /** `value`: what syntax tells of the binding, when it is exported. */
    private resolveLocal(
        file: AppFile,
        local: string,
        members: string[],
        seen: Set<string>,
        value?: ValueFact
    ): Resolution {
        const facts = this.usableFacts(file)
        if (!facts) return UNKNOWN
        for (const imp of facts.imports) {
            if (imp.namespaceLocal === local) return this.resolveImport(file, imp.module, "*", members, seen)
            if (imp.defaultLocal === local) return this.resolveImport(file, imp.module, "default", members, seen)
            const named = imp.named.find((n) => n.local === local)
            if (named) return this.resolveImport(file, imp.module, named.imported, members, seen)
        }
        const alias = facts.aliases[local]
        if (!alias) {
            // An import that no alias records (`let h = imported`, a package's import) leads on as well.
            if (value?.kind === "import") return this.resolveImport(file, value.module, value.name, members, seen)
            return {kind: "app", file, local, members, ...(value && members.length === 0 && {value})}
        }
        const key = `${file.path}#alias:${local}`
        if (seen.has(key)) return UNKNOWN
        seen.add(key)
        return this.resolveLocal(file, alias.local, [...alias.members, ...members], seen)
    }

    /**
     * What module `file` (imported as `specifier`) exports as `name`, looking through `export *` (which never carries
     * default): an explicit export wins over `export *`, as in ECMAScript, and a module of the app's over a package's
     * or the SDK's, whose names syntax does not list.
     */
    private resolveExport(
        file: AppFile,
        specifier: string,
        name: string,
        members: string[],
        seen: Set<string>
    ): Resolution {
        const key = `${file.path}#${name}`
        if (seen.has(key)) return UNKNOWN
        seen.add(key)
        const facts = this.usableFacts(file)
        if (!facts) return UNKNOWN
        const target = facts.exports[name]
        if (target) {
            return "local" in target
                ? this.resolveLocal(file, target.local, members, seen, facts.exportValues[name])
                : this.resolveImport(file, target.module, target.name, members, seen)
        }
        let undecided: Resolution | undefined
        for (const star of name === "default" ? [] : facts.starExports) {
            const found = this.resolveImport(file, star, name, members, seen)
            if (found.kind === "missing") continue
            if (star.startsWith(".") && found.kind !== "unknown") return found
            undecided ??= found
        }
        return undecided ?? {kind: "missing", module: specifier, name, file}
    }
}

function isSdkModule(specifier: string): boolean {
    return specifier === SDK_SERVER || specifier === SDK_CLIENT || specifier.startsWith(SDK_CLIENT + "/")
}

/** Whether a resolution is the SDK export `name` of `module` itself (not a property of it). */
export function isSdk(found: Resolution, module: string, name: string): boolean {
    return found.kind === "sdk" && found.module === module && found.name === name && found.members.length === 0
}

/** An import the compiler erases: `import type`, or only `type` specifiers. */
function isErased(imp: ImportFact): boolean {
    return (
        imp.typeOnly ||
        (!imp.defaultLocal && !imp.namespaceLocal && imp.named.length > 0 && imp.named.every((n) => n.typeOnly))
    )
}

/** What an import of a module names: its file name without extension, or its folder's for an index file. */
function moduleStem(file: AppFile): string {
    const base = path.basename(file.path).replace(/\.[^.]*$/, "")
    return base === "index" ? path.basename(path.dirname(file.path)) : base
}
