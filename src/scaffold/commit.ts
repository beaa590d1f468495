/**
 * Writing a Tree's changes to disk, all or nothing. Every target is checked before the first write (see
 * confine.ts), each file is written to a temp file in its folder and renamed over the old one (write-file-atomic,
 * which `attio-lint --fix` uses too: it keeps the file's mode and owner), so a crash leaves each file old or
 * complete; and when a write still fails, the files already written are put back as they were.
 */
import fs from "node:fs"
import path from "node:path"
import writeFileAtomic from "write-file-atomic"
import {checkWritable} from "./confine.js"
import type {DiskHost} from "./disk-host.js"
import {ScaffoldError} from "./errors.js"
import {shownPath} from "./names.js"
import type {FileChange, Tree} from "./tree.js"

/** The file operations a commit makes; tests swap in failing ones. */
export interface CommitIo {
    writeFile(file: string, content: string | Buffer): void
    mkdir(folder: string): void
}

export const DISK_IO: CommitIo = {
    writeFile: (file, content) => writeFileAtomic.sync(file, content),
    mkdir: (folder) => fs.mkdirSync(folder),
}

interface Written {
    file: string
    /** The bytes it had; undefined for a file the run created. */
    before: Buffer | undefined
}

export function commitChanges(host: DiskHost, tree: Tree) {
    const {io} = host
    const targets = beforeFirstWrite(() => {
        const checked = tree.changes.map((change) => ({change, target: checkWritable(host.confined, change.path)}))
        for (const {change} of checked) checkUnchanged(host, tree, change)
        return checked
    })
    const written: Written[] = []
    const createdFolders: string[] = []
    try {
        // New files first: undoing them never needs disk space, where restoring an edited file does.
        for (const {change, target} of [...targets].sort((a, b) => rank(a.change) - rank(b.change))) {
            const firstMissing = target.missing === -1 ? target.parts.length : target.missing
            for (let i = firstMissing; i < target.parts.length - 1; i++) {
                const folder = path.join(host.root, ...target.parts.slice(0, i + 1))
                // An earlier change of this run may have created it.
                if (createdFolders.includes(folder)) continue
                io.mkdir(folder)
                createdFolders.push(folder)
            }
            io.writeFile(target.file, tree.contentToWrite(change))
            written.push({file: target.file, before: tree.originals.get(change.path)?.bytes})
        }
    } catch (error) {
        const failed = rollBack(written, createdFolders, io)
        const what = (error as Error).message
        throw new ScaffoldError(
            failed.length === 0
                ? `A file could not be written (${what}); every file was left as it was.`
                : `A file could not be written (${what}), and ${failed.map(shownPath).join(", ")} could not be restored.`
        )
    }
}

function beforeFirstWrite<T>(check: () => T): T {
    try {
        return check()
    } catch (error) {
        if (error instanceof ScaffoldError) throw new ScaffoldError(`${error.message} Nothing was written.`)
        throw error
    }
}

function rank(change: FileChange): number {
    return change.action === "create" ? 0 : 1
}

/**
 * Another run (or an editor) may have changed a file since the plan read it: writing the plan's version would
 * lose that change, so the run stops instead.
 */
function checkUnchanged(host: DiskHost, tree: Tree, change: FileChange) {
    const before = tree.originals.get(change.path)?.bytes
    const now = host.read(change.path)?.bytes
    if (before === undefined ? now === undefined : now !== undefined && before.equals(now)) return
    throw new ScaffoldError(
        `${shownPath(change.path)} was changed by another run (or an editor) while the generator ran; run the generator again.`
    )
}

/** Undoes the writes, newest first; returns the files it could not restore. */
function rollBack(written: Written[], createdFolders: string[], io: CommitIo): string[] {
    const failed: string[] = []
    for (const {file, before} of written.reverse()) {
        try {
            if (before === undefined) fs.rmSync(file, {force: true})
            else io.writeFile(file, before)
        } catch {
            failed.push(file)
        }
    }
    for (const folder of createdFolders.reverse()) {
        try {
            fs.rmdirSync(folder)
        } catch {
            failed.push(folder)
        }
    }
    return failed
}
