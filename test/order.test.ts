import {describe, expect, it} from "vitest"

import {compareText} from "../src/lint/order.js"

/** A small deterministic generator, so that a failure names a case that can be rerun. */
function random(seed: number): () => number {
    return () => {
        seed = (seed * 1103515245 + 12345) % 2 ** 31
        return seed / 2 ** 31
    }
}

describe("compareText", () => {
    it("orders as localeCompare does, with and without the code-unit shortcut", () => {
        // Plain characters, and the ones whose order differs from code units ("_" before "-", capitals, accents).
        const alphabet = "ab-./09z" + "AZ_ é~"
        const next = random(7)
        const word = () => {
            let text = next() < 0.5 ? "/Users/Ann/app/" : "/home/ann/app/"
            for (let i = Math.floor(next() * 7); i > 0; i--) text += alphabet[Math.floor(next() * alphabet.length)]
            return text
        }
        for (let n = 0; n < 20000; n++) {
            const [a, b] = [word(), word()]
            expect([a, b, Math.sign(compareText(a, b))]).toEqual([a, b, Math.sign(a.localeCompare(b))])
        }
    })

    it("sorts paths and rule ids as localeCompare does", () => {
        const paths = [
            "/a/b-c.ts",
            "/a/b.ts",
            "/a/b/c.ts",
            "/a/B.ts",
            "/a/b_c.ts",
            "/a/b0.ts",
            "/a/é.ts",
            "/a/z.ts",
            "/a/b.tsx",
        ]
        expect([...paths].sort(compareText)).toEqual([...paths].sort((a, b) => a.localeCompare(b)))
    })
})
