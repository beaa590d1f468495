/** Text edits for the generators: insertions by position that leave every other character as it was. */

export function uniqueName(base: string, taken: Set<string>): string {
    let name = base
    for (let n = 2; taken.has(name); n++) name = `${base}${n}`
    taken.add(name)
    return name
}

export function compareNames(a: string, b: string): number {
    return a.localeCompare(b, "en", {sensitivity: "base"})
}

export function lineStart(text: string, position: number): number {
    return text.lastIndexOf("\n", position - 1) + 1
}

export function lineIndent(text: string, position: number): string {
    return /^[ \t]*/.exec(text.slice(lineStart(text, position)))![0]
}

export function shorten(code: string): string {
    const line = code.split("\n")[0]!
    return line.length > 40 || line !== code ? `${line.slice(0, 40)}…` : line
}

/** Text insertions (and replacements of blanks) by position, applied back to front so earlier positions stay valid. */
export class Edits {
    private readonly edits = new Map<number, {end: number; text: string}>()

    add(position: number, text: string) {
        const edit = this.edits.get(position)
        this.edits.set(position, {end: edit?.end ?? position, text: (edit?.text ?? "") + text})
    }

    /** Replaces `start`..`end`; an insertion at `start` made before goes first. */
    replace(start: number, end: number, text: string) {
        this.add(start, text)
        this.edits.get(start)!.end = end
    }

    apply(text: string): string {
        let result = text
        for (const [position, {end, text: inserted}] of [...this.edits].sort(([a], [b]) => b - a)) {
            result = result.slice(0, position) + inserted + result.slice(end)
        }
        return result
    }
}
