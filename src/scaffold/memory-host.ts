/**
 * A Tree's host in memory: the planners' fast tests run on it, with no disk and no lock. Prettier reads a
 * configuration file itself, from disk: an app in memory holds none (its code gets Attio's style).
 */
import path from "node:path"
import type {App as AppModel} from "../app-model/app.js"
import {decode} from "./disk-host.js"
import type {Host, Original, Tree} from "./tree.js"

/** Where a memory app claims to be: a folder that does not exist, so that nothing on disk stands in for it. */
const MEMORY_ROOT = path.resolve("/attio-app-in-memory")

export class MemoryHost implements Host {
    /** The app's files by app-relative path; a commit writes into it. */
    readonly files: Map<string, string>

    constructor(
        files: Readonly<Record<string, string>>,
        readonly root = MEMORY_ROOT
    ) {
        this.files = new Map(Object.entries(files))
    }

    read(relPath: string): Original | undefined {
        const text = this.files.get(relPath)
        return text === undefined ? undefined : decode(relPath, Buffer.from(text))
    }

    exists(relPath: string): boolean {
        return this.files.has(relPath) || this.isDirectory(relPath)
    }

    isDirectory(relPath: string): boolean {
        return this.list(relPath).length > 0
    }

    list(relDir: string): string[] {
        const names = [...this.files.keys()]
            .filter((relPath) => relPath.startsWith(`${relDir}/`))
            .map((relPath) => relPath.slice(relDir.length + 1).split("/")[0]!)
        return [...new Set(names)]
    }

    /** The model of the app's source files, every text from memory. */
    async loadModel(texts: ReadonlyMap<string, string>): Promise<AppModel> {
        const [{App}, {appFile, isSourcePath}] = await Promise.all([
            import("../app-model/app.js"),
            import("../app-model/discovery.js"),
        ])
        const all = new Map([...this.files, ...texts])
        const files = [...all.keys()].filter(isSourcePath).map((relPath) => appFile(this.root, relPath))
        const overrides = new Map([...all].map(([relPath, text]) => [path.join(this.root, relPath), text]))
        return new App(this.root, files, {overrides, inMemory: true})
    }

    commit(tree: Tree) {
        for (const change of tree.changes) this.files.set(change.path, tree.contentToWrite(change))
    }
}
