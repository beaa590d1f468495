import {describe, expect, it} from "vitest"

import {Edits} from "../src/scaffold/text-edits.js"
import {applyEdits, type TextEdit} from "../src/text-edit.js"

const edit = (start: number, end: number, text: string): TextEdit => ({range: [start, end], text})

describe("applyEdits (the linter's fixes and the generators' edits)", () => {
    it.each<[string, string, TextEdit[], string]>([
        [
            "non-overlapping edits go together; an overlapping one is left for a later pass",
            "abcdef",
            [edit(4, 5, "E"), edit(0, 1, "A"), edit(0, 2, "XX")],
            "AbcdEf",
        ],
        [
            "an edit starting inside an earlier one is left out, whatever the order given",
            "abcdef",
            [edit(2, 3, "-"), edit(1, 4, "_")],
            "a_ef",
        ],
        [
            "insertions at one point go in the order given, before a replacement from there",
            "abc",
            [edit(1, 2, "B"), edit(1, 1, "1"), edit(1, 1, "2")],
            "a12Bc",
        ],
        ["an insertion at the end of a replacement goes after it", "abc", [edit(2, 2, "!"), edit(0, 2, "AB")], "AB!c"],
        ["insertions at the start and the end of the text", "abc", [edit(3, 3, ">"), edit(0, 0, "<")], "<abc>"],
        ["no edits", "abc", [], "abc"],
    ])("%s", (_name, text, edits, expected) => {
        expect(applyEdits(text, edits)).toBe(expected)
    })

    it("is what the generators' Edits apply: insertions in the order made, a replacement after them", () => {
        const edits = new Edits()
        edits.add(3, "x")
        edits.replace(1, 3, "{ }")
        edits.add(1, "1")
        edits.add(1, "2")
        edits.add(3, "y")
        expect(edits.apply("a()b")).toBe("a12{ }xyb")
    })
})
