/**
 * The conformance suite's stub platform (test/conformance/platform.ts), on what `attio build` really prints and
 * writes. The bundle in test/conformance/fixtures/server.js was built by attio@1.0.4 from the app in FIXTURE_APP.
 */
import fs from "node:fs"
import path from "node:path"

import {describe, expect, it} from "vitest"

import {discoveredHandler, parseDiagnostics, runServer} from "./conformance/platform.js"

const FIXTURE_APP = Object.fromEntries(
    [
        "src/app/helper.ts",
        "src/app/webhooks/ok.webhook.ts",
        "src/app/webhooks/silent.webhook.js",
        "src/app/webhooks/named.webhook.ts",
        "src/app/webhooks/number.webhook.js",
        "src/app/webhooks/throws.webhook.ts",
        "src/app/events/connection-added.event.ts",
        "src/app/events/connection-add.event.ts",
    ].map((file) => [file, ""])
)

const bundle = fs.readFileSync(path.join(import.meta.dirname, "conformance/fixtures/server.js"), "utf8")

describe("runServer dispatches as the platform does", async () => {
    const run = await runServer(bundle, FIXTURE_APP)
    const outcome = (id: string, request?: string) => run.dispatches.find((d) => d.id === id && d.request === request)

    it("reads the bundle's handler ids and never calls an unknown event", () => {
        expect(run.webhookIds.sort()).toEqual(["named", "number", "ok", "silent", "throws"])
        expect(run.eventIds.sort()).toEqual(["connection-add", "connection-added"])
        expect(run.dispatches.filter((d) => d.kind === "event").map((d) => d.id)).toEqual(["connection-added"])
        expect(run.bundledFiles).toContain("src/app/helper.ts")
        expect(run.bundledFiles).not.toContain("../../tmp-entry.js")
    })

    it("createWebhookHandler with a fileName that names no handler fails connection-added", () => {
        expect(run.registered).toEqual(["ok"])
        expect(outcome("connection-added")).toMatchObject({
            failed: true,
            file: "src/app/events/connection-added.event.ts",
        })
        expect(outcome("connection-added")?.detail).toContain('"missing"')
    })

    it("a Response is an answer; anything else is the platform's 500", () => {
        expect(outcome("ok", "POST {}")).toMatchObject({failed: false, detail: "answered 201"})
        expect(outcome("silent", "GET")).toMatchObject({failed: true, file: "src/app/webhooks/silent.webhook.js"})
        expect(outcome("silent", "GET")?.detail).toContain("returned undefined instead of a Response")
    })

    it("reports the dispatcher's own errors for a missing or non-function default", () => {
        expect(outcome("named", "GET")?.detail).toBe("Default export not found in module named")
        expect(outcome("number", "GET")?.detail).toBe("number does not export a function")
    })

    it("names the files on a failure's stack", () => {
        expect(outcome("throws", "POST {}")).toMatchObject({failed: true, detail: "helper exploded"})
        expect(outcome("throws", "POST {}")?.stackFiles).toEqual([
            "src/app/helper.ts",
            "src/app/webhooks/throws.webhook.ts",
        ])
        expect(outcome("throws", "GET")).toMatchObject({failed: false})
    })
})

describe("runServer finds where a re-exported default is defined", async () => {
    const reexports = fs.readFileSync(path.join(import.meta.dirname, "conformance/fixtures/reexport-server.js"), "utf8")
    // a: export {default} from; b: export {handle as default} from (an arrow); c: its own default calling a helper
    const files = Object.fromEntries(
        ["a", "b", "c"].flatMap((id) => [`src/app/webhooks/${id}.webhook.ts`, `src/impl/${id}.ts`]).map((f) => [f, ""])
    )
    const run = await runServer(reexports, files)
    const dispatch = (id: string) => run.dispatches.find((d) => d.id === id && d.request === "GET")

    it.each([
        ["a", "src/impl/a.ts"],
        ["b", "src/impl/b.ts"],
        ["c", undefined],
    ])("%s", (id, defaultFile) => {
        expect(dispatch(id)).toMatchObject({failed: false, file: `src/app/webhooks/${id}.webhook.ts`})
        expect(dispatch(id)?.defaultFile).toBe(defaultFile)
    })
})

describe("parseDiagnostics reads attio build's report", () => {
    const root = "/tmp/app"

    it("TypeScript and esbuild errors, by file", () => {
        const output = [
            "⠙ Validating TypeScript...  ✖ This expression is not callable.",
            "  Type 'never' has no call signatures.",
            "",
            "    ╭─── src/events/connection-added.event.ts",
            "  1 │ export default async function a() { await attioFetch({}) }",
            "    ╰───",
            "",
            '  ✖ Could not resolve "attio/client"',
            "",
            "    ╭─── src/webhooks/a.webhook.ts",
            "    ╰───",
            "✖ TypeScript validation failed",
        ].join("\n")
        expect(parseDiagnostics(output, root)).toEqual([
            {file: "src/events/connection-added.event.ts", text: "This expression is not callable."},
            {file: "src/webhooks/a.webhook.ts", text: 'Could not resolve "attio/client"'},
            {text: "TypeScript validation failed"},
        ])
    })

    it("a duplicate handler id names both files", () => {
        const output = [
            '✖ Two webhook handler files register the same handler id "a":',
            "   - /tmp/app/src/webhooks/a.webhook.ts",
            "   - /tmp/app/src/app/webhooks/a.webhook.ts",
            "   Webhook handler ids must be unique across src/webhooks/ and src/app/webhooks/.",
            "✖ Build context error",
        ].join("\n")
        expect(parseDiagnostics(output, root).map((d) => d.file)).toEqual([
            "src/webhooks/a.webhook.ts",
            "src/app/webhooks/a.webhook.ts",
            undefined,
        ])
    })
})

describe("discoveredHandler is the build's discovery", () => {
    it.each([
        ["src/webhooks/crm/deal.won.webhook.ts", {kind: "webhook", id: "crm/deal.won"}],
        ["src/app/events/connection-added.event.js", {kind: "event", id: "connection-added"}],
        ["src/app/webhooks/x.webhook.tsx", undefined],
        ["src/events/x.webhook.ts", undefined],
        ["src/handlers/x.webhook.ts", undefined],
        ["src/app/events/connection-added.events.ts", undefined],
    ])("%s", (file, expected) => {
        expect(discoveredHandler(file)).toEqual(expected)
    })
})
