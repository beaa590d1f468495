/** A line diff in unified format (`@@` hunks, `-`/`+`/` ` lines), for what --dry-run would change. */
import {structuredPatch} from "diff"

/** Unchanged lines shown around each change. */
const CONTEXT = 3

/** The hunks turning `before` into `after`, or "" when they are equal. */
export function lineDiff(before: string, after: string): string {
    const {hunks} = structuredPatch("", "", before, after, "", "", {context: CONTEXT})
    return hunks
        .flatMap((hunk) => [
            `@@ -${range(hunk.oldStart, hunk.oldLines)} +${range(hunk.newStart, hunk.newLines)} @@`,
            ...hunk.lines.filter((line) => !line.startsWith("\\")),
        ])
        .join("\n")
}

/** A side's `start,count` as GNU diff writes it: no count for one line; an empty side starts at the line before. */
function range(start: number, count: number): string {
    if (count === 1) return `${start}`
    return `${count === 0 && start > 0 ? start - 1 : start},${count}`
}
