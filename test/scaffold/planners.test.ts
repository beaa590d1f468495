/** The generators' planners on an app in memory: what each run would write, with no disk and no Yeoman. */
import {describe, expect, it} from "vitest"
import {AppTree} from "../../src/scaffold/app-tree.js"
import {planEvent} from "../../src/scaffold/event.js"
import {MemoryHost} from "../../src/scaffold/memory-host.js"
import {expectLinesKept} from "../support/lines.js"
import {planWebhook, PLACEHOLDER_REGISTER_URL, type WebhookSpec} from "../../src/scaffold/webhook.js"

const ADDED = "src/app/events/connection-added.event.ts"
const REMOVED = "src/app/events/connection-removed.event.ts"
const PACKAGE = '{"name": "app", "dependencies": {"attio": "^1.0.0"}}'
const VITEST_PACKAGE = '{"name": "app", "devDependencies": {"vitest": "^3.0.0"}}'

const HAND_WRITTEN = `// Acme: connect the workspace.
import type {Connection} from "attio/server"

export default async function connectionAdded({connection}: {connection: Connection}) {
    // A bad token must fail the connection.
    const me = await fetch("https://api.acme.test/me", {headers: {"X-Token": connection.value}})
    if (!me.ok) throw new Error("Acme rejected the token")
}
`

function app(files: Record<string, string>) {
    const host = new MemoryHost({"package.json": PACKAGE, ...files})
    return {host, tree: new AppTree(host)}
}

const spec = (id: string, more: Partial<WebhookSpec> = {}): WebhookSpec => ({
    id,
    event: id,
    registerUrl: PLACEHOLDER_REGISTER_URL,
    register: true,
    ...more,
})

describe("planWebhook", () => {
    it("in a fresh app: the handler, its registration and its cleanup, in the src/app layout", async () => {
        const {host, tree} = app({})
        const plan = await planWebhook(tree, spec("prospect-updated", {event: "lead.processed"}))
        expect(plan.changes.map((c) => [c.action, c.path])).toEqual([
            ["create", "src/app/webhooks/prospect-updated.webhook.ts"],
            ["create", ADDED],
            ["create", REMOVED],
        ])
        expect(plan.notes).toEqual([])
        expect(tree.read("src/app/webhooks/prospect-updated.webhook.ts")).toContain(
            "export default async function handleProspectUpdated(request: Request): Promise<Response> {"
        )
        const added = tree.read(ADDED)!
        expect(added).toContain('const handler = await createWebhookHandler({fileName: "prospect-updated"})')
        expect(added).toContain('body: JSON.stringify({url: handler.url, event: "lead.processed"})')
        expect(added).toContain(
            "export default async function connectionAdded({connection}: {connection: Connection}) {"
        )
        expect(tree.read(REMOVED)).toContain("await deleteWebhookHandler(handler.id)")
        // Planning writes nothing.
        expect([...host.files.keys()]).toEqual(["package.json"])
    })

    it("writes a test beside the handler when the app uses vitest", async () => {
        const {tree} = app({"package.json": VITEST_PACKAGE})
        const plan = await planWebhook(tree, spec("deal"))
        expect(plan.changes.map((c) => c.path)).toContain("src/app/webhooks/deal.webhook.test.ts")
    })

    it("writes no test when the app's own attio SDK predates 1.0, read from the app in memory only", async () => {
        const {tree} = app({"package.json": VITEST_PACKAGE, "node_modules/attio/package.json": '{"version": "0.9.0"}'})
        const plan = await planWebhook(tree, spec("deal"))
        expect(plan.notes).toEqual(["No test written: the installed attio SDK predates 1.0 (attioFetch)."])
        expect(plan.changes.map((c) => c.path)).not.toContain("src/app/webhooks/deal.webhook.test.ts")
    })

    it("keeps a test the app has beside the handler", async () => {
        const test = "src/app/webhooks/deal.webhook.test.ts"
        const plan = await planWebhook(app({"package.json": VITEST_PACKAGE, [test]: "// ours\n"}).tree, spec("deal"))
        expect(plan.changes.map((c) => c.path)).not.toContain(test)
        expect(plan.notes).toEqual([`${test} exists; left as it is.`])
    })

    it("syncs the record its event is about", async () => {
        const {tree} = app({})
        await planWebhook(tree, spec("lead-created", {register: false}))
        expect(tree.read("src/app/webhooks/lead-created.webhook.ts")).toContain(
            '"https://api.attio.com/v2/objects/people/records?matching_attribute=email_addresses"'
        )
    })

    it("adds the registration to a hand-written connection-added, every line kept in order", async () => {
        const {tree} = app({[ADDED]: HAND_WRITTEN})
        const plan = await planWebhook(tree, spec("deal"))
        expect(plan.changes.find((c) => c.path === ADDED)?.action).toBe("update")
        const after = tree.read(ADDED)!
        expectLinesKept(HAND_WRITTEN, after)
        expect(after).toContain(
            '    if (!me.ok) throw new Error("Acme rejected the token")\n    await registerDealWebhook(connection)\n}\n'
        )
        expect(after).toContain('createWebhookHandler({fileName: "deal"})')
    })

    it("run again on what the first run wrote, plans nothing", async () => {
        const {host, tree} = app({})
        ;(await planWebhook(tree, spec("deal"))).tree.commit()
        const written = new Map(host.files)
        const again = await planWebhook(new AppTree(host), spec("deal"))
        expect(again.changes).toEqual([])
        expect(again.identical).toEqual(["src/app/webhooks/deal.webhook.ts"])
        expect(again.notes).toEqual([
            `${ADDED} already registers the deal webhook handler; connection-added left as it is.`,
            `${REMOVED} already deletes each webhook at the URL its registration recorded; left as it is.`,
        ])
        again.tree.commit()
        expect(host.files).toEqual(written)
    })

    it("refuses a second registration of an id a createWebhookHandler call was meant for", async () => {
        const {tree} = app({
            "src/webhooks/deal-updated.webhook.ts":
                "export default async function deal(r: Request) {\n    return new Response(await r.text())\n}\n",
            "src/events/connection-added.event.ts":
                'import {createWebhookHandler} from "attio/server"\n\nexport default async function connectionAdded() {\n    await createWebhookHandler({fileName: "deal-update"})\n}\n',
        })
        await expect(planWebhook(tree, spec("deal-updated"))).rejects.toThrow(
            'src/events/connection-added.event.ts calls createWebhookHandler({fileName: "deal-update"}), which names no handler and looks meant for deal-updated'
        )
    })

    it("refuses an id that differs from an existing handler's only by letter case", async () => {
        const {tree} = app({"src/app/webhooks/Deal.webhook.ts": "export default async function deal() {}\n"})
        await expect(planWebhook(tree, spec("deal"))).rejects.toThrow(
            'src/app/webhooks/Deal.webhook.ts exists, and differs from the id "deal" only by letter case'
        )
    })

    it("a different existing handler is a conflict the user is asked about; a JavaScript one is left alone", async () => {
        const handler = "export default async function deal() {}\n"
        const ts = await planWebhook(app({"src/app/webhooks/deal.webhook.ts": handler}).tree, spec("deal"))
        expect(ts.changes[0]).toMatchObject({path: "src/app/webhooks/deal.webhook.ts", action: "conflict"})
        const js = await planWebhook(app({"src/app/webhooks/deal.webhook.js": handler}).tree, spec("deal"))
        expect(js.changes.map((c) => c.path)).toEqual([ADDED, REMOVED])
        expect(js.notes).toContain("src/app/webhooks/deal.webhook.js exists; it is JavaScript, so it is left as it is.")
    })
})

