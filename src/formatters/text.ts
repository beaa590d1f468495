/** Small text helpers shared by the formatters and the generators' lint summary. */
import path from "node:path"

/** Relative to `cwd` with posix separators, as GitHub and editors expect on every platform. */
export function relativePath(cwd: string, filePath: string): string {
    return path.relative(cwd, filePath).split(path.sep).join("/")
}

export function pluralize(count: number, word: string): string {
    return `${count} ${word}${count === 1 ? "" : "s"}`
}
