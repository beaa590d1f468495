/**
 * One generator run at a time per app: two runs adding webhooks at once would each read connection-added
 * before the other wrote it, and the second write would drop the first one's registration. The lock is a file
 * in the app created with O_EXCL (atomic on every local file system), holding the owner's pid; a lock whose
 * process is gone, or older than any run, is stale and taken over.
 */
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import {setTimeout as sleep} from "node:timers/promises"
import {ScaffoldError} from "./errors.js"

export const LOCK_FILE = ".attio-app.lock"

/** A run holds the lock for seconds; one this old was left by a crash on another machine (pid unknown there). */
const STALE_AFTER_MS = 10 * 60 * 1000
const POLL_MS = 100

interface Owner {
    pid: number
    host: string
}

export async function withAppLock<T>(root: string, run: () => Promise<T>, waitMs = 60_000): Promise<T> {
    const file = path.join(root, LOCK_FILE)
    const deadline = Date.now() + waitMs
    while (!tryLock(file)) {
        if (Date.now() > deadline) {
            const owner = readOwner(file)
            throw new ScaffoldError(
                `Another attio-app run${owner ? ` (pid ${owner.pid})` : ""} is writing this app; nothing was written. Run again once it ends, or delete ${LOCK_FILE} in the app if no run is going on.`
            )
        }
        await sleep(POLL_MS)
    }
    try {
        return await run()
    } finally {
        fs.rmSync(file, {force: true})
    }
}

function tryLock(file: string): boolean {
    try {
        fs.writeFileSync(file, JSON.stringify({pid: process.pid, host: os.hostname()} satisfies Owner), {flag: "wx"})
        return true
    } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") {
            throw new ScaffoldError(
                `The lock file ${LOCK_FILE} cannot be created in the app (${(error as Error).message}); nothing was written.`
            )
        }
    }
    if (isStale(file)) fs.rmSync(file, {force: true})
    return false
}

function isStale(file: string): boolean {
    const stats = fs.lstatSync(file, {throwIfNoEntry: false})
    if (!stats) return false
    // Not a lock this package wrote (a link, a folder): taking it over would delete the user's file.
    if (!stats.isFile()) {
        throw new ScaffoldError(`${LOCK_FILE} in the app is not a lock file; remove it and run again.`)
    }
    if (Date.now() - stats.mtimeMs > STALE_AFTER_MS) return true
    const owner = readOwner(file)
    // Written but not yet filled in by a run starting this very moment: not stale.
    if (owner === undefined) return Date.now() - stats.mtimeMs > 5_000
    return owner.host === os.hostname() && !isAlive(owner.pid)
}

function readOwner(file: string): Owner | undefined {
    try {
        const owner = JSON.parse(fs.readFileSync(file, "utf8")) as Partial<Owner>
        return typeof owner.pid === "number" && typeof owner.host === "string" ? (owner as Owner) : undefined
    } catch {
        return undefined
    }
}

function isAlive(pid: number): boolean {
    try {
        process.kill(pid, 0)
        return true
    } catch (error) {
        // EPERM: the process exists but belongs to another user.
        return (error as NodeJS.ErrnoException).code === "EPERM"
    }
}
