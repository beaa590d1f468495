import {describe, expect, it} from "vitest"

import {Edits} from "../src/scaffold/text-edits.js"
import {applyEdits} from "../src/text-edit.js"

describe("applyEdits (the linter's fixes and the generators' edits)", () => {
    it("applies non-overlapping edits together and leaves overlapping ones for a later pass", () => {
        expect(
            applyEdits("abcdef", [
                {range: [4, 5], text: "E"},
                {range: [0, 1], text: "A"},
                {range: [0, 2], text: "XX"},
            ])
        ).toBe("AbcdEf")
        // An edit starting inside an earlier one is left out, whatever the order given.
        expect(
            applyEdits("abcdef", [
                {range: [2, 3], text: "-"},
                {range: [1, 4], text: "_"},
            ])
        ).toBe("a_ef")
    })

    it("applies insertions at one point in the order given, before a replacement from there", () => {
        expect(
            applyEdits("abc", [
                {range: [1, 2], text: "B"},
                {range: [1, 1], text: "1"},
                {range: [1, 1], text: "2"},
            ])
        ).toBe("a12Bc")
    })

    it("keeps an insertion at the end of a replacement, after it", () => {
        expect(
            applyEdits("abc", [
                {range: [2, 2], text: "!"},
                {range: [0, 2], text: "AB"},
            ])
        ).toBe("AB!c")
    })

    it("inserts at the start and the end of the text, and leaves it as it was without edits", () => {
        expect(
            applyEdits("abc", [
                {range: [3, 3], text: ">"},
                {range: [0, 0], text: "<"},
            ])
        ).toBe("<abc>")
        expect(applyEdits("abc", [])).toBe("abc")
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
