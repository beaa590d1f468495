/**
 * Bounded reads of the user's files: only regular files, up to a size cap, optionally only inside a
 * folder. A FIFO, a device (a link to /dev/zero), a socket or a huge file named like a source or
 * config file must never hang a run or eat its memory; a link out of the app must not be followed.
 */
import fs from "node:fs"
import path from "node:path"

/** The largest source or config file read; a larger one is reported, never loaded. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024

export type ReadProblem =
    "missing" | "dangling" | "no-permission" | "not-a-file" | "outside" | "too-large" | "unreadable"

/** Why a file was not read; `message` completes "<file> …". */
export class ReadFailure {
    constructor(
        readonly problem: ReadProblem,
        readonly message: string
    ) {}
}

export interface ReadOptions {
    /** Default MAX_FILE_BYTES. */
    maxBytes?: number
    /** A real (symlink-free) folder: a link resolving outside it is not followed. */
    within?: string
    /** Handed what lstat saw of a file that is not a link, before it is opened (a stamp taken before the read). */
    lstat?: (stats: fs.Stats) => void
}

/** Opening a FIFO without a writer blocks; with O_NONBLOCK it returns at once (not on Windows, which has no FIFOs). */
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0)

/** The file's bytes, or why it was not read. Never throws. */
export function readBytes(file: string, options: ReadOptions = {}): Buffer | ReadFailure {
    const maxBytes = options.maxBytes ?? MAX_FILE_BYTES
    let fd: number | undefined
    try {
        const link = fs.lstatSync(file)
        if (
            link.isSymbolicLink() &&
            options.within !== undefined &&
            !isInside(options.within, fs.realpathSync.native(file))
        ) {
            return new ReadFailure("outside", "is a link to a path outside the app")
        }
        // Decided before opening: opening some devices has effects of its own. What lstat saw is the file itself
        // unless it is a link.
        if (!(link.isSymbolicLink() ? fs.statSync(file) : link).isFile()) return notAFile()
        if (!link.isSymbolicLink()) options.lstat?.(link)
        fd = fs.openSync(file, OPEN_FLAGS)
        // Checked again on what was opened: the path may have been swapped in between.
        const stat = fs.fstatSync(fd)
        if (!stat.isFile()) return notAFile()
        if (stat.size > maxBytes) return tooLarge(maxBytes)
        // Read one byte more than allowed: a file growing while it is read is still bounded.
        // Not zeroed: only the bytes read are returned.
        const buffer = Buffer.allocUnsafe(Math.min(stat.size, maxBytes) + 1)
        let length = 0
        for (let n; length < buffer.length && (n = fs.readSync(fd, buffer, length, buffer.length - length, null)) > 0;)
            length += n
        if (length > maxBytes) return tooLarge(maxBytes)
        return buffer.subarray(0, length)
    } catch (error) {
        return failure(file, error as NodeJS.ErrnoException)
    } finally {
        if (fd !== undefined) fs.closeSync(fd)
    }
}

/** The file's text (UTF-8, a byte order mark kept), or why it was not read. Never throws. */
export function readText(file: string, options: ReadOptions = {}): string | ReadFailure {
    const bytes = readBytes(file, options)
    return bytes instanceof ReadFailure ? bytes : bytes.toString("utf8")
}

/**
 * The JSON value of a bounded regular file (package.json…), a byte order mark allowed as npm allows it; undefined
 * when it cannot be read or does not parse.
 */
export function readJson(file: string, options: ReadOptions = {}): unknown {
    const text = readText(file, options)
    if (typeof text !== "string") return undefined
    try {
        return JSON.parse(text.replace(/^\uFEFF/, ""))
    } catch {
        return undefined
    }
}

/** Whether `target` is `dir` or lies below it (both absolute). */
export function isInside(dir: string, target: string): boolean {
    const rel = path.relative(dir, target)
    return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel))
}

/** The path with its links resolved, or as it is when it no longer exists. */
export function realpathOr(p: string): string {
    try {
        return fs.realpathSync.native(p)
    } catch {
        return p
    }
}

function notAFile(): ReadFailure {
    return new ReadFailure("not-a-file", "is not a regular file (a folder, device, FIFO or socket)")
}

function tooLarge(maxBytes: number): ReadFailure {
    return new ReadFailure("too-large", `is larger than ${maxBytes / 1024 / 1024} MB, the most attio-lint reads`)
}

function failure(file: string, error: NodeJS.ErrnoException): ReadFailure {
    switch (error.code) {
        case "ENOENT":
        case "ENOTDIR":
            // Listed by the walk, but Node turned the name's invalid bytes into U+FFFD: no path opens it.
            if (path.basename(file).includes("\uFFFD") && fs.existsSync(path.dirname(file))) {
                return new ReadFailure(
                    "unreadable",
                    "has a name that is not valid UTF-8, which cannot be opened; rename it"
                )
            }
            return isLink(file)
                ? new ReadFailure("dangling", "is a dangling link")
                : new ReadFailure("missing", "does not exist")
        case "ELOOP":
            return new ReadFailure("dangling", "is a link that loops")
        case "EACCES":
        case "EPERM":
            return new ReadFailure("no-permission", "cannot be read (no permission)")
        case "EISDIR":
            return notAFile()
        default:
            return new ReadFailure("unreadable", `cannot be read (${error.code ?? error.message})`)
    }
}

/** Whether the path is a symbolic link (it may point nowhere). */
export function isLink(file: string): boolean {
    try {
        return fs.lstatSync(file).isSymbolicLink()
    } catch {
        return false
    }
}
