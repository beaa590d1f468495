/**
 * The app model: which files an Attio app has that matter to its handler story, and what each says.
 * Files are discovered with one glob walk; their facts are read lazily (a file is parsed only when
 * something asks about it) so that the syntactic path touches as little as possible.
 */
import fs from "node:fs"
import path from "node:path"

import {type FileSystemAdapter, glob, globSync, type GlobOptions} from "tinyglobby"

import {extractFacts, type FileFacts, mentionsSdk} from "./facts/index.js"
import type {FactsCache} from "./facts-cache.js"
import {contentHash} from "./sealed-file.js"
import {typescriptSyntax} from "./typescript.js"
import {anyRootOf, classifyHandlerPath, HANDLER_ROOTS, type HandlerKind, type HandlerPathInfo, isServerFunctionPath, toPosix} from "./layout.js"
import {isInside, readText, ReadFailure, realpathOr} from "./read-file.js"
import {configHost} from "./setup.js"

const SOURCE_EXTENSIONS = ["ts", "tsx", "js", "jsx", "mts", "cts", "mjs", "cjs"]
/** Relative module specifiers in a text: `from "./x"`, `import "./x"`, `import("./x")`. */
export const RELATIVE_SPECIFIER = /\bfrom\s*["'](\.[^"']*)["']|\bimport\s*\(?\s*["'](\.[^"']*)["']/g
export const SOURCE_GLOB = `**/*.{${SOURCE_EXTENSIONS.join(",")}}`
/** Found in the same walk: a package.json below the root starts another app. */
const PACKAGE_GLOB = "**/package.json"
/** Dependencies, at any depth: never the app's own source. */
const DEPENDENCY_DIRS = ["node_modules", ".git"]
/** Build output, at the app's top level only (`src/lib/` is source, `lib/` is tsc's output). */
const OUTPUT_DIRS = ["dist", "lib", "build", "out", "coverage", ".attio"]
export const IGNORED_GLOBS = [...DEPENDENCY_DIRS.map((d) => `**/${d}/**`), ...OUTPUT_DIRS.map((d) => `${d}/**`)]

/** Whether an app-relative path lies in dependencies or build output. */
export function isIgnoredPath(rel: string): boolean {
    const parts = rel.split(/[\\/]/)
    return OUTPUT_DIRS.includes(parts[0]) || parts.some((part) => DEPENDENCY_DIRS.includes(part))
}

export interface AppFile {
    /** Absolute path. */
    path: string
    /** App-relative, posix separators. */
    rel: string
    handler: HandlerPathInfo | undefined
    /** A directory whose name looks like a handler file. */
    isDirectory?: boolean
}

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
}

/** What one walk of an app found. */
export interface Discovery {
    files: AppFile[]
    /** Folders below the root with their own package.json: other apps (a monorepo), whose files are theirs. */
    nestedApps: string[]
    /** Folders in src/ the walk could not read (no permission), absolute. */
    unreadableDirs: string[]
    /** Absolute paths of the directories the walk read: adding, removing or renaming a file changes one's mtime. */
    dirs: string[]
}

/** Walks the app for its source files (outside dependencies and build output). */
export async function discover(root: string): Promise<Discovery> {
    const walk = walker(root)
    return walk.found(await glob([SOURCE_GLOB, PACKAGE_GLOB], walk.options))
}

/** discover(), for callers that cannot wait (ESLint rules are synchronous). */
export function discoverSync(root: string): Discovery {
    const walk = walker(root)
    return walk.found(globSync([SOURCE_GLOB, PACKAGE_GLOB], walk.options))
}

// Its own module, so that the warm path can find the app without loading the walk and the parser.
export {findAppRoot} from "./root.js"

