/**
 * Applying fixes, ESLint's way: non-overlapping edits of one file applied together, the file
 * written only when the result still parses (a fix must never break code), atomically.
 */
import fs from "node:fs"
import {createRequire} from "node:module"

import type WriteFileAtomic from "write-file-atomic"

import {extractFacts} from "../app-model/facts.js"
import {UsageError} from "./config.js"
import type {Fix, LintReport} from "./types.js"

/** The text with the fixes applied; a fix overlapping an earlier one is left for a later pass. */
export function applyFixes(text: string, fixes: Fix[]): string {
    let out = ""
    let at = 0
    for (const fix of [...fixes].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1])) {
        if (fix.range[0] < at) continue
        out += text.slice(at, fix.range[0]) + fix.text
        at = fix.range[1]
    }
    return out + text.slice(at)
}

/** Writes the fixes of every file in the report; returns the files that changed. */
export function writeFixes(report: LintReport): string[] {
    const changed: string[] = []
    for (const result of report.results) {
        const fixes = result.messages.flatMap((m) => (m.fix ? [m.fix] : []))
        if (fixes.length === 0 || result.source === undefined) continue
        const fixed = applyFixes(result.source, fixes)
        if (fixed === result.source || !stillParses(result.filePath, result.source, fixed)) continue
        const onDisk = exactText(result.filePath)
        const bom = onDisk?.startsWith("\uFEFF") ? "\uFEFF" : ""
        if (onDisk === undefined || onDisk.slice(bom.length) !== result.source) continue
        try {
            // npm's own atomic write: it follows a symlink to its file, keeps the file's mode and
            // owner, and names its temp file uniquely, so parallel runs do not collide.
            writeFileAtomic().sync(result.filePath, bom + fixed)
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
 * The file's text with its byte order mark, if it is valid UTF-8: a file in another encoding, whose
 * bytes reading replaced, is never written (it would be corrupted). The caller also checks that it
 * is still the text that was linted.
 */
function exactText(file: string): string | undefined {
    try {
        return new TextDecoder("utf-8", {fatal: true, ignoreBOM: true}).decode(fs.readFileSync(file))
    } catch {
        return undefined
    }
}

/** Whether an edit keeps the file parsing (a file that did not parse before may stay broken). */
export function stillParses(file: string, before: string, after: string): boolean {
    return extractFacts(file, after).parseError === undefined || extractFacts(file, before).parseError !== undefined
}
