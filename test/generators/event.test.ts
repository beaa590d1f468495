/** The event generator, and the app generator that asks which generator to run. */
import {describe, expect, it} from "vitest"
import {readTree, runGenerator} from "./support.js"
import {tempDir} from "../support/temp-app.js"

describe("attio-app:event", () => {
    it.each([
        ["connection-added", {}, "src/app/events/connection-added.event.ts"],
        ["connection-removed", {"src/webhooks/x.webhook.ts": "export {}\n"}, "src/events/connection-removed.event.ts"],
        ["connectionAdded", {}, "src/app/events/connection-added.event.ts"],
    ])("%s scaffolds the event with its signature, in the app's layout", async (name, files, created) => {
        const run = await runGenerator("event", {files, args: [name]})
        expect(run.error).toBeUndefined()
        expect(run.asked).toEqual([])
        expect(Object.keys(run.files).filter((f) => !(f in run.before))).toEqual([created])
        const functionName = created.includes("added") ? "connectionAdded" : "connectionRemoved"
        expect(run.files[created]).toContain(`import type {Connection} from "attio/server"\n`)
        // The connection is unused until code goes in: the `_` keeps the template's no-unused-vars rule quiet.
        expect(run.files[created]).toContain(
            `export default async function ${functionName}(_event: {connection: Connection}) {\n`
        )
    })

    it.each([
        ["src/app/events/connection-added.event.ts", "connection-added"],
        ["src/events/connection-removed.event.js", "connection-removed"],
    ])("leaves an existing %s alone and says so", async (existing, name) => {
        const run = await runGenerator("event", {
            files: {"src/app/settings.ts": "export {}\n", [existing]: "// mine\n"},
            args: [name],
        })
        expect(run.error).toBeUndefined()
        expect(run.files).toEqual(run.before)
        expect(run.log).toContain(`${existing} exists; nothing changed.`)
    })

    it("run in a subfolder, writes in the app's events folder", async () => {
        const run = await runGenerator("event", {
            files: {"src/events/helpers/x.ts": "export {}\n"},
            cwd: "src/events/helpers",
            args: ["connection-removed"],
        })
        expect(run.error).toBeUndefined()
        expect(Object.keys(run.files).filter((f) => !(f in run.before))).toEqual([
            "src/events/connection-removed.event.ts",
        ])
    })

    it("asks which event when none is given", async () => {
        const run = await runGenerator("event", {answers: {name: "connection-removed"}})
        expect(run.asked).toEqual(["name"])
        expect(run.files["src/app/events/connection-removed.event.ts"]).toBeDefined()
    })

    it.each([
        [
            ["connection-add"],
            {},
            /There is no "connection-add" event; the platform has connection-added and connection-removed\./,
        ],
        [[], {yes: true}, /Name the event: connection-added or connection-removed\./],
        [
            ["../connection-added"],
            {},
            'There is no "../connection-added" event; the platform has connection-added and connection-removed.',
        ],
        [["../x"], {}, 'There is no "../x" event; the platform has connection-added and connection-removed.'],
    ])("refuses %j and writes nothing", async (args, options, message) => {
        const run = await runGenerator("event", {args, options})
        expect(run.error?.message).toMatch(message)
        expect(run.files).toEqual(run.before)
    })
})

describe("attio-app (asks which generator)", () => {
    it("asks, then runs the chosen generator", async () => {
        const run = await runGenerator("app", {answers: {generator: "event", name: "connection-added"}})
        expect(run.error).toBeUndefined()
        expect(run.asked).toEqual(["generator", "name"])
        expect(run.files["src/app/events/connection-added.event.ts"]).toBeDefined()
    })

    it("with an argument, asks nothing and passes the rest on", async () => {
        const run = await runGenerator("app", {args: ["webhook", "prospect-updated"], options: {yes: true}})
        expect(run.error).toBeUndefined()
        expect(run.asked).toEqual([])
        expect(run.files["src/app/webhooks/prospect-updated.webhook.ts"]).toBeDefined()
        expect(run.files["src/app/events/connection-added.event.ts"]).toBeDefined()
    })

    it("with --yes and no argument, takes the webhook generator (which then needs a name)", async () => {
        const run = await runGenerator("app", {options: {yes: true}})
        expect(run.asked).toEqual([])
        expect(run.error?.message).toMatch(/Name the handler/)
    })

    it("outside any app, refuses before asking anything", async () => {
        const root = tempDir("attio-app-no-app-")
        const run = await runGenerator("app", {root, answers: {}})
        expect(run.error?.message).toMatch(/^No app found at .*: no package\.json or tsconfig\.json there/)
        expect(run.asked).toEqual([])
        expect(readTree(root)).toEqual({})
    })

    it("refuses an unknown generator", async () => {
        const run = await runGenerator("app", {args: ["component"], options: {yes: true}})
        expect(run.error?.message).toBe('There is no "component" generator; use webhook or event.')
        expect(run.files).toEqual(run.before)
    })
})
