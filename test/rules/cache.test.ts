/**
 * The facts cache never changes a finding: one app per rule (its first invalid case), every rule on, linted without
 * the cache, then with a cold and a warm one. Once here rather than in each rule's tests: the cache holds per-file
 * facts, the same whichever rule reads them.
 */
import fs from "node:fs"

import {describe, expect, it} from "vitest"

import {lint} from "../../src/index.js"
import {INVALID_CASES} from "../conformance/cases/index.js"
import {writeApp} from "../support/temp-app.js"

/** What a run found, with the fields the cache could change; the paths relative to the app. */
async function findings(root: string, cache: boolean) {
    const report = await lint({cwd: root, cache})
    return report.results.map((r) => ({file: r.filePath.slice(root.length), messages: r.messages}))
}

describe("the facts cache", () => {
    it.each(Object.entries(INVALID_CASES).map(([id, cases]) => ({id, files: cases[0]!.files})))(
        "gives the same findings cold, warm and without it: $id's first invalid case",
        async ({files}) => {
            const root = writeApp(files)
            const uncached = await findings(root, false)
            expect(
                uncached.some((r) => r.messages.length > 0),
                "the case has findings"
            ).toBe(true)
            expect(await findings(root, true), "cold cache").toEqual(uncached)
            expect(fs.readdirSync(`${root}/node_modules/.cache/attio-lint`), "the cold run stored facts").toContain(
                "facts.json"
            )
            expect(await findings(root, true), "warm cache").toEqual(uncached)
        }
    )
})
