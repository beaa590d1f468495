/**
 * Applying fixes, ESLint's way: non-overlapping edits of one file applied together, the file
 * written only when the result still parses (a fix must never break code), atomically.
 */
import fs from "node:fs"
import {createRequire} from "node:module"
import path from "node:path"

import type WriteFileAtomic from "write-file-atomic"

import {findAppRoot} from "../app-model/app.js"
import {extractFacts} from "../app-model/facts/index.js"
import {isInside, isLink, readBytes, ReadFailure, realpathOr} from "../app-model/read-file.js"
import {typescriptSyntax} from "../app-model/typescript.js"
import {applyEdits} from "../text-edit.js"
import {UsageError} from "./config.js"
import type {LintReport} from "./types.js"

/**
 * Writes the fixes of every file in the report; returns the files that changed. A file is written
 * only where it really is inside its app (a link is written through to its target there, which keeps
 * its mode and owner); a link out of the app, a dangling link and a read-only file are refused.
 */
export function writeFixes(report: LintReport): string[] {
    const changed: string[] = []
    for (const result of report.results) {
        const fixes = result.messages.flatMap((m) => (m.fix ? [m.fix] : []))
        if (fixes.length === 0 || result.source === undefined) continue
        const fixed = applyEdits(result.source, fixes)
        if (fixed === result.source || !stillParses(result.filePath, result.source, fixed)) continue
        const target = writableTarget(result.filePath)
        if (target === undefined) continue
        const onDisk = exactText(target)
        const bom = onDisk?.startsWith("\uFEFF") ? "\uFEFF" : ""
        if (onDisk === undefined || onDisk.slice(bom.length) !== result.source) continue
        try {
            // npm's own atomic write (temp file and rename), to the resolved path: it keeps the file's
            // mode and owner, and names its temp file uniquely, so parallel runs do not collide.
            writeFileAtomic().sync(target, bom + fixed)
        } catch (error) {
            throw new UsageError(`cannot write the fix to ${result.filePath}: ${(error as Error).message}`)
        }
        changed.push(result.filePath)
    }
    return changed
}

/** Loaded on the first fix: it and its dependencies cost about 40 ms of start-up that a run without --fix never needs. */
function writeFileAtomic(): typeof WriteFileAtomic {
    return createRequire(import.meta.url)("write-file-atomic") as typeof WriteFileAtomic
}

/**
 * The real path a fix to `file` is written to; undefined when the file was deleted since it was
 * read (nothing to fix). Throws a UsageError when it must not be written.
 */
function writableTarget(file: string): string | undefined {
    const refuse = (why: string) => new UsageError(`cannot write the fix to ${file}: ${why}`)
    let target: string
    let stat: fs.Stats
    try {
        target = fs.realpathSync.native(file)
        stat = fs.statSync(target)
    } catch {
        if (isLink(file)) throw refuse("it is a dangling link")
        return undefined
    }
    // The link may have changed since the file was read: the run never writes outside the app.
    const root = findAppRoot(path.dirname(file))
    if (!root || !isInside(realpathOr(root), target)) throw refuse(`it links to ${target}, outside the app`)
    // Renaming over it would replace a file its owner made read-only (and root may write anything).
    if ((stat.mode & 0o222) === 0) throw refuse("it is read-only")
    return target
}

/**
 * The file's text with its byte order mark, if it is a regular file of valid UTF-8: a file in another
 * encoding, whose bytes reading replaced, is never written (it would be corrupted). The caller also
 * checks that it is still the text that was linted.
 */
function exactText(file: string): string | undefined {
    const bytes = readBytes(file)
    if (bytes instanceof ReadFailure) return undefined
    try {
        return new TextDecoder("utf-8", {fatal: true, ignoreBOM: true}).decode(bytes)
    } catch {
        return undefined
    }
}

/** Whether an edit keeps the file parsing (a file that did not parse before may stay broken). */
export function stillParses(file: string, before: string, after: string): boolean {
    const tsApi = typescriptSyntax()
    return (
        extractFacts(tsApi, file, after).parseError === undefined ||
        extractFacts(tsApi, file, before).parseError !== undefined
    )
}
