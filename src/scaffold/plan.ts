/**
 * The in-memory change set of one generator run (the Angular schematics / Nx way): every file's new content
 * is computed and checked first, and only then is anything written, so a run writes everything or nothing.
 */
import {existsSync, readFileSync} from "node:fs"
import path from "node:path"
import {assertParses} from "./source.js"

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

export class Plan {
    readonly changes: FileChange[] = []
    /** What was left alone, and why, for the summary. */
    readonly notes: string[] = []

    constructor(readonly root: string) {}

    /** A file from a template: created when absent, a conflict when a different file is there, else nothing. */
    writeFile(relPath: string, content: string) {
        const existing = this.read(relPath)
        if (existing === undefined) this.changes.push({path: relPath, action: "create", content})
        else if (existing !== content) this.changes.push({path: relPath, action: "conflict", content})
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

    read(relPath: string): string | undefined {
        const file = path.join(this.root, relPath)
        return existsSync(file) ? readFileSync(file, "utf8") : undefined
    }

    /** Every TypeScript file the run would write must parse; throws a ScaffoldError naming the file otherwise. */
    validate() {
        for (const change of this.changes) assertParses(change.path, change.content, "the generated code")
    }
}
