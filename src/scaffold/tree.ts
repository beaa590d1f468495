/**
 * The files a generator run sees and changes (after Nx's Tree and Angular's schematics Tree): reads go to a host
 * (the disk, or memory in tests) and see the run's own pending writes; nothing reaches the host before `commit`,
 * which writes every change or none.
 */
import type {App as AppModel} from "../app-model/app.js"

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

/** A file as the run read it: its exact bytes (compared again before writing) and whether it starts with a BOM. */
export interface Original {
    bytes: Buffer
    text: string
    bom: boolean
}

/** Where a tree's files live. Paths are app-relative, with posix separators. */
export interface Host {
    /** Absolute path of the app: for prettier's per-file overrides and the app model's paths. */
    readonly root: string
    /** The file as read (text without its BOM); undefined when absent; a ScaffoldError when it may not be read. */
    read(relPath: string): Original | undefined
    /** Whether something (a file or a folder) is at the path. */
    exists(relPath: string): boolean
    isDirectory(relPath: string): boolean
    /** The names in a folder; none when it is no folder. */
    list(relDir: string): string[]
    /** attio-lint's model of the app, with `texts` (new contents, by app-relative path) standing in for the host's. */
    loadModel(texts: ReadonlyMap<string, string>): Promise<AppModel>
    /** Writes the tree's changes, all or nothing; throws a ScaffoldError when nothing (or not all) could be. */
    commit(tree: Tree): void
}

export class Tree {
    /** Every file the run looked at, as the host had it; undefined when it did not exist. */
    readonly originals = new Map<string, Original | undefined>()
    private readonly pending = new Map<string, FileChange>()

    constructor(readonly host: Host) {}

    get root(): string {
        return this.host.root
    }

    /** The file as the host has it (read once per run), whatever the run changed since. */
    original(relPath: string): Original | undefined {
        if (!this.originals.has(relPath)) this.originals.set(relPath, this.host.read(relPath))
        return this.originals.get(relPath)
    }

    /** The file's text as the run left it so far; undefined when it does not exist. */
    read(relPath: string): string | undefined {
        return this.pending.get(relPath)?.content ?? this.original(relPath)?.text
    }

    /** Whether a file or a folder is at the path, the run's new files (and their folders) included. */
    exists(relPath: string): boolean {
        const pending = [...this.pending.keys()]
        return pending.some((p) => p === relPath || p.startsWith(`${relPath}/`)) || this.host.exists(relPath)
    }

    /** The names in a folder, the run's new files included. */
    list(relDir: string): string[] {
        const names = new Set(this.host.list(relDir))
        for (const relPath of this.pending.keys()) {
            if (relPath.startsWith(`${relDir}/`)) names.add(relPath.slice(relDir.length + 1).split("/")[0]!)
        }
        return [...names]
    }

    /**
     * Sets the file's new content: a `create` or an `update` of what the host has, or with `replace` a `conflict`
     * (a different existing file the run would replace, which the user is asked about).
     */
    write(relPath: string, content: string, {replace = false}: {replace?: boolean} = {}) {
        const action =
            this.original(relPath) === undefined
                ? "create"
                : replace || this.pending.get(relPath)?.action === "conflict"
                  ? "conflict"
                  : "update"
        this.pending.set(relPath, {path: relPath, action, content})
    }

    /** Drops the run's change of the file: the host's stays. */
    revert(relPath: string) {
        this.pending.delete(relPath)
    }

    /** The changes, in the order the files were first written. */
    get changes(): FileChange[] {
        return [...this.pending.values()]
    }

    /** What to write for a change: its content, with the BOM the file started with kept. */
    contentToWrite(change: FileChange): string {
        return this.originals.get(change.path)?.bom ? `\uFEFF${change.content}` : change.content
    }

    /** attio-lint's model of the app as the run left it so far. */
    loadModel(): Promise<AppModel> {
        return this.host.loadModel(new Map(this.changes.map((change) => [change.path, change.content])))
    }

    commit() {
        this.host.commit(this)
    }
}
