/** A line diff in unified format (`@@` hunks, `-`/`+`/` ` lines), for what --dry-run would change. */

/** Unchanged lines shown around each change. */
const CONTEXT = 3

interface Line {
    kind: " " | "-" | "+"
    text: string
    /** 1-based line numbers in the old and the new text (of the next line, for lines absent from one). */
    oldLine: number
    newLine: number
}

/** The hunks turning `before` into `after`, or "" when they are equal. */
export function lineDiff(before: string, after: string): string {
    const lines = diffLines(splitLines(before), splitLines(after))
    const changed = lines.flatMap((line, i) => (line.kind === " " ? [] : [i]))
    const hunks: string[] = []
    for (let first = 0; first < changed.length;) {
        // Changes whose contexts meet or touch share a hunk.
        let last = first
        while (last + 1 < changed.length && changed[last + 1] - changed[last] - 1 <= 2 * CONTEXT) last++
        const from = Math.max(0, changed[first] - CONTEXT)
        const hunk = lines.slice(from, changed[last] + CONTEXT + 1)
        hunks.push(
            `@@ -${range(hunk, "-", lines[from].oldLine)} +${range(hunk, "+", lines[from].newLine)} @@`,
            ...hunk.map((line) => `${line.kind}${line.text}`)
        )
        first = last + 1
    }
    return hunks.join("\n")
}

/** A hunk's `start,count` on one side, as unified diffs write it: an empty side starts at the line before. */
function range(hunk: Line[], side: "-" | "+", start: number): string {
    const count = hunk.filter((line) => line.kind === " " || line.kind === side).length
    if (count === 1) return `${start}`
    return `${count === 0 ? start - 1 : start},${count}`
}

/** A text's lines; the newline that ends the last one does not start another. */
function splitLines(text: string): string[] {
    return text === "" ? [] : text.replace(/\n$/, "").split("\n")
}

/**
 * Every line of both texts, in order, as kept, removed or added: a longest common subsequence. The common
 * head and tail are matched first, so the quadratic table covers only the changed middle, which is small for
 * the generators' edits (code inserted into one function, or one handler file replaced).
 */
function diffLines(a: string[], b: string[]): Line[] {
    let head = 0
    while (head < a.length && head < b.length && a[head] === b[head]) head++
    let tail = 0
    while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++
    const x = a.slice(head, a.length - tail)
    const y = b.slice(head, b.length - tail)
    // common[i * width + j]: the length of the longest common subsequence of x[i..] and y[j..].
    const width = y.length + 1
    const common = new Uint32Array((x.length + 1) * width)
    for (let i = x.length - 1; i >= 0; i--) {
        for (let j = y.length - 1; j >= 0; j--) {
            common[i * width + j] =
                x[i] === y[j]
                    ? common[(i + 1) * width + j + 1] + 1
                    : Math.max(common[(i + 1) * width + j], common[i * width + j + 1])
        }
    }
    const lines: Line[] = []
    let oldLine = 1
    let newLine = 1
    const push = (kind: Line["kind"], text: string) => {
        lines.push({kind, text, oldLine, newLine})
        if (kind !== "+") oldLine++
        if (kind !== "-") newLine++
    }
    for (const text of a.slice(0, head)) push(" ", text)
    let i = 0
    let j = 0
    while (i < x.length || j < y.length) {
        if (i < x.length && j < y.length && x[i] === y[j]) {
            push(" ", x[i++])
            j++
        } else if (j === y.length || (i < x.length && common[(i + 1) * width + j] >= common[i * width + j + 1])) {
            // Removals before additions, as in git's output.
            push("-", x[i++])
        } else {
            push("+", y[j++])
        }
    }
    for (const text of a.slice(a.length - tail)) push(" ", text)
    return lines
}
