/**
 * Keeping the generators inside the app: every path they read or write is checked component by component, so
 * that no symbolic link (a handler folder, an event file) takes a read or a write outside the app, and a
 * dangling link is never written through (writing would create its target wherever it points).
 */
import fs from "node:fs"
import path from "node:path"
import {isInside} from "../app-model/read-file.js"
import {ScaffoldError} from "./errors.js"
import {shownPath} from "./names.js"

/** Largest file name and path the file systems the platform's users have accept (Linux NAME_MAX, PATH_MAX). */
const NAME_MAX = 255
const PATH_MAX = 4095

export interface Confinement {
    /** The app's root, as the generator names paths from it. */
    root: string
    /** Real path of the folder links may point into: the app, or with --allow-symlinks the repository. */
    allowed: string
    /** How the message names the allowed folder. */
    allowedName: string
}

/** The app's confinement; with `allowSymlinks`, links may also point elsewhere in the app's git repository. */
export function confinement(root: string, allowSymlinks: boolean): Confinement {
    const realRoot = fs.realpathSync(root)
    const repository = allowSymlinks ? repositoryRoot(realRoot) : undefined
    return repository
        ? {root, allowed: repository, allowedName: `the repository (${repository})`}
        : {root, allowed: realRoot, allowedName: "the app"}
}

/** The nearest folder at or above the app with a `.git`: the repository a link may stay in. */
function repositoryRoot(start: string): string | undefined {
    for (let dir = start; ; dir = path.dirname(dir)) {
        if (fs.existsSync(path.join(dir, ".git"))) return dir
        if (path.dirname(dir) === dir) return undefined
    }
}

/** What exists of an app-relative path: the first missing component (`missing`, or -1 when the path exists). */
export interface Target {
    file: string
    /** Index in `parts` of the first component that does not exist; -1 when the whole path exists. */
    missing: number
    parts: string[]
    /** The existing path's type, when it exists. */
    stats?: fs.Stats
}

/**
 * Walks `relPath` from the app root and refuses a component that is a link leaving the allowed folder, or
 * pointing nowhere. Reads nothing but metadata.
 */
export function resolveTarget(confined: Confinement, relPath: string): Target {
    const parts = relPath.split("/")
    let at = confined.root
    for (const [i, part] of parts.entries()) {
        at = path.join(at, part)
        const link = lstat(at, relPath)
        if (link === undefined) return {file: path.join(confined.root, relPath), missing: i, parts}
        if (link.isSymbolicLink()) checkLink(confined, at, parts.slice(0, i + 1).join("/"))
    }
    const file = path.join(confined.root, relPath)
    return {file, missing: -1, parts, stats: fs.statSync(file)}
}

function lstat(file: string, relPath: string): fs.Stats | undefined {
    try {
        return fs.lstatSync(file, {throwIfNoEntry: false})
    } catch (error) {
        // ENOTDIR: a file where a folder is needed, which the pre-commit check reports with its own message.
        if ((error as NodeJS.ErrnoException).code === "ENOTDIR") return undefined
        throw new ScaffoldError(`${shownPath(relPath)} cannot be read: ${(error as Error).message}.`)
    }
}

function checkLink(confined: Confinement, link: string, relPath: string) {
    let target: string
    try {
        target = fs.realpathSync(link)
    } catch (error) {
        const where =
            (error as NodeJS.ErrnoException).code === "ELOOP" ? "which leads back to itself" : "which does not exist"
        throw new ScaffoldError(
            `${shownPath(relPath)} is a symbolic link to ${shownPath(fs.readlinkSync(link))}, ${where}; the generator does not write through a dangling link. Remove it or point it at a file in the app.`
        )
    }
    if (!isInside(confined.allowed, target)) {
        throw new ScaffoldError(
            `${shownPath(relPath)} is a symbolic link to ${shownPath(target)}, outside ${confined.allowedName}; the generator neither reads nor writes outside it.${confined.allowedName === "the app" ? " (--allow-symlinks allows links that stay inside the repository.)" : ""}`
        )
    }
}

/**
 * Everything that would make writing `relPath` fail, checked before the first write of a run: a name too
 * long, a file where a folder is needed (or a folder where the file goes), a folder or file that may not be
 * written.
 */
export function checkWritable(confined: Confinement, relPath: string): Target {
    const shown = shownPath(relPath)
    const long = relPath.split("/").find((part) => Buffer.byteLength(part) > NAME_MAX)
    if (long !== undefined || Buffer.byteLength(path.join(confined.root, relPath)) > PATH_MAX) {
        throw new ScaffoldError(`${shown}: the name is too long for the file system; use a shorter handler id.`)
    }
    const target = resolveTarget(confined, relPath)
    const existing = target.missing === -1 ? target.parts.length - 1 : target.missing
    const parent = path.join(confined.root, ...target.parts.slice(0, existing))
    if (existing > 0 && !fs.statSync(parent).isDirectory()) {
        throw new ScaffoldError(
            `${shownPath(target.parts.slice(0, existing).join("/"))} is a file, where the generator needs a folder.`
        )
    }
    if (target.stats && !target.stats.isFile()) {
        throw new ScaffoldError(
            `${shown} exists and is not a regular file (a folder, a device, a pipe?); the generator does not replace it.`
        )
    }
    checkAccess(parent, shownPath(target.parts.slice(0, existing).join("/") || "."), "folder")
    // Root may write any file; a file without a write bit was made read-only on purpose (as attio-lint --fix holds).
    if (target.stats && (target.stats.mode & 0o222) === 0) {
        throw new ScaffoldError(`The file ${shown} may not be written (it is read-only).`)
    }
    if (target.stats) checkAccess(target.file, shown, "file")
    return target
}

function checkAccess(file: string, shown: string, what: string) {
    try {
        fs.accessSync(file, fs.constants.W_OK | (what === "folder" ? fs.constants.X_OK : 0))
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code
        const reason =
            code === "EROFS"
                ? "a read-only file system"
                : code === "EACCES"
                  ? "permission denied"
                  : code === "EPERM"
                    ? "not permitted: immutable or append-only, see lsattr"
                    : code
        throw new ScaffoldError(`The ${what} ${shown} may not be written (${reason}).`)
    }
}
