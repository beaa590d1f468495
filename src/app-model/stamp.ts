/**
 * A file's stamp: its size, times and inode, as git's index keeps them. A change always moves a file's ctime, which
 * no tool can set back; a change made in the same clock tick as the recorded one could keep it, so a stamp is
 * recorded only when the file last changed more than RACY_MS before the run began (file times are coarse: a clock
 * tick on Linux, 1 s or 2 s on some file systems).
 */
import fs from "node:fs"

/** size, mtime, ctime and inode; null for a path that did not exist. */
export type Stamp = [number, number, number, number] | null

export const RACY_MS = 2000

/** The stamp of what the path leads to (links followed). */
export function stampOf(file: string): Stamp {
    return stampFrom(fs.statSync(file, {throwIfNoEntry: false}))
}

/** The stamp of a regular file that is not a link; undefined for anything else. */
export function fileStamp(file: string): Stamp | undefined {
    try {
        const stats = fs.lstatSync(file, {throwIfNoEntry: false})
        return stats?.isFile() ? stampFrom(stats) : undefined
    } catch {
        return undefined
    }
}

/** Whether a stamp is old enough to be told from a later change: its file last changed RACY_MS before `startedAt`. */
export function isSettled(stamp: Stamp, startedAt: number): boolean {
    return stamp === null || stamp[2] < startedAt - RACY_MS
}

export function sameStamp(a: Stamp, b: Stamp): boolean {
    return a === b || (a !== null && b !== null && a.every((value, i) => value === b[i]))
}

export function stampFrom(stats: fs.Stats | undefined): Stamp {
    return stats ? [stats.size, stats.mtimeMs, stats.ctimeMs, stats.ino] : null
}
