/** Reading the app's prettier configuration: static files in the app root only, never code. */
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import {afterEach, describe, expect, it} from "vitest"
import {inspectApp} from "../../src/scaffold/app-tree.js"
import {Plan} from "../../src/scaffold/plan.js"
import {ATTIO_STYLE, resolveStyle} from "../../src/scaffold/style.js"
import {writeApp, type AppFiles} from "../support/temp-app.js"

const temps: string[] = []
afterEach(() => {
    for (const dir of temps.splice(0)) fs.rmSync(dir, {recursive: true, force: true})
})

const EVENT = "src/app/events/connection-added.event.ts"
/** Code that leaves a trace if it ever runs. */
const TRAP = (root: string) =>
    `require("fs").writeFileSync(${JSON.stringify(path.join(root, "RAN"))}, "")\nmodule.exports = {semi: true}\n`

async function styleOf(files: AppFiles | ((root: string) => AppFiles)) {
    const root = writeApp({})
    temps.push(root)
    for (const [rel, text] of Object.entries(typeof files === "function" ? files(root) : files)) {
        fs.mkdirSync(path.dirname(path.join(root, rel)), {recursive: true})
        fs.writeFileSync(path.join(root, rel), text)
    }
    const plan = new Plan(inspectApp(root))
    const style = await resolveStyle(plan, EVENT)
    return {options: style.options, notes: plan.notes, ran: fs.existsSync(path.join(root, "RAN"))}
}

describe("the app's prettier configuration", () => {
    it.each(["prettier.config.js", ".prettierrc.cjs", "prettier.config.mjs", ".prettierrc.ts"])(
        "%s is never run: reported, and Attio's style used",
        async (name) => {
            const result = await styleOf((root) => ({[name]: TRAP(root), ".prettierrc.toml": "semi = true\n"}))
            expect(result.ran).toBe(false)
            expect(result.options).toEqual(ATTIO_STYLE)
            expect(result.notes).toEqual([
                `${name} is code, which the generator does not run; generated code uses Attio's style.`,
            ])
        }
    )

    it("a shared config named in package.json is not loaded", async () => {
        const result = await styleOf((root) => ({
            "package.json": '{"name": "a", "prettier": "@acme/prettier-config"}',
            "node_modules/@acme/prettier-config/package.json": '{"name": "@acme/prettier-config", "main": "index.js"}',
            "node_modules/@acme/prettier-config/index.js": TRAP(root),
        }))
        expect(result.ran).toBe(false)
        expect(result.options).toEqual(ATTIO_STYLE)
        expect(result.notes[0]).toContain('package.json names the shared prettier config "@acme/prettier-config"')
    })

    it("a .prettierrc naming a package is refused, not loaded", async () => {
        const result = styleOf((root) => ({
            ".prettierrc": '"@acme/prettier-config"\n',
            "node_modules/@acme/prettier-config/package.json": '{"name": "@acme/prettier-config", "main": "index.js"}',
            "node_modules/@acme/prettier-config/index.js": TRAP(root),
        }))
        await expect(result).rejects.toThrow(".prettierrc: it holds a package name, not an object of options.")
    })

    it("a config above the app root is not read", async () => {
        const parent = fs.mkdtempSync(path.join(os.tmpdir(), "attio-app-style-"))
        temps.push(parent)
        fs.writeFileSync(path.join(parent, ".prettierrc"), "semi: true\n")
        fs.writeFileSync(path.join(parent, "package.json"), "{}")
        const root = path.join(parent, "app")
        fs.mkdirSync(root)
        fs.writeFileSync(path.join(root, "package.json"), "{}")
        const style = await resolveStyle(new Plan(inspectApp(root)), EVENT)
        expect(style.options).toEqual(ATTIO_STYLE)
    })

    it.each([
        ["package.json", '\uFEFF{"name": "a", "prettier": {"semi": true, "tabWidth": 3}}'],
        [".prettierrc", "semi: true\ntabWidth: 3\n"],
        [".prettierrc.json", '{"semi": true, "tabWidth": 3}'],
        [".prettierrc.toml", "semi = true\ntabWidth = 3\n"],
        [".prettierrc.json5", "// ours\n{semi: true, tabWidth: 3}"],
    ])("%s is read (a BOM in package.json accepted, as npm does)", async (name, text) => {
        const result = await styleOf({[name]: text})
        expect(result.options).toMatchObject({semi: true, tabWidth: 3})
    })

    it("applies overrides for the file", async () => {
        const result = await styleOf({
            ".prettierrc.json": JSON.stringify({
                semi: false,
                overrides: [{files: "*.event.ts", options: {semi: true}}],
            }),
        })
        expect(result.options.semi).toBe(true)
    })

    it("an invalid value is named with its file and setting", async () => {
        await expect(styleOf({".prettierrc": '{"tabWidth": "x"}'})).rejects.toThrow(
            /^The app's prettier configuration cannot be read: \.prettierrc: Invalid tabWidth value\. Expected an integer, but received "x"\.$/
        )
    })
})