export class App {
    private readonly texts = new Map<string, string | null>()
    private readonly failures = new Map<string, ReadFailure>()
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
        const {files, nestedApps, unreadableDirs, dirs} = await discover(root)
        return new App(root, files, {cache, nestedApps, unreadableDirs, dirs})
    }

    /** Handler files the build picks up. Every rule asks, so the lists are kept. */
    handlers(kind: HandlerKind): AppFile[] {
        let list = this.handlerLists.get(kind)
        if (!list) {
            list = this.files.filter((f) => f.handler?.kind === kind && f.handler.picked && f.handler.root && !f.isDirectory)
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
        return !file.isDirectory && (file.handler !== undefined || anyRootOf(file.rel) !== undefined || this.usesSdk(file))
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
            const text = this.text(queue[i])
            for (const [, from, bare] of text === null ? [] : text.matchAll(RELATIVE_SPECIFIER)) {
                const target = this.resolveModule(queue[i], from ?? bare)
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
        const read = this.overrides.get(file.path) ?? readText(file.path, {within: this.realRoot()})
        if (read instanceof ReadFailure) {
            this.failures.set(file.path, read)
            text = null
        } else if (read.includes("\u0000")) text = null
        // As ESLint: positions and fixes count from after a byte order mark (writing fixes keeps it).
        else text = read.startsWith("\uFEFF") ? read.slice(1) : read
        this.texts.set(file.path, text)
        return text
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
        const text = this.text(file)
        return text !== null && mentionsSdk(text)
    }

    /** Parsed facts (from the cache when the content is unchanged), or undefined when the file cannot be read. */
    facts(file: AppFile): FileFacts | undefined {
        if (this.factsByPath.has(file.path)) return this.factsByPath.get(file.path)
        const text = this.text(file)
        let facts: FileFacts | undefined
        if (text !== null) {
            // The extension decides how the text parses (.ts, .tsx, .js), so it is part of the key.
            const hash = contentHash(`${path.extname(file.path)}\0${text}`)
            facts = this.cache?.getFacts(hash, text)
            if (!facts) {
                this.parsed++
                facts = extractFacts(typescriptSyntax(), file.path, text)
                this.cache?.setFacts(hash, facts)
            }
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
            const text = readText(path.join(dir, "node_modules", "attio", "package.json"))
            try {
                const pkg = typeof text === "string" ? JSON.parse(text.replace(/^\uFEFF/, "")) : undefined
                if (typeof pkg?.version === "string") return pkg.version
            } catch {
                // not installed here; look further up (workspaces hoist dependencies)
            }
            if (path.dirname(dir) === dir) return undefined
        }
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
        const options = read?.config ? tsApi.parseJsonConfigFileContent(read.config, host, this.root, undefined, configPath).options : {}
        return (this.verbatim = options.verbatimModuleSyntax === true)
    }
}


/** The glob's options, with a file system that notes every directory it reads, and what to make of its entries. */
function walker(root: string): {options: GlobOptions; found: (entries: string[]) => Discovery} {
    const dirs = new Set<string>()
    const unreadable = new Set<string>()
    const read = (dir: string) => dirs.add(path.resolve(root, dir))
    // The walk skips folders it cannot read; one in src/ may hold handlers, so it is noted.
    const failed = (dir: string, error: NodeJS.ErrnoException | null) => {
        const abs = path.resolve(root, dir)
        if ((error?.code === "EACCES" || error?.code === "EPERM") && /^src([\\/]|$)/.test(path.relative(root, abs))) unreadable.add(abs)
    }
    // A link to a folder outside the app (`/`, a home folder) is not walked: nothing outside the app is read.
    const realRoot = realpathOr(root)
    const outside = (target: string, stat: fs.Stats) => stat.isDirectory() && !isInside(realRoot, target)
    const outsideError = (target: string) => Object.assign(new Error(`${target} is outside the app`), {code: "EXDEV"})
    const recording: FileSystemAdapter = {
        // The walk stats only the targets of links, after resolving them with realpath.
        stat: ((target: string, callback: (error: NodeJS.ErrnoException | null, stat?: fs.Stats) => void) => {
            fs.stat(target, (error, stat) => {
                if (!error && outside(target, stat)) callback(outsideError(target))
                else callback(error, stat)
            })
        }) as typeof fs.stat,
        statSync: ((target: string) => {
            const stat = fs.statSync(target)
            if (outside(target, stat)) throw outsideError(target)
            return stat
        }) as typeof fs.statSync,
        readdir: ((dir: string, options: never, callback: (error: NodeJS.ErrnoException | null, entries: unknown) => void) => {
            read(dir)
            fs.readdir(dir, options, (error, entries) => {
                failed(dir, error)
                callback(error, entries)
            })
        }) as typeof fs.readdir,
        readdirSync: ((dir: string, options: never) => {
            read(dir)
            try {
                return fs.readdirSync(dir, options)
            } catch (error) {
                failed(dir, error as NodeJS.ErrnoException)
                throw error
            }
        }) as typeof fs.readdirSync,
    }
    const options: GlobOptions = {
        cwd: root,
        onlyFiles: false,
        dot: false,
        followSymbolicLinks: true,
        ignore: IGNORED_GLOBS,
        expandDirectories: false,
        fs: recording,
    }
    return {
        options,
        found: (entries) => {
            // A package.json in a src/ folder starts no app (see findAppRoot).
            const nested = entries
                .filter((e) => e.endsWith("/package.json") && !/(^|\/)src\//.test(e))
                .map((e) => e.slice(0, -"package.json".length))
            const own = entries.filter((e) => !e.endsWith("package.json") && !nested.some((n) => e.startsWith(n)))
            return {
                files: appFiles(root, own),
                nestedApps: nested.map((n) => path.join(root, n.slice(0, -1))),
                unreadableDirs: [...unreadable].sort(),
                dirs: [...dirs],
            }
        },
    }
}

/** The glob's entries as app files: declaration files, aliases through linked folders and plain directories left out. */
function appFiles(root: string, entries: string[]): AppFile[] {
    const files: AppFile[] = []
    const reachedTwice = throughLinkedDirectory(root)
    const isLink = symbolicLinks(root)
    for (const entry of [...entries, ...danglingHandlerLinks(root)].sort()) {
        const isDirectory = entry.endsWith("/")
        const rel = isDirectory ? entry.slice(0, -1) : entry
        if (rel.endsWith(".d.ts") || reachedTwice(rel)) continue
        const file = appFile(root, rel)
        const handler = file.handler
        if (isDirectory) {
            // A link to a folder named like a handler is listed by the build's glob, which then bundles its index file.
            if (!handler || isLink(rel)) continue
            file.isDirectory = true
        }
        // The build's glob does not descend into linked folders, nor into a root that is itself a link.
        if (handler?.root && handler.picked && linkedFolderBetween(handler.root.dir, rel, isLink)) {
            file.handler = {...handler, picked: false, linked: true}
        }
        files.push(file)
    }
    return files
}

/** Whether the folder `rootDir` or one below it on the way to `rel` is a symbolic link. */
function linkedFolderBetween(rootDir: string, rel: string, isLink: (rel: string) => boolean): boolean {
    for (let dir = path.posix.dirname(rel); dir.length >= rootDir.length; dir = path.posix.dirname(dir)) {
        if (isLink(dir)) return true
    }
    return false
}

/** Whether an app-relative path is a symbolic link, remembered per path. */
function symbolicLinks(root: string): (rel: string) => boolean {
    const known = new Map<string, boolean>()
    return (rel) => {
        let link = known.get(rel)
        if (link === undefined) {
            try {
                link = fs.lstatSync(path.join(root, rel)).isSymbolicLink()
            } catch {
                link = false
            }
            known.set(rel, link)
        }
        return link
    }
}

function appFile(root: string, rel: string): AppFile {
    return {path: path.join(root, rel), rel: toPosix(rel), handler: classifyHandlerPath(rel)}
}

const SOURCE_FILE = new RegExp(`\\.(${SOURCE_EXTENSIONS.join("|")})$`)

/** Whether the walk lists an app-relative posix path: a source file outside dependencies, build output and dot folders. */
function isSourcePath(rel: string): boolean {
    const parts = rel.split("/")
    return (
        SOURCE_FILE.test(rel) &&
        !rel.endsWith(".d.ts") &&
        !path.isAbsolute(rel) &&
        !isIgnoredPath(rel) &&
        !parts.some((part) => part === ".." || part.startsWith("."))
    )
}

/**
 * Whether an entry was reached through a symlinked directory that points back into the app (a loop
 * or an alias): the same file is listed under its real path, so the alias is skipped.
 */
function throughLinkedDirectory(root: string): (rel: string) => boolean {
    const realRoot = realpathOr(root)
    const realDirs = new Map<string, string>()
    return (rel) => {
        const dir = path.dirname(path.join(root, rel))
        let real = realDirs.get(dir)
        if (real === undefined) {
            // A folder removed since the walk read it resolves to itself: its entries are then read (and missed) quietly.
            real = realpathOr(dir)
            realDirs.set(dir, real)
        }
        if (real === path.join(realRoot, path.dirname(rel))) return false
        const inside = path.relative(realRoot, real)
        const ignored = isIgnoredPath(inside)
        return !inside.startsWith("..") && !path.isAbsolute(inside) && !ignored
    }
}

/** Handler-named links in the handler roots that point nowhere: the glob cannot see them. */
function danglingHandlerLinks(root: string): string[] {
    const found: string[] = []
    const realRoot = realpathOr(root)
    for (const {dir} of HANDLER_ROOTS) {
        // A handler root that links out of the app is not walked (the glob skips it too).
        if (!isInside(realRoot, realpathOr(path.join(root, dir)))) continue
        let entries: fs.Dirent[]
        try {
            entries = fs.readdirSync(path.join(root, dir), {recursive: true, withFileTypes: true})
        } catch {
            continue
        }
        for (const entry of entries) {
            if (!entry.isSymbolicLink() || !classifyHandlerPath(entry.name)) continue
            const abs = path.join(entry.parentPath, entry.name)
            if (!fs.existsSync(abs)) found.push(toPosix(path.relative(root, abs)))
        }
    }
    return found
}
