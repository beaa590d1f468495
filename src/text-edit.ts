/**
 * Text edits, one shape and one way of applying them for the linter's fixes and the generators' insertions
 * (a leaf module: lint and scaffold both import it, it imports nothing).
 */

/** Replace the characters in [start, end) with `text` (ESLint's shape); an empty range inserts. */
export interface TextEdit {
    range: [number, number]
    text: string
}

/**
 * The text with the edits applied, ESLint's way: by start, then end (so at one point the insertions go first,
 * in the order given, then a replacement from there). An edit that starts inside one applied before it is
 * left out: a fix left for a later pass; the generators never make such edits.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
    let out = ""
    let at = 0
    for (const edit of [...edits].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1])) {
        if (edit.range[0] < at) continue
        out += text.slice(at, edit.range[0]) + edit.text
        at = edit.range[1]
    }
    return out + text.slice(at)
}
