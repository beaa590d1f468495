/** Small text helpers shared by the formatters and the generators' lint summary. */
import path from "node:path"

/** Relative to `cwd` with posix separators, as GitHub and editors expect on every platform. */
export function relativePath(cwd: string, filePath: string): string {
    return path.relative(cwd, filePath).split(path.sep).join("/")
}

export function pluralize(count: number, word: string): string {
    return `${count} ${word}${count === 1 ? "" : "s"}`
}

/** C0 and C1 control characters and DEL (a tab is harmless). */
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g

/**
 * The text with its control characters written as `\xNN`: a file name, message or source line
 * holding an escape sequence must not drive the terminal (or the CI log) it is printed to.
 * `keep` lists the ones the caller encodes itself (line breaks of a code excerpt).
 */
export function escapeControls(text: string, keep = ""): string {
    return text.replace(CONTROL, (c) => (keep.includes(c) ? c : `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`))
}
