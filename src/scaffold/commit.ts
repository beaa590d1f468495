/**
 * Writing a Plan to disk, all or nothing. Every target is checked before the first write (see confine.ts),
 * each file is written to a temp file in its folder and renamed over the old one (write-file-atomic, which
 * `attio-lint --fix` uses too: it keeps the file's mode and owner), so a crash leaves each file old or
 * complete; and when a write still fails, the files already written are put back as they were.
 */
import fs from "node:fs"
import path from "node:path"
import writeFileAtomic from "write-file-atomic"
import {checkWritable} from "./confine.js"
import {ScaffoldError} from "./errors.js"
import {shownPath} from "./names.js"
import {readOriginal, type FileChange, type Plan} from "./plan.js"

/** The file operations a commit makes; tests swap in failing ones. */
export interface CommitIo {
    writeFile(file: string, content: string | Buffer): void
    mkdir(folder: string): void
}

const DISK: CommitIo = {
    writeFile: (file, content) => writeFileAtomic.sync(file, content),
    mkdir: (folder) => fs.mkdirSync(folder),
}

interface Written {
    file: string
    /** The bytes it had; undefined for a file the run created. */
    before: Buffer | undefined
}

export function commitPlan(plan: Plan, io: CommitIo = DISK) {
    const targets = beforeFirstWrite(() => {
        const checked = plan.changes.map((change) => ({change, target: checkWritable(plan.app.confined, change.path)}))
        for (const {change} of checked) checkUnchanged(plan, change)
        return checked
    })
    const written: Written[] = []
    const createdFolders: string[] = []
    try {
        // New files first: undoing them never needs disk space, where restoring an edited file does.
        for (const {change, target} of [...targets].sort((a, b) => rank(a.change) - rank(b.change))) {
            const firstMissing = target.missing === -1 ? target.parts.length : target.missing
            for (let i = firstMissing; i < target.parts.length - 1; i++) {
                const folder = path.join(plan.root, ...target.parts.slice(0, i + 1))
                // An earlier change of this run may have created it.
                if (createdFolders.includes(folder)) continue
                io.mkdir(folder)
                createdFolders.push(folder)
            }
            const original = plan.originals.get(change.path)
            const content = original?.bom ? `\uFEFF${change.content}` : change.content
            io.writeFile(target.file, content)
            written.push({file: target.file, before: original?.bytes})
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
function checkUnchanged(plan: Plan, change: FileChange) {
    const before = plan.originals.get(change.path)?.bytes
    const now = readOriginal(plan.app, change.path)?.bytes
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
