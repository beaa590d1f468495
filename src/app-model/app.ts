/**
 * The app model: which files an Attio app has that matter to its handler story, and what each says.
 * Files are found by one glob walk (./discovery.ts); their facts are read lazily (a file is parsed only when
 * something asks about it) so that the syntactic path touches as little as possible.
 */
import fs from "node:fs"
import path from "node:path"

import {type AppFile, appFile, discoverSync, isSourcePath} from "./discovery.js"
import {extractFacts, type FileFacts} from "./facts/index.js"
import type {FactsCache, KnownFile} from "./facts-cache.js"
import {contentHash} from "./sealed-file.js"
import {fileStamp, type Stamp, stampFrom} from "./stamp.js"
import {summarize, type TextSummary} from "./text-summary.js"
import {typescriptSyntax} from "./typescript.js"
import {anyRootOf, type HandlerKind, isServerFunctionPath, toPosix} from "./layout.js"
import {readBytes, readText, ReadFailure, realpathOr} from "./read-file.js"
import {isLegacySdk} from "./sdk.js"
import {configHost} from "./setup.js"

export interface AppOptions {
    /** Facts of unchanged files from earlier runs. */
    cache?: FactsCache
    /** Texts that stand in for what is on disk (an editor's unsaved buffers), by absolute path. */
    overrides?: ReadonlyMap<string, string>
    /** Apps in folders below this one (a monorepo's packages), linted on their own. */
    nestedApps?: string[]
    /** Folders in src/ that could not be read (no permission): their handlers are unknown. */
    unreadableDirs?: string[]
    /** The folders the walk read (Discovery.dirs). */
    dirs?: string[]
    /** An app held in memory (the generators' planner tests): nothing outside `overrides` is read from disk. */
    inMemory?: boolean
}

export type {AppFile}

// Its own module, so that the warm path can find the app without loading the walk and the parser.
export {findAppRoot} from "./root.js"

export class App {
    private readonly texts = new Map<string, string | null>()
    /** What text() decoded (the bytes read, or an override): the facts cache's key is its hash. */
    private readonly sources = new Map<string, Buffer | string>()
    private readonly failures = new Map<string, ReadFailure>()
    /** What the checks read from each text (TextSummary; null: no text), from the text or the facts cache. */
    private readonly summaries = new Map<string, TextSummary | null>()
    /** The facts cache's key for each file: the hash of the bytes read, or what the cache knew of the file. */
    private readonly keys = new Map<string, string | null>()
    /** Files whose bytes, when read, were not those the cache knew by their stamp: edited during the run. */
    private readonly editedDuringRun = new Set<string>()
    private realRootPath: string | undefined
    private readonly factsByPath = new Map<string, FileFacts | undefined>()
    private readonly byPath = new Map<string, AppFile>()
    private readonly handlerLists = new Map<HandlerKind, AppFile[]>()
    private relevant: AppFile[] | undefined
    private verbatim: boolean | undefined
    /** What bundledFiles() found. */
    private bundled: Set<AppFile> | undefined
    /** Number of files handed to the parser, for stats. */
    parsed = 0

    /** The files rules judge: every source file of the app (outside dependencies and build output). */
    readonly files: AppFile[]
    private readonly cache: FactsCache | undefined
    private readonly overrides: ReadonlyMap<string, string>
    private readonly inMemory: boolean
    /** Apps in folders below this one (a monorepo's packages), which the engine lints on their own. */
    readonly nestedApps: string[]
    /** Folders in src/ that could not be read (no permission): their handlers are unknown. */
    readonly unreadableDirs: string[]
    /** The folders the walk read: a file added, removed or renamed changes one of them. */
    readonly dirs: string[]

    /** An app whose files were found by discover() or discoverSync(). */
    constructor(
        readonly root: string,
        files: AppFile[],
        options: AppOptions = {}
    ) {
        this.cache = options.cache
        this.overrides = options.overrides ?? new Map()
        this.nestedApps = options.nestedApps ?? []
        this.unreadableDirs = options.unreadableDirs ?? []
        this.dirs = options.dirs ?? []
        this.inMemory = options.inMemory ?? false
        this.files = [...files, ...this.unsavedFiles(files)]
        for (const f of this.files) this.byPath.set(f.path, f)
    }

    /** Overridden files that are not on disk yet (a new editor buffer), where the walk would have found them. */
    private unsavedFiles(found: AppFile[]): AppFile[] {
        return [...this.overrides.keys()]
            .filter((p) => !found.some((f) => f.path === p) && !fs.existsSync(p))
            .map((p) => toPosix(path.relative(this.root, p)))
            .filter(isSourcePath)
            .map((rel) => appFile(this.root, rel))
    }

