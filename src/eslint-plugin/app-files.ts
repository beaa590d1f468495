/**
 * The files of each app that ESLint lints in this process. ESLint asks for one file at a time, often
 * thousands in a run and for hours in an editor, so an app is walked once and walked again only
 * when a directory the walk read has changed: adding, removing or renaming a file changes its
 * directory's mtime, so the list is never stale. Contents are read afresh on every lint anyway.
 */
import fs from "node:fs"

import {type Discovery, discoverSync} from "../app-model/app.js"

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

function mtime(dir: string): number | undefined {
    try {
        return fs.statSync(dir).mtimeMs
    } catch {
        return undefined
    }
}
