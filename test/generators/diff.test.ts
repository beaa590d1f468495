/** The line diff --dry-run prints. */
import {describe, expect, it} from "vitest"
import {lineDiff} from "../../src/scaffold/diff.js"

const lines = (n: number) => Array.from({length: n}, (_, i) => `line ${i + 1}\n`).join("")

describe("lineDiff", () => {
    it("is empty for equal texts", () => {
        expect(lineDiff(lines(5), lines(5))).toBe("")
    })

    it("shows an insertion with three lines of context and unified line numbers", () => {
        const after = lines(10).replace("line 5\n", "line 5\nnew\n")
        expect(lineDiff(lines(10), after)).toBe(
            ["@@ -3,6 +3,7 @@", " line 3", " line 4", " line 5", "+new", " line 6", " line 7", " line 8"].join("\n")
        )
    })

    // The same hunks as GNU `diff -U3`.
    it("puts changes whose contexts touch in one hunk, and farther ones in their own", () => {
        const near = lines(20).replace("line 4\n", "").replace("line 10\n", "line 10\nnew\n")
        expect(lineDiff(lines(20), near).match(/^@@.*@@$/gm)).toEqual(["@@ -1,13 +1,13 @@"])
        const far = lines(20).replace("line 4\n", "").replace("line 11\n", "line 11\nnew\n")
        expect(lineDiff(lines(20), far).match(/^@@.*@@$/gm)).toEqual(["@@ -1,7 +1,6 @@", "@@ -9,6 +8,7 @@"])
    })

    it("shows a replaced file as removals, then additions", () => {
        expect(lineDiff("// mine\nexport {}\n", "a\nb\n")).toBe(
            ["@@ -1,2 +1,2 @@", "-// mine", "-export {}", "+a", "+b"].join("\n")
        )
    })

    it("writes a side's range as unified diffs do: one line without a count, none from the line before", () => {
        expect(lineDiff("", "a\n")).toBe("@@ -0,0 +1 @@\n+a")
        expect(lineDiff("a\n", "b\nc\n")).toBe("@@ -1 +1,2 @@\n-a\n+b\n+c")
    })
})
