/**
 * File discovery: one glob walk of an app for its source files (outside dependencies and build output), noting
 * the folders it read, the folders in src/ it could not read and the apps nested below it, and classifying each
 * file's path as the build's handler glob would (./layout.ts).
 */
import fs from "node:fs"
import path from "node:path"

import {type FileSystemAdapter, glob, globSync, type GlobOptions} from "tinyglobby"

import {classifyHandlerPath, HANDLER_ROOTS, type HandlerPathInfo, toPosix} from "./layout.js"
import {isInside, realpathOr} from "./read-file.js"

const SOURCE_EXTENSIONS = ["ts", "tsx", "js", "jsx", "mts", "cts", "mjs", "cjs"]
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

/** The glob's options, with a file system that notes every directory it reads, and what to make of its entries. */
function walker(root: string): {options: GlobOptions; found: (entries: string[]) => Discovery} {
    const dirs = new Set<string>()
    const unreadable = new Set<string>()
    const read = (dir: string) => dirs.add(path.resolve(root, dir))
    // The walk skips folders it cannot read; one in src/ may hold handlers, so it is noted.
    const failed = (dir: string, error: NodeJS.ErrnoException | null) => {
        const abs = path.resolve(root, dir)
        if ((error?.code === "EACCES" || error?.code === "EPERM") && /^src([\\/]|$)/.test(path.relative(root, abs)))
            unreadable.add(abs)
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
        readdir: ((
            dir: string,
            options: never,
            callback: (error: NodeJS.ErrnoException | null, entries: unknown) => void
        ) => {
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
                // In path order: the walk's own order depends on how it walks (the synchronous one goes depth first).
                nestedApps: nested.map((n) => path.join(root, n.slice(0, -1))).sort(),
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

export function appFile(root: string, rel: string): AppFile {
    return {path: path.join(root, rel), rel: toPosix(rel), handler: classifyHandlerPath(rel)}
}

const SOURCE_FILE = new RegExp(`\\.(${SOURCE_EXTENSIONS.join("|")})$`)

/** Whether the walk lists an app-relative posix path: a source file outside dependencies, build output and dot folders. */
export function isSourcePath(rel: string): boolean {
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
    // Decided once per folder: the walk lists a folder's files together.
    const byDir = new Map<string, boolean>()
    return (rel) => {
        const dir = path.dirname(rel)
        let through = byDir.get(dir)
        if (through === undefined) {
            // A folder removed since the walk read it resolves to itself: its entries are then read (and missed) quietly.
            const real = realpathOr(path.join(root, dir))
            const inside = path.relative(realRoot, real)
            through =
                real !== path.join(realRoot, dir) &&
                !inside.startsWith("..") &&
                !path.isAbsolute(inside) &&
                !isIgnoredPath(inside)
            byDir.set(dir, through)
        }
        return through
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
