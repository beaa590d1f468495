/**
 * The files of each app that ESLint lints in this process, and their facts. ESLint asks for one file
 * at a time, often thousands in a run and for hours in an editor, so an app is walked once and walked
 * again only when a directory the walk read has changed: adding, removing or renaming a file changes
 * its directory's mtime, so the list is never stale. Likewise a file's facts are kept while its mtime
 * and size stay the same: judging one file reads the facts of every handler (a handler's default may
 * be defined in another file), which would otherwise cost a parse of each on every lint.
 */
import fs from "node:fs"

import {App} from "../app-model/app.js"
import {type AppFile, type Discovery, discoverSync} from "../app-model/discovery.js"
import type {FileFacts} from "../app-model/facts/index.js"

/**
 * File-system clocks are coarse (a few ms on Linux, 1 to 2 s elsewhere): a directory changed this
 * recently may change again without its mtime moving, so a walk that saw one is not reused.
 */
const RACY_MS = 2000

interface Walk {
    discovery: Discovery
    /** mtimes of discovery.dirs, in order; undefined when the walk must not be reused. */
    mtimes: number[] | undefined
}

const walks = new Map<string, Walk>()

/** The app's files as a walk would find them now. */
export function appFiles(root: string): Discovery {
    const known = walks.get(root)
    if (known?.mtimes && known.discovery.dirs.every((dir, i) => mtime(dir) === known.mtimes![i])) return known.discovery
    const started = Date.now()
    const discovery = discoverSync(root)
    const mtimes = discovery.dirs.map(mtime)
    const settled = mtimes.every((m) => m !== undefined && m < started - RACY_MS)
    walks.set(root, {discovery, mtimes: settled ? (mtimes as number[]) : undefined})
    return discovery
}

interface KnownFacts {
    mtimeMs: number
    size: number
    facts: FileFacts | undefined
}

const knownFacts = new Map<string, KnownFacts>()

/** An app whose files on disk (not the editor's buffer) keep their facts across lints while unchanged. */
export class EditorApp extends App {
    override facts(file: AppFile): FileFacts | undefined {
        if (this.isOverridden(file)) return super.facts(file)
        const stat = statOf(file.path)
        const known = knownFacts.get(file.path)
        if (stat && known && known.mtimeMs === stat.mtimeMs && known.size === stat.size) return known.facts
        const facts = super.facts(file)
        // As for walks: a file changed this recently may change again without its mtime moving.
        if (stat && stat.mtimeMs < Date.now() - RACY_MS)
            knownFacts.set(file.path, {mtimeMs: stat.mtimeMs, size: stat.size, facts})
        else knownFacts.delete(file.path)
        return facts
    }
}

function statOf(file: string): fs.Stats | undefined {
    try {
        return fs.statSync(file)
    } catch {
        return undefined
    }
}

function mtime(dir: string): number | undefined {
    try {
        return fs.statSync(dir).mtimeMs
    } catch {
        return undefined
    }
}