describe("planEvent", () => {
    it("writes the event's skeleton where the app keeps its events", async () => {
        const fresh = await planEvent(app({}).tree, "connection-removed")
        expect(fresh.changes.map((c) => [c.action, c.path])).toEqual([["create", REMOVED]])
        expect(fresh.changes[0]!.content).toContain("export default async function connectionRemoved(")
        const documented = await planEvent(app({"src/webhooks/a.webhook.ts": ""}).tree, "connection-added")
        expect(documented.changes.map((c) => c.path)).toEqual(["src/events/connection-added.event.ts"])
    })

    it("leaves an existing event alone", async () => {
        const plan = await planEvent(app({[ADDED]: HAND_WRITTEN}).tree, "connection-added")
        expect(plan.changes).toEqual([])
        expect(plan.notes).toEqual([`${ADDED} exists; nothing changed.`])
    })
})

describe("planners sharing a run", () => {
    it("the webhook planner adds its registration to the skeleton the event planner wrote", async () => {
        const {tree} = app({})
        await planEvent(tree, "connection-added")
        const skeleton = tree.read(ADDED)!
        const plan = await planWebhook(tree, spec("deal"))
        const change = plan.changes.find((c) => c.path === ADDED)!
        expect(change.action).toBe("create")
        expectLinesKept(skeleton.replace("_event", "{connection}"), change.content)
        expect(change.content).toContain('createWebhookHandler({fileName: "deal"})')
    })

    it("a second webhook planner sees the first one's registration and cleanup, through the app model too", async () => {
        const {tree} = app({})
        await planWebhook(tree, spec("deal"))
        const second = await planWebhook(tree, spec("lead"))
        expect(tree.read(ADDED)!.match(/await register\w+Webhook\(connection\)/g)).toEqual([
            "await registerDealWebhook(connection)",
            "await registerLeadWebhook(connection)",
        ])
        expect(second.notes).toEqual([
            `${REMOVED} already deletes each webhook at the URL its registration recorded; left as it is.`,
        ])
        // Run again for an id the first planner registered: the model reads the pending connection-added.
        const third = await planWebhook(tree, spec("deal"))
        expect(third.registeredIn).toBe(ADDED)
    })
})
