/**
 * The in-memory change set of one generator run (the Angular schematics / Nx way): every file's new content
 * is computed and checked first, and only then is anything written, so a run writes everything or nothing.
 */
import fs from "node:fs"
import type {App} from "./app.js"
import {resolveTarget} from "./confine.js"
import {ScaffoldError} from "./errors.js"
import {shownPath} from "./names.js"
import {assertParses} from "./source.js"

/** Larger files are no handlers the generator should edit (and reading a device or a huge file would hang). */
export const MAX_SOURCE_BYTES = 5 * 1024 * 1024

export interface FileChange {
    /** App-relative, posix separators. */
    path: string
    /**
     * `create`: a new file. `update`: an edit the run exists to make (code inserted into an event handler).
     * `conflict`: would replace a different existing file; written only when the user agrees or passes --force.
     */
    action: "create" | "update" | "conflict"
    content: string
}

/** A file as the plan read it: its exact bytes (compared again before writing) and whether it starts with a BOM. */
export interface Original {
    bytes: Buffer
    text: string
    bom: boolean
}

export class Plan {
    readonly changes: FileChange[] = []
    /** What was left alone, and why, for the summary. */
    readonly notes: string[] = []
    /** Files from a template that exist with exactly that content (Yeoman's `identical`). */
    readonly identical: string[] = []
    /** The file with a createWebhookHandler call for the webhook being added, when the app has one (planWebhook). */
    registeredIn: string | undefined
    /** Every file the plan looked at, by app-relative path; undefined when it did not exist. */
    readonly originals = new Map<string, Original | undefined>()

    constructor(readonly app: App) {}

    get root(): string {
        return this.app.root
    }

    /** A file from a template: created when absent, a conflict when a different file is there, else nothing. */
    writeFile(relPath: string, content: string) {
        const existing = this.read(relPath)
        if (existing === undefined) this.changes.push({path: relPath, action: "create", content})
        else if (existing !== content) this.changes.push({path: relPath, action: "conflict", content})
        else this.identical.push(relPath)
    }

    /** An edit of an existing file (its text as read via `read`). */
    updateFile(relPath: string, content: string) {
        this.changes.push({path: relPath, action: "update", content})
    }

    /** Drops a conflicting change: the existing file stays as it is. */
    keep(change: FileChange) {
        this.changes.splice(this.changes.indexOf(change), 1)
        this.notes.push(`${change.path} exists and differs from a fresh one; kept as it is (--force replaces it).`)
    }

    /**
     * The file's text without its byte order mark, or undefined when it does not exist. Refuses a file that is
     * not valid UTF-8 (rewriting it would replace its bytes with U+FFFD), not a regular file, too large, or
     * reached through a link that leaves the app.
     */
    read(relPath: string): string | undefined {
        if (this.originals.has(relPath)) return this.originals.get(relPath)?.text
        const original = readOriginal(this.app, relPath)
        this.originals.set(relPath, original)
        return original?.text
    }

    /** Every TypeScript file the run would write must parse; throws a ScaffoldError naming the file otherwise. */
    validate() {
        for (const change of this.changes) assertParses(change.path, change.content, "the generated code")
    }
}

export function readOriginal(app: App, relPath: string): Original | undefined {
    const target = resolveTarget(app.confined, relPath)
    const shown = shownPath(relPath)
    if (!target.stats) return undefined
    if (!target.stats.isFile())
        throw new ScaffoldError(`${shown} is not a regular file; the generator only edits files.`)
    if (target.stats.size > MAX_SOURCE_BYTES) {
        throw new ScaffoldError(
            `${shown} is larger than ${MAX_SOURCE_BYTES / 1024 / 1024} MB; the generator does not edit it.`
        )
    }
    let bytes: Buffer
    try {
        bytes = fs.readFileSync(target.file)
    } catch (error) {
        throw new ScaffoldError(`${shown} cannot be read: ${(error as Error).message}.`)
    }
    let text: string
    try {
        text = new TextDecoder("utf-8", {fatal: true, ignoreBOM: true}).decode(bytes)
    } catch {
        throw new ScaffoldError(
            `${shown} is not valid UTF-8 text; the generator does not edit it (its bytes would be lost). Save it as UTF-8 and run again.`
        )
    }
    const bom = text.startsWith("\uFEFF")
    return {bytes, text: bom ? text.slice(1) : text, bom}
}
