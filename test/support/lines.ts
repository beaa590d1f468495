import {expect} from "vitest"

/** Every line of `before` is in `after`, in the same order (lines may be added between them). */
export function expectLinesKept(before: string, after: string) {
    const lines = after.split("\n")
    let at = 0
    for (const line of before.split("\n")) {
        const found = lines.indexOf(line, at)
        expect(found, `line ${JSON.stringify(line)} kept in order`).toBeGreaterThanOrEqual(0)
        at = found + 1
    }
}
