/**
 * What one planner makes of a run (the Angular schematics / Nx way): its changes go into the app's Tree, where
 * every file's new content is computed and checked first; only then is anything written (Tree.commit), so a run
 * writes everything or nothing. The plan adds what the summary tells: notes, files left identical.
 */
import type {AppTree} from "./app-tree.js"
import {assertParses} from "./source.js"
import type {FileChange} from "./tree.js"

export class Plan {
    /** What was left alone, and why, for the summary. */
    readonly notes: string[] = []
    /** Files from a template that exist with exactly that content (Yeoman's `identical`). */
    readonly identical: string[] = []
    /** The file with a createWebhookHandler call for the webhook being added, when the app has one (planWebhook). */
    registeredIn: string | undefined

    constructor(readonly tree: AppTree) {}

    /** Every change the run would write (its other planners' included). */
    get changes(): FileChange[] {
        return this.tree.changes
    }

    /** A file from a template: created when absent, a conflict when a different file is there, else nothing. */
    writeFile(relPath: string, content: string) {
        const existing = this.read(relPath)
        if (existing !== content) this.tree.write(relPath, content, {replace: existing !== undefined})
        else this.identical.push(relPath)
    }

    /** An edit of an existing file (its text as read via `read`). */
    updateFile(relPath: string, content: string) {
        this.tree.write(relPath, content)
    }

    /** Drops a conflicting change: the existing file stays as it is. */
    keep(change: FileChange) {
        this.tree.revert(change.path)
        this.notes.push(`${change.path} exists and differs from a fresh one; kept as it is (--force replaces it).`)
    }

    /** The file's text as the run left it so far, without its byte order mark; undefined when it does not exist. */
    read(relPath: string): string | undefined {
        return this.tree.read(relPath)
    }

    /** Every TypeScript file the run would write must parse; throws a ScaffoldError naming the file otherwise. */
    validate() {
        for (const change of this.changes) assertParses(change.path, change.content, "the generated code")
    }
}
