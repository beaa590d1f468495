/**
 * generator-attio-app/testing: the in-memory runtime, on small apps in temp folders and on the examples. That its
 * attio/server declares every value the real SDK's does is test/testing/sdk-exports.test.ts's (tsc on the SDK).
 */
import {spawnSync} from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import {afterEach, describe, expect, it, onTestFinished} from "vitest"

import {loadApp} from "../../src/testing/index.js"
import {WEBHOOK_URL_BASE} from "../../src/testing/server.js"
import {PACKAGE_ROOT} from "../support/bin.js"
import {type AppFiles, writeApp} from "../support/temp-app.js"
import {fakeThirdParty} from "./support.js"

const roots: string[] = []
afterEach(() => {
    for (const root of roots.splice(0)) fs.rmSync(root, {recursive: true, force: true})
})

function app(files: AppFiles): string {
    const root = writeApp(files)
    roots.push(root)
    return root
}

const ok = (name = "handler") =>
    `export default async function ${name}(request: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n`

describe("the examples", () => {
    for (const example of ["app-layout", "documented-layout"]) {
        it(`${example}: connect registers, a delivery runs the handler, disconnect cleans up`, async () => {
            const third = fakeThirdParty()
            const testApp = await loadApp(path.join(PACKAGE_ROOT, "examples", example), {
                fetch: third.fetch,
                env: {ATTIO_API_TOKEN: "attio-token"},
            })
            const connection = await testApp.connect({value: "sequencer-token"})
            expect(testApp.connections()).toEqual([connection])

            const handlers = testApp.webhookHandlers()
            expect(handlers.map((h) => h.fileName).sort()).toEqual(
                example === "app-layout" ? ["crm/deal-closed", "prospect-updated"] : ["prospect-updated"]
            )
            for (const handler of handlers) {
                expect(handler.url).toBe(WEBHOOK_URL_BASE + handler.id)
                // The id the third party answered, stored by updateWebhookHandler.
                expect(third.registered.get(handler.externalWebhookId!)?.url).toBe(handler.url)
                expect(third.registered.get(handler.externalWebhookId!)?.authorization).toBe("Bearer sequencer-token")
            }

            const prospect = handlers.find((h) => h.fileName === "prospect-updated")!
            const event = example === "app-layout" ? "prospect.updated" : "prospect_updated"
            const body = {
                event,
                data: {prospectId: "p1", prospectName: "Ada Lovelace", prospectEmail: "ada@example.com"},
            }
            const response = await testApp.deliver(prospect.id, {body})
            expect(response.status).toBe(200)
            const attioCall = third.calls.find((c) => c.url.startsWith("https://api.attio.com/"))!
            expect(attioCall.authorization).toBe("Bearer attio-token")
            expect(JSON.parse(attioCall.body!).data.values.email_addresses).toEqual(["ada@example.com"])
            expect((await testApp.deliver("prospect-updated", {body: "not json"})).status).toBe(400)

            await testApp.disconnect()
            expect(testApp.webhookHandlers()).toEqual([])
            expect(testApp.connections()).toEqual([])
            expect(third.registered.size).toBe(0)
        })
    }
})

