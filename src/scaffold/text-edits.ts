/** Text edits for the generators: insertions by position that leave every other character as it was. */
import {applyEdits, type TextEdit} from "../text-edit.js"

export function uniqueName(base: string, taken: Set<string>): string {
    let name = base
    for (let n = 2; taken.has(name); n++) name = `${base}${n}`
    taken.add(name)
    return name
}

export function compareNames(a: string, b: string): number {
    return a.localeCompare(b, "en", {sensitivity: "base"})
}

/** The file's line ending: CRLF, old Mac's lone CR, or LF (also for a file of one line). */
export function lineEnding(text: string): string {
    if (text.includes("\r\n")) return "\r\n"
    return text.includes("\r") && !text.includes("\n") ? "\r" : "\n"
}

/** Where the line holding `position` starts, after an LF or a lone CR. */
export function lineStart(text: string, position: number): number {
    return Math.max(text.lastIndexOf("\n", position - 1), text.lastIndexOf("\r", position - 1)) + 1
}

export function lineIndent(text: string, position: number): string {
    return /^[ \t]*/.exec(text.slice(lineStart(text, position)))![0]
}

export function shorten(code: string): string {
    const line = code.split("\n")[0]!
    return line.length > 40 || line !== code ? `${line.slice(0, 40)}…` : line
}

/**
 * The generators' edits of one file, as insertions by position (and replacements of blanks), applied with the
 * linter's fixes' function: insertions at one position go in the order made. They never overlap.
 */
export class Edits {
    private readonly edits: TextEdit[] = []

    add(position: number, text: string) {
        this.edits.push({range: [position, position], text})
    }

    /** Replaces `start`..`end`; an insertion at `start` goes first. */
    replace(start: number, end: number, text: string) {
        this.edits.push({range: [start, end], text})
    }

    apply(text: string): string {
        return applyEdits(text, this.edits)
    }
}