    static async load(root: string, cache?: FactsCache): Promise<App> {
        // The walk runs synchronously: a run has nothing to do while it waits, and the asynchronous walk waited on
        // the thread pool (starting it first) for each folder, about 50 ms of a cold run on 1000 handlers.
        const {files, nestedApps, unreadableDirs, dirs} = discoverSync(root)
        return new App(root, files, {cache, nestedApps, unreadableDirs, dirs})
    }

    /** Handler files the build picks up. Every rule asks, so the lists are kept. */
    handlers(kind: HandlerKind): AppFile[] {
        let list = this.handlerLists.get(kind)
        if (!list) {
            list = this.files.filter(
                (f) => f.handler?.kind === kind && f.handler.picked && f.handler.root && !f.isDirectory
            )
            this.handlerLists.set(kind, list)
        }
        return list
    }

    /** Files the checks must parse: handlers, files in handler roots, and files that use the SDK. */
    relevantFiles(): AppFile[] {
        return (this.relevant ??= this.files.filter((f) => this.isRelevant(f)))
    }

    /** Whether the checks must parse a file: a handler, a file in a handler root, or one that uses the SDK. */
    isRelevant(file: AppFile): boolean {
        return (
            !file.isDirectory && (file.handler !== undefined || anyRootOf(file.rel) !== undefined || this.usesSdk(file))
        )
    }

    fileAt(absPath: string): AppFile | undefined {
        return this.byPath.get(absPath)
    }

    /**
     * The files the server bundle includes: the handlers the build picks up, the server functions, and
     * the app modules they import, directly or further down. Imports are read from the texts (never
     * parsed), so that a file that does not parse is followed too; a type-only or commented-out import
     * counts as well, so that a doubt never leaves a file out.
     */
    bundledFiles(): Set<AppFile> {
        if (this.bundled) return this.bundled
        const queue = [
            ...this.handlers("webhook"),
            ...this.handlers("event"),
            ...this.files.filter((f) => !f.isDirectory && isServerFunctionPath(f.rel)),
        ]
        const bundled = new Set(queue)
        for (let i = 0; i < queue.length; i++) {
            for (const specifier of this.summary(queue[i])?.specifiers ?? []) {
                const target = this.resolveModule(queue[i], specifier)
                if (!target || bundled.has(target)) continue
                bundled.add(target)
                queue.push(target)
            }
        }
        return (this.bundled = bundled)
    }

    /** The file's text; null when it is not read (see unreadableReason) or is binary. */
    text(file: AppFile): string | null {
        let text = this.texts.get(file.path)
        if (text !== undefined) return text
        // The stamp is what the read's own lstat saw, before the read: a change after it moves the stamp, so a later
        // run reads the file again. A link has none (it is read afresh every run).
        let stamp: Stamp | undefined
        const lstat = this.cache ? (stats: fs.Stats) => (stamp = stampFrom(stats)) : undefined
        // The key the cache knew the file by (its stamp held when summary() looked): the bytes read decide now.
        const knownKey = this.keys.get(file.path)
        this.keys.delete(file.path)
        const read = this.overrides.get(file.path) ?? readBytes(file.path, {within: this.realRoot(), lstat})
        const decoded = read instanceof ReadFailure || typeof read === "string" ? read : read.toString("utf8")
        if (decoded instanceof ReadFailure) {
            this.failures.set(file.path, decoded)
            text = null
        } else if (decoded.includes("\u0000")) text = null
        else {
            // As ESLint: positions and fixes count from after a byte order mark (writing fixes keeps it).
            text = decoded.startsWith("\uFEFF") ? decoded.slice(1) : decoded
            this.sources.set(file.path, read as Buffer | string)
        }
        this.texts.set(file.path, text)
        const edited = knownKey !== undefined && this.keyOf(file) !== knownKey
        if (edited) this.editedDuringRun.add(file.path)
        if (edited || !this.summaries.has(file.path)) {
            this.summaries.set(file.path, text === null ? null : summarize(text))
        }
        if (stamp && !(decoded instanceof ReadFailure) && (knownKey === undefined || edited)) {
            this.cache!.rememberFile(file.path, {stamp, key: this.keyOf(file), summary: this.summaries.get(file.path)!})
        }
        return text
    }

    /**
     * What the checks read from the file's text besides its facts; null when it has no text (see text()). From the
     * facts cache while the file keeps the stamp it had when a run read it, so that an unchanged file is not read.
     */
    summary(file: AppFile): TextSummary | null {
        let summary = this.summaries.get(file.path)
        if (summary !== undefined) return summary
        const known = this.knownFile(file)
        if (known) {
            this.summaries.set(file.path, known.summary)
            this.keys.set(file.path, known.key)
            return known.summary
        }
        this.text(file)
        summary = this.summaries.get(file.path)!
        return summary
    }

    /** What the facts cache knows of a file that keeps its stamp. */
    private knownFile(file: AppFile): KnownFile | undefined {
        if (!this.cache || this.overrides.has(file.path) || this.texts.has(file.path)) return undefined
        return this.cache.knownFile(file.path, () => fileStamp(file.path))
    }

