import {describe, expect, it} from "vitest"

import {summarize} from "../../src/app-model/text-summary.js"

describe("summarize: what the checks read from a text besides its facts (kept with the facts cache)", () => {
    it("lists every relative specifier, in order: static, bare, dynamic, type-only and commented-out imports", () => {
        const text = [
            'import {a} from "./a.js"',
            'import "../side-effect"',
            'import type {T} from "./types"',
            '// import {old} from "./old"',
            'export * from "./barrel"',
            'import {kv} from "attio/server"',
            'const lazy = await import("./lazy.js")',
        ].join("\n")
        expect(summarize(text)).toEqual({
            sdk: true,
            reExport: true,
            createsHandlers: false,
            specifiers: ["./a.js", "../side-effect", "./types", "./old", "./barrel", "./lazy.js"],
        })
    })

    it("tells a module that mentions neither the SDK nor a re-export, and one that registers handlers", () => {
        expect(summarize("const x = 1\n")).toEqual({
            sdk: false,
            reExport: false,
            createsHandlers: false,
            specifiers: [],
        })
        const registers =
            'import {createWebhookHandler} from "attio/server"\nawait createWebhookHandler({fileName: "a"})\n'
        expect(summarize(registers)).toMatchObject({sdk: true, reExport: false, createsHandlers: true})
        expect(summarize("export default x\n").reExport).toBe(true)
        expect(summarize("export async function h() {}\n").reExport).toBe(false)
    })
})
