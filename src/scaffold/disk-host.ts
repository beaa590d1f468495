/**
 * The app on disk as a Tree's host: contents are read only inside the app (confine.ts: no link leaving it), only
 * from regular files of bounded size, only as UTF-8; writing is commit.ts's. Metadata (whether a path exists,
 * a folder's names) follows links as the build's glob does.
 */
import fs from "node:fs"
import path from "node:path"
import type {App as AppModel} from "../app-model/app.js"
// Larger files are no handlers the generator should edit, as attio-lint reads none (a device would never end).
import {MAX_FILE_BYTES} from "../app-model/read-file.js"
import {commitChanges, DISK_IO, type CommitIo} from "./commit.js"
import {resolveTarget, type Confinement} from "./confine.js"
import {ScaffoldError} from "./errors.js"
import {shownPath} from "./names.js"
import type {Host, Original, Tree} from "./tree.js"

export class DiskHost implements Host {
    readonly root: string

    constructor(
        /** Where the generator may read and write: the app, through no link leaving it. */
        readonly confined: Confinement,
        /** The file operations a commit makes; tests swap in failing ones. */
        readonly io: CommitIo = DISK_IO
    ) {
        this.root = confined.root
    }

    /**
     * Refuses a file that is not valid UTF-8 (rewriting it would replace its bytes with U+FFFD), not a regular
     * file, too large, or reached through a link that leaves the app.
     */
    read(relPath: string): Original | undefined {
        const target = resolveTarget(this.confined, relPath)
        const shown = shownPath(relPath)
        if (!target.stats) return undefined
        if (!target.stats.isFile())
            throw new ScaffoldError(`${shown} is not a regular file; the generator only edits files.`)
        if (target.stats.size > MAX_FILE_BYTES) {
            throw new ScaffoldError(
                `${shown} is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB; the generator does not edit it.`
            )
        }
        let bytes: Buffer
        try {
            bytes = fs.readFileSync(target.file)
        } catch (error) {
            throw new ScaffoldError(`${shown} cannot be read: ${(error as Error).message}.`)
        }
        return decode(relPath, bytes)
    }

    exists(relPath: string): boolean {
        return fs.existsSync(this.abs(relPath))
    }

    isDirectory(relPath: string): boolean {
        return fs.statSync(this.abs(relPath), {throwIfNoEntry: false})?.isDirectory() ?? false
    }

    list(relDir: string): string[] {
        try {
            return fs.readdirSync(this.abs(relDir))
        } catch {
            return []
        }
    }

    /** The model attio-lint builds (one walk of the app), with the run's new texts over the disk's. */
    async loadModel(texts: ReadonlyMap<string, string>): Promise<AppModel> {
        const [{App}, {discover}] = await Promise.all([
            import("../app-model/app.js"),
            import("../app-model/discovery.js"),
        ])
        const {files, nestedApps, unreadableDirs, dirs} = await discover(this.root)
        const overrides = new Map([...texts].map(([relPath, text]) => [this.abs(relPath), text]))
        return new App(this.root, files, {nestedApps, unreadableDirs, dirs, overrides})
    }

    commit(tree: Tree) {
        commitChanges(this, tree)
    }

    private abs(relPath: string): string {
        return path.join(this.root, relPath)
    }
}

/** A file's bytes as text, its BOM noted and left out; refused unless valid UTF-8 (see DiskHost.read). */
export function decode(relPath: string, bytes: Buffer): Original {
    let text: string
    try {
        text = new TextDecoder("utf-8", {fatal: true, ignoreBOM: true}).decode(bytes)
    } catch {
        throw new ScaffoldError(
            `${shownPath(relPath)} is not valid UTF-8 text; the generator does not edit it (its bytes would be lost). Save it as UTF-8 and run again.`
        )
    }
    const bom = text.startsWith("\uFEFF")
    return {bytes, text: bom ? text.slice(1) : text, bom}
}