describe("connection events", () => {
    it("a fileName typo in connection-added rejects connect, as the platform does at run time, and saves nothing", async () => {
        const root = app({
            "src/app/webhooks/deal-updated.webhook.ts": ok(),
            "src/app/events/connection-added.event.ts": `import {createWebhookHandler} from "attio/server"\n\nexport default async function connectionAdded() {\n    await createWebhookHandler({fileName: "deal-update"})\n}\n`,
        })
        const testApp = await loadApp(root)
        await expect(testApp.connect({value: "token"})).rejects.toThrow(
            'createWebhookHandler: fileName "deal-update" names no webhook handler file (the app\'s handler ids: deal-updated)'
        )
        expect(testApp.connections()).toEqual([])
        expect(testApp.webhookHandlers()).toEqual([])
    })

    it("ids are what the platform computes: nested, in both layouts, .ts and .js", async () => {
        const root = app({
            "src/webhooks/crm/deal.won.webhook.ts": ok(),
            // What the build's glob does not pick up: a dot folder, a folder outside the roots, an event in a webhook root.
            "src/app/webhooks/.drafts/old.webhook.ts": ok(),
            "src/handlers/elsewhere.webhook.ts": ok(),
            "src/app/webhooks/misplaced.event.ts": ok(),
            "src/app/webhooks/notes.webhook.js": `export default async function notes() {\n    return new Response("js")\n}\n`,
            "src/app/webhooks/ignored.webhook.tsx": ok(),
            "src/app/webhooks/notes.webhook.test.ts": `throw new Error("a test file is no handler")\n`,
            "src/app/events/connection-added.event.ts": `import {createWebhookHandler} from "attio/server"\n\nexport default async function connectionAdded() {\n    await createWebhookHandler({fileName: "crm/deal.won"})\n    await createWebhookHandler({fileName: "notes"})\n}\n`,
        })
        const testApp = await loadApp(path.join(root, "src/app"))
        expect(testApp.root).toBe(root)
        expect(testApp.files.webhooks.map((f) => f.id).sort()).toEqual(["crm/deal.won", "notes"])
        expect(testApp.files.events.map((f) => f.rel)).toEqual(["src/app/events/connection-added.event.ts"])
        await testApp.connect("token")
        expect(testApp.webhookHandlers().map((h) => h.fileName)).toEqual(["crm/deal.won", "notes"])
        expect(await (await testApp.deliver("notes")).text()).toBe("js")
        // Any folder or file inside the app will do (generated tests pass their own path).
        expect((await loadApp(path.join(root, "src/app/webhooks/notes.webhook.test.ts"))).root).toBe(root)
        await expect(testApp.deliver("ignored")).rejects.toThrow(
            'deliver("ignored"): no webhook handler has that id, and no handler file is named so (the app\'s handler ids: crm/deal.won, notes)'
        )
    })

    it("follows links as the build's glob does: to a file yes, through a folder or a linked root no", async () => {
        const root = app({
            "lib/g.ts": `export default async function g() {\n    return new Response("linked")\n}\n`,
            "lib/dir/x.webhook.ts": ok(),
            "hooks/h.webhook.ts": ok(),
            "src/app/webhooks/node_modules/c.webhook.ts": ok(),
        })
        fs.symlinkSync("../../../lib/g.ts", path.join(root, "src/app/webhooks/g.webhook.ts"))
        fs.symlinkSync("../../../lib/dir", path.join(root, "src/app/webhooks/linked"))
        fs.symlinkSync("../hooks", path.join(root, "src/webhooks"))
        const testApp = await loadApp(root)
        expect(testApp.files.webhooks.map((f) => f.id)).toEqual(["g", "node_modules/c"])
        expect(await (await testApp.deliver("g")).text()).toBe("linked")
        // A dangling link is listed, and the bundle fails on it, as the build's does.
        fs.symlinkSync("nowhere.ts", path.join(root, "src/app/webhooks/dangling.webhook.ts"))
        await expect(loadApp(root)).rejects.toThrow(/The app's handlers do not bundle:\n.*Could not resolve/)
    })

    it("refuses a folder that does not exist", async () => {
        const root = app({"src/app/webhooks/a.webhook.ts": ok()})
        const typo = path.join(root, "scr/app")
        await expect(loadApp(typo)).rejects.toThrow(`loadApp(${JSON.stringify(typo)}): there is no such folder or file`)
    })

    it("refuses two handler files with one id, as the build does", async () => {
        const root = app({"src/webhooks/a.webhook.ts": ok(), "src/app/webhooks/a.webhook.ts": ok()})
        await expect(loadApp(root)).rejects.toThrow(
            'Two webhook handler files register the same handler id "a": src/app/webhooks/a.webhook.ts and src/webhooks/a.webhook.ts'
        )
    })

    it("the new connection is only the argument during connection-added; afterwards the getters return it", async () => {
        const root = app({
            "src/app/webhooks/who.webhook.ts": `import {getCurrentUser, getWorkspaceConnection} from "attio/server"\n\nexport default async function who() {\n    return Response.json({user: getCurrentUser(), token: getWorkspaceConnection().value})\n}\n`,
            "src/app/events/connection-added.event.ts": `import {type Connection, getWorkspaceConnection} from "attio/server"\n\nexport default async function connectionAdded({connection}: {connection: Connection}) {\n    if (connection.value !== "good") throw new Error("bad token")\n    getWorkspaceConnection()\n}\n`,
        })
        const testApp = await loadApp(root, {userId: "user-1"})
        await expect(testApp.connect("bad")).rejects.toThrow("bad token")
        await expect(testApp.connect("good")).rejects.toThrow(
            "getWorkspaceConnection: no workspace connection (during connection-added the new connection is only its argument)"
        )
        expect(testApp.connections()).toEqual([])
        const withoutEvent = await loadApp(
            app({
                "src/app/webhooks/who.webhook.ts": fs.readFileSync(
                    path.join(root, "src/app/webhooks/who.webhook.ts"),
                    "utf8"
                ),
            }),
            {userId: "user-1"}
        )
        const connection = await withoutEvent.connect({value: "good", connection_key: "crm"})
        expect(connection).toMatchObject({
            value: "good",
            connection_key: "crm",
            ownedBy: {type: "workspace"},
            createdBy: {type: "user", id: "user-1"},
        })
        expect(await (await withoutEvent.deliver("who")).json()).toEqual({user: {id: "user-1"}, token: "good"})
        await withoutEvent.disconnect("crm")
        expect((await withoutEvent.deliver("who")).status).toBe(500)
        expect(String(withoutEvent.lastDelivery?.error)).toContain("getWorkspaceConnection: no workspace connection")
        await expect(withoutEvent.disconnect()).rejects.toThrow(
            "disconnect(): name one saved connection by its connection_key (saved: none)"
        )
    })

    it("a connection-removed that throws keeps the connection", async () => {
        const root = app({
            "src/app/events/connection-removed.event.ts": `export default async function connectionRemoved() {\n    throw new Error("cleanup failed")\n}\n`,
        })
        const testApp = await loadApp(root)
        await testApp.connect("token")
        await expect(testApp.disconnect()).rejects.toThrow("cleanup failed")
        expect(testApp.connections()).toHaveLength(1)
    })
})

describe("the kv store and externalWebhookId", () => {
    it("round trip: connection-added stores, the handler reads, connection-removed deletes", async () => {
        const root = app({
            "src/app/webhooks/hook.webhook.ts": `import {kv, listWebhookHandlers} from "attio/server"\n\nexport default async function hook(request: Request): Promise<Response> {\n    const secret = await kv.get("secret")\n    const [handler] = await listWebhookHandlers()\n    return Response.json({secret: secret?.value ?? null, external: handler?.externalWebhookId ?? null, body: await request.text()})\n}\n`,
            "src/app/events/connection-added.event.ts": `import {createWebhookHandler, getWebhookHandler, kv, updateWebhookHandler} from "attio/server"\n\nexport default async function connectionAdded() {\n    const handler = await createWebhookHandler({fileName: "hook"})\n    await updateWebhookHandler(handler.id, {externalWebhookId: "ext-42"})\n    if ((await getWebhookHandler(handler.id)).externalWebhookId !== "ext-42") throw new Error("not stored")\n    await kv.set("secret", {key: "s3cret", rotated: [1, true, null]})\n}\n`,
            "src/app/events/connection-removed.event.ts": `import {deleteWebhookHandler, kv, listWebhookHandlers} from "attio/server"\n\nexport default async function connectionRemoved() {\n    for (const handler of await listWebhookHandlers()) await deleteWebhookHandler(handler.id)\n    await kv.delete("secret")\n}\n`,
        })
        const testApp = await loadApp(root)
        await testApp.connect("token")
        const [handler] = testApp.webhookHandlers()
        expect(handler.externalWebhookId).toBe("ext-42")
        const response = await testApp.deliver(handler.id, {body: new TextEncoder().encode("raw bytes")})
        expect(await response.json()).toEqual({
            secret: {key: "s3cret", rotated: [1, true, null]},
            external: "ext-42",
            body: "raw bytes",
        })
        expect(await testApp.kv.mget(["secret", "other"])).toEqual({
            secret: {value: {key: "s3cret", rotated: [1, true, null]}},
            other: null,
        })
        await testApp.disconnect()
        expect(await testApp.kv.get("secret")).toBeNull()
        expect(testApp.webhookHandlers()).toEqual([])
    })

    it("values that JSON cannot hold are refused; ttlInSeconds expires them", async () => {
        const {kv} = await loadApp(app({}))
        await expect(kv.set("f", (() => 1) as never)).rejects.toThrow('kv.set("f"): the value is not JSON-serializable')
        await expect(kv.set("d", {at: new Date(0)} as never)).rejects.toThrow("not JSON-serializable")
        await kv.set("short", "lived", {ttlInSeconds: 0})
        expect(await kv.get("short")).toBeNull()
        await kv.set("long", "lived", {ttlInSeconds: 60})
        expect(await kv.get("long")).toEqual({value: "lived"})
    })

    it("the SDK's handler functions refuse unknown ids", async () => {
        const root = app({
            "src/app/events/connection-added.event.ts": `import {deleteWebhookHandler} from "attio/server"\n\nexport default async function connectionAdded() {\n    await deleteWebhookHandler("nope")\n}\n`,
        })
        await expect((await loadApp(root)).connect("t")).rejects.toThrow(
            'deleteWebhookHandler: there is no webhook handler with the id "nope"'
        )
    })
})

describe("deliver", () => {
    const echo = `export default async function echo(request: Request): Promise<Response> {\n    return Response.json({method: request.method, type: request.headers.get("content-type"), sig: request.headers.get("x-sig"), url: request.url, body: await request.text()})\n}\n`

    it("sends an object as JSON, a string as it is, with the method, headers and query given", async () => {
        const testApp = await loadApp(app({"src/app/webhooks/echo.webhook.ts": echo}))
        expect(await (await testApp.deliver("echo", {body: {a: 1}})).json()).toMatchObject({
            method: "POST",
            type: "application/json",
            body: '{"a":1}',
        })
        const answer = (await (
            await testApp.deliver("echo", {
                method: "PUT",
                headers: {"X-Sig": "abc", "content-type": "text/plain"},
                body: "hi",
                query: "?x=1",
            })
        ).json()) as {url: string}
        expect(answer).toMatchObject({method: "PUT", type: "text/plain", sig: "abc", body: "hi"})
        expect(answer.url).toMatch(/^https:\/\/.*\/echo\?x=1$/)
        const withoutMark = (await (await testApp.deliver("echo", {query: "y=2"})).json()) as {url: string}
        expect(withoutMark.url).toMatch(/^https:\/\/.*\/echo\?y=2$/)
    })

    it("sends form bodies, typed arrays and streams as fetch would, not as JSON", async () => {
        const testApp = await loadApp(
            app({
                "src/app/webhooks/echo.webhook.ts": `export default async function echo(request: Request): Promise<Response> {\n    return new Response(\`\${request.headers.get("content-type")} \${await request.text()}\`)\n}\n`,
            })
        )
        const text = async (body: unknown) => (await testApp.deliver("echo", {body})).text()
        expect(await text(new URLSearchParams({a: "1", b: "2"}))).toBe(
            "application/x-www-form-urlencoded;charset=UTF-8 a=1&b=2"
        )
        const form = new FormData()
        form.set("a", "1")
        expect(await text(form)).toMatch(/^multipart\/form-data; boundary=.*name="a"\r\n\r\n1\r\n/s)
        expect(await text(new TextEncoder().encode("bytes").buffer)).toBe("null bytes")
        expect(await text(new DataView(new TextEncoder().encode("view").buffer))).toBe("null view")
        expect(await text(new Blob(["stream"]).stream())).toBe("null stream")
    })

    it("answers 500, keeping the reason, when the handler throws, returns no Response or exports no function", async () => {
        const testApp = await loadApp(
            app({
                "src/app/webhooks/throws.webhook.ts": `export default async function throws(): Promise<Response> {\n    throw new Error("boom")\n}\n`,
                "src/app/webhooks/nothing.webhook.ts": `export default async function nothing(request: Request) {\n    await request.text()\n}\n`,
                "src/app/webhooks/named.webhook.ts": `export async function named() {\n    return new Response()\n}\n`,
                "src/app/webhooks/value.webhook.ts": `export default 42\n`,
                "src/app/webhooks/sync.webhook.ts": `export default function sync() {\n    return new Response("sync works")\n}\n`,
            })
        )
        const cases = [
            ["throws", "boom"],
            ["nothing", "Webhook handler nothing returned nothing, not a Response: the platform answers 500"],
            ["named", "Default export not found in module named"],
            ["value", "value does not export a function"],
        ]
        for (const [id, reason] of cases) {
            const response = await testApp.deliver(id)
            expect(response.status, id).toBe(500)
            expect(await response.text()).toBe(`Webhook handler ${id} failed: ${reason}`)
            expect((testApp.lastDelivery?.error as Error).message).toBe(reason)
        }
        expect(await (await testApp.deliver("sync")).text()).toBe("sync works")
        expect(testApp.lastDelivery?.error).toBeUndefined()
    })

    it("handlers see the given fetch and env (not the test process's HOME), and fail clearly without a fetch", async () => {
        const root = app({
            "src/app/webhooks/call.webhook.ts": `import {ATTIO_API_TOKEN} from "attio/server"\n\nexport default async function call(): Promise<Response> {\n    const answer = await fetch("https://api.example.com/x", {headers: {Authorization: ATTIO_API_TOKEN}})\n    return new Response(\`\${await answer.text()} \${process.env.REGION} \${process.env.HOME}\`)\n}\n`,
        })
        const seen: string[] = []
        const testApp = await loadApp(root, {
            env: {ATTIO_API_TOKEN: "tok", REGION: "eu"},
            fetch: async (input, init) => {
                seen.push(`${String(input)} ${new Headers(init?.headers).get("authorization")}`)
                return new Response("third party")
            },
        })
        expect(await (await testApp.deliver("call")).text()).toBe("third party eu undefined")
        expect(seen).toEqual(["https://api.example.com/x tok"])
        const offline = await loadApp(root)
        expect((await offline.deliver("call")).status).toBe(500)
        expect(String(offline.lastDelivery?.error)).toContain(
            'The app called fetch("https://api.example.com/x"), but loadApp() was given no fetch'
        )
    })

    it("globalThis.fetch and globalThis.process are the test's, as the bare names are", async () => {
        const root = app({
            "src/app/webhooks/call.webhook.ts": `export default async function call(): Promise<Response> {\n    const answer = await globalThis.fetch("https://api.example.com/x")\n    return new Response(\`\${await answer.text()} \${globalThis.process.env.REGION} \${"fetch" in globalThis}\`)\n}\n`,
        })
        // Strict code may not write a read-only global, through the shadow as without it.
        fs.writeFileSync(
            path.join(root, "src/app/webhooks/read-only.webhook.ts"),
            `export default async function readOnly(): Promise<Response> {\n    ;(globalThis as unknown as {attioTestingReadOnly: number}).attioTestingReadOnly = 2\n    return new Response()\n}\n`
        )
        Object.defineProperty(globalThis, "attioTestingReadOnly", {value: 1, writable: false, configurable: true})
        onTestFinished(() => void Reflect.deleteProperty(globalThis, "attioTestingReadOnly"))
        const testApp = await loadApp(root, {env: {REGION: "eu"}, fetch: async () => new Response("third party")})
        expect(await (await testApp.deliver("call")).text()).toBe("third party eu true")
        expect((await testApp.deliver("read-only")).status).toBe(500)
        expect(testApp.lastDelivery?.error).toBeInstanceOf(TypeError)
    })

    it("runs handler modules with top-level await, as attio build's ESM bundle does", async () => {
        const root = app({
            "src/app/config.ts": `export const config = await Promise.resolve({greeting: "hello"})\n`,
            "src/app/webhooks/hello.webhook.ts": `import {config} from "../config"\n\nconst suffix = await Promise.resolve("!")\n\nexport default async function hello(): Promise<Response> {\n    return new Response(config.greeting + suffix)\n}\n`,
        })
        expect(await (await (await loadApp(root)).deliver("hello")).text()).toBe("hello!")
    })

    it("handlers may read import.meta, as in the platform's ESM bundle", async () => {
        const root = app({
            "src/app/webhooks/meta.webhook.ts": `export default async function meta(): Promise<Response> {\n    return new Response(new URL(import.meta.url).protocol)\n}\n`,
        })
        expect(await (await (await loadApp(root)).deliver("meta")).text()).toBe("file:")
    })

    it("each loaded app has its own module state and store", async () => {
        const root = app({
            "src/app/webhooks/count.webhook.ts": `let count = 0\n\nexport default async function counter(): Promise<Response> {\n    count++\n    return new Response(String(count))\n}\n`,
        })
        const [first, second] = await Promise.all([loadApp(root), loadApp(root)])
        await first.deliver("count")
        expect(await (await first.deliver("count")).text()).toBe("2")
        expect(await (await second.deliver("count")).text()).toBe("1")
    })
})

describe("attio/server", () => {
    it("what the runtime does not implement says so by name", async () => {
        const root = app({
            "src/app/webhooks/settings.webhook.ts": `import {getWorkspaceSetting, Settings} from "attio/server"\n\nexport default async function settings(request: Request): Promise<Response> {\n    if (request.method === "GET") await getWorkspaceSetting("x" as never)\n    else await Settings.getSettings({} as never)\n    return new Response()\n}\n`,
        })
        const testApp = await loadApp(root)
        await testApp.deliver("settings", {method: "GET"})
        expect(String(testApp.lastDelivery?.error)).toMatch(/^Error: getWorkspaceSetting is not available in tests/)
        await testApp.deliver("settings")
        expect(String(testApp.lastDelivery?.error)).toMatch(/^Error: Settings\.getSettings is not available in tests/)
    })

    it("a value import of attio/client fails to bundle, as in attio build; a type-only one is erased", async () => {
        const typeOnly = app({
            "src/app/webhooks/a.webhook.ts": `import type {App} from "attio/client"\n\nexport default async function a(): Promise<Response> {\n    const app: App | undefined = undefined\n    return new Response(String(app))\n}\n`,
        })
        expect((await (await loadApp(typeOnly)).deliver("a")).status).toBe(200)
        const value = app({
            "src/app/webhooks/a.webhook.ts": `import {Button} from "attio/client"\n\nexport default async function a(): Promise<Response> {\n    return new Response(String(Button))\n}\n`,
        })
        await expect(loadApp(value)).rejects.toThrow(
            /The app's handlers do not bundle:\n.*src\/app\/webhooks\/a\.webhook\.ts:1:\d+: Could not resolve "attio\/client"/
        )
    })
})

describe("outside vitest", () => {
    // Plain Node runs it the same (a script with top-level await); docs/testing.md shows both.
    it("works from node:test, loading neither TypeScript nor the linter's app model", () => {
        const root = app({
            "src/app/webhooks/hello.webhook.ts": `export default async function hello(request: Request): Promise<Response> {\n    return new Response(\`hello \${await request.text()}\`)\n}\n`,
        })
        const runtime = path.join(PACKAGE_ROOT, "dist/src/testing/index.js")
        // A fresh process's time is in what it loads. CommonJS modules are in require.cache, also when imported
        // from ESM: esbuild is, and TypeScript, ts-morph or tinyglobby's picomatch would be.
        fs.writeFileSync(
            path.join(root, "hello.test.mjs"),
            `import assert from "node:assert/strict"
import {createRequire} from "node:module"
import {test} from "node:test"
import {loadApp} from ${JSON.stringify(runtime)}

test("hello", async () => {
    const app = await loadApp(${JSON.stringify(root)})
    assert.equal(await (await app.deliver("hello", {body: "node"})).text(), "hello node")
    const files = Object.keys(createRequire(import.meta.url).cache)
    const packages = new Set(files.flatMap((file) => file.split("/node_modules/").slice(1).map((rest) => rest.split("/")[0])))
    assert.deepEqual(["esbuild", "typescript", "ts-morph", "picomatch"].map((name) => packages.has(name)), [true, false, false, false])
})
`
        )
        const nodeTest = spawnSync(process.execPath, ["--test", "hello.test.mjs"], {cwd: root, encoding: "utf8"})
        expect(nodeTest.stdout).toContain("# pass 1")
        expect(nodeTest.status).toBe(0)
    })
})