    /**
     * The facts cache's key for a file: the hash of its bytes as read (the text is theirs, decoded: no second
     * encoding) and its extension, which decides how the text parses (.ts, .tsx, .js); null when it has no text.
     */
    private keyOf(file: AppFile): string | null {
        let key = this.keys.get(file.path)
        if (key !== undefined) return key
        const source = this.sources.get(file.path)
        key = source === undefined ? null : `${contentHash(source)}${path.extname(file.path)}`
        this.keys.set(file.path, key)
        return key
    }

    /**
     * Whether the file changed between the look at its stamp and the read of its text: facts from the cache may
     * describe the text before the edit, so no fix is written to it and its text is not shown with them.
     */
    isEditedDuringRun(file: AppFile): boolean {
        return this.editedDuringRun.has(file.path)
    }

    /** Whether the file's text is an editor's buffer rather than what is on disk. */
    isOverridden(file: AppFile): boolean {
        return this.overrides.has(file.path)
    }

    /**
     * Why text() is null, for messages; undefined for a file that vanished since the walk listed it
     * (deleted during the run: nothing to report).
     */
    unreadableReason(file: AppFile): string | undefined {
        const failure = this.failures.get(file.path)
        if (!failure) return "is not a text file"
        return failure.problem === "missing" ? undefined : failure.message
    }

    /** The app root with its links resolved: what a link must stay inside to be followed. */
    private realRoot(): string {
        return (this.realRootPath ??= realpathOr(this.root))
    }

    usesSdk(file: AppFile): boolean {
        return this.summary(file)?.sdk ?? false
    }

    /** Parsed facts (from the cache when the content is unchanged), or undefined when the file cannot be read. */
    facts(file: AppFile): FileFacts | undefined {
        if (this.factsByPath.has(file.path)) return this.factsByPath.get(file.path)
        // The cache's key without reading the file when the cache knows it, else from its bytes.
        this.summary(file)
        const key = this.keyOf(file)
        let facts = key === null ? undefined : this.cache?.getFacts(key, () => this.text(file))
        const text = facts ? null : this.text(file)
        if (text !== null) {
            this.parsed++
            facts = extractFacts(typescriptSyntax(), file.path, text)
            this.cache?.setFacts(this.keyOf(file)!, facts)
        }
        this.factsByPath.set(file.path, facts)
        return facts
    }

    /** The app file a relative module specifier points at, TypeScript's way (`./x.js` may be `x.ts`). */
    resolveModule(from: AppFile, specifier: string): AppFile | undefined {
        if (!specifier.startsWith(".")) return undefined
        const base = path.resolve(path.dirname(from.path), specifier)
        const stem = base.replace(/\.(m|c)?(j|t)sx?$/, "")
        const candidates = [base, ...[".ts", ".tsx", ".js", ".jsx", ".mts", ".mjs"].map((e) => stem + e)]
        candidates.push(...[".ts", ".tsx", ".js"].map((e) => path.join(base, "index" + e)))
        for (const c of candidates) {
            const file = this.byPath.get(c)
            if (file && !file.isDirectory) return file
        }
        return undefined
    }

    /** The installed attio SDK's version, looked up from the app root upwards. */
    sdkVersion(): string | undefined {
        for (let dir = this.root; ; dir = path.dirname(dir)) {
            const manifest = path.join(dir, "node_modules", "attio", "package.json")
            const text = this.overrides.get(manifest) ?? (this.inMemory ? undefined : readText(manifest))
            try {
                const pkg = typeof text === "string" ? JSON.parse(text.replace(/^\uFEFF/, "")) : undefined
                if (typeof pkg?.version === "string") return pkg.version
            } catch {
                // not installed here; look further up (workspaces hoist dependencies)
            }
            if (path.dirname(dir) === dir) return undefined
        }
    }

    /** Whether the installed SDK predates 1.0 (see isLegacySdk). */
    hasLegacySdk(): boolean {
        return isLegacySdk(this.sdkVersion())
    }

    /**
     * Whether the app's tsconfig.json (or one it extends) sets verbatimModuleSyntax: the build's
     * bundler then keeps imports that only bring in types (`import {type X}`), as it reads that file.
     */
    verbatimModuleSyntax(): boolean {
        if (this.verbatim !== undefined) return this.verbatim
        const tsApi = typescriptSyntax()
        const configPath = path.join(this.root, "tsconfig.json")
        const host = configHost()
        const read = host.fileExists(configPath) ? tsApi.readConfigFile(configPath, host.readFile) : undefined
        const options = read?.config
            ? tsApi.parseJsonConfigFileContent(read.config, host, this.root, undefined, configPath).options
            : {}
        return (this.verbatim = options.verbatimModuleSyntax === true)
    }
}
