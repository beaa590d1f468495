/** The webhook generator through yeoman-test, as `yo attio-app:webhook` runs it. */
import fs from "node:fs"
import path from "node:path"
import {Node, Project, SyntaxKind} from "ts-morph"
import {describe, expect, it} from "vitest"
import {creates, REAL_WORLD_APPS, SEED_CONNECTION_ADDED} from "../support/apps.js"
import {fromDist} from "../support/dist.js"
import {tempDir} from "../support/temp-app.js"
import {expectLinesKept, readTree, runGenerator, type Outcome} from "./support.js"

// The lint engine as built, the one the generator's own summary runs (test/support/dist.ts).
const {lint} = await fromDist<typeof import("../../src/index.js")>("src/index.js")

const YES = {yes: true}

/** One-line `attio/server` imports, which gain names. */
function withoutSdkImports(text: string): string {
    return text.replace(/^import .*"attio\/server"$/gm, "")
}

function expectNothingWritten(run: Outcome) {
    expect(run.files).toEqual(run.before)
}

async function expectLintClean(root: string) {
    const report = await lint({cwd: root})
    const messages = report.results.flatMap((r) => r.messages.map((m) => `${r.filePath}: ${m.ruleId} ${m.message}`))
    expect(messages).toEqual([])
}

describe("an empty app", () => {
    it("gets the handler, its registration and its cleanup in the src/app layout, without a question", async () => {
        const run = await runGenerator("webhook", {
            args: ["prospect-updated"],
            options: {...YES, event: "lead.processed"},
        })
        expect(run.error).toBeUndefined()
        expect(run.asked).toEqual([])
        expect(Object.keys(run.files).sort()).toEqual([
            "package.json",
            "src/app/events/connection-added.event.ts",
            "src/app/events/connection-removed.event.ts",
            "src/app/webhooks/prospect-updated.webhook.ts",
        ])
        const handler = run.files["src/app/webhooks/prospect-updated.webhook.ts"]!
        expect(handler).toContain(
            "export default async function handleProspectUpdated(request: Request): Promise<Response> {"
        )
        expect(handler).toContain('import {ATTIO_API_TOKEN} from "attio/server"')
        expect(handler).toContain("Authorization: `Bearer ${ATTIO_API_TOKEN}`")
        expect(handler).toMatch(
            /try \{\n\s+body = \(await request\.json\(\)\) as WebhookBody\n\s+\} catch \{\n\s+return new Response\("The body is not JSON", \{status: 400\}\)/
        )
        expect(handler).toContain("// ── Sync ──")
        expect(handler).not.toContain("attioFetch")
        const added = run.files["src/app/events/connection-added.event.ts"]!
        expect(added).toContain('const handler = await createWebhookHandler({fileName: "prospect-updated"})')
        expect(added).toContain('body: JSON.stringify({url: handler.url, event: "lead.processed"})')
        expect(added).toMatch(
            /if \(!response\.ok\) \{\n\s+await deleteWebhookHandler\(handler\.id\)\n\s+throw new Error\(/
        )
        expect(added).toContain("await updateWebhookHandler(handler.id, {externalWebhookId})")
        // The skeleton's unused `_event` parameter is the connection's now.
        expect(added).toContain(
            "export default async function connectionAdded({connection}: {connection: Connection}) {"
        )
        // Registration records where the webhook is deleted; connection-removed reads it.
        expect(added).toContain(
            "await kv.set(\n        `webhook-delete-url:${handler.id}`,\n        `https://api.example.com/v1/webhooks/${encodeURIComponent(externalWebhookId)}`\n    )"
        )
        const removed = run.files["src/app/events/connection-removed.event.ts"]!
        expect(removed).toContain(
            "export default async function connectionRemoved({connection}: {connection: Connection}) {"
        )
        expect(removed).toContain("await listWebhookHandlers()")
        expect(removed).toContain("const deleteUrl = (await kv.get(key))?.value")
        expect(removed).toContain("await kv.delete(key)")
        expect(removed).toContain("await deleteWebhookHandler(handler.id)")
        expect(removed).toMatch(/\} catch \(error\) \{\n\s+console\.error\(/)
        expect(run.log).toContain("attio-lint: no problems.")
        expect(run.log).toContain("Run `attio dev`")
        expect(run.log).toContain("Attio developer dashboard")
        await expectLintClean(run.root)
    })

    it("asks for what no option gives, and uses the answers", async () => {
        const run = await runGenerator("webhook", {
            answers: {
                name: "Deal Closed",
                event: "deal.closed",
                register: true,
                registerUrl: "https://crm.example.com/hooks",
            },
        })
        expect(run.error).toBeUndefined()
        expect(run.asked).toEqual(["name", "event", "register", "registerUrl"])
        expect(run.log).toContain('Handler id: deal-closed (from "Deal Closed")')
        expect(run.files["src/app/events/connection-added.event.ts"]).toContain(
            'await fetch("https://crm.example.com/hooks", {'
        )
        expect(run.files["src/app/events/connection-added.event.ts"]).toContain(
            "`https://crm.example.com/hooks/${encodeURIComponent(externalWebhookId)}`"
        )
        expect(run.files["src/app/events/connection-added.event.ts"]).toContain('event: "deal.closed"')
    })

    it("asks nothing that an option answers (kebab-case arguments as on the command line)", async () => {
        const run = await runGenerator("webhook", {
            args: ["deal-closed", "--event", "deal.closed", "--register-url", "https://crm.example.com/hooks"],
            answers: {register: true},
        })
        expect(run.error).toBeUndefined()
        expect(run.asked).toEqual(["register"])
        expect(run.files["src/app/events/connection-added.event.ts"]).toContain(
            'await fetch("https://crm.example.com/hooks", {'
        )
    })

    it("with --yes and no name, says so and writes nothing", async () => {
        const run = await runGenerator("webhook", {options: YES})
        expect(run.error?.message).toMatch(/Name the handler/)
        expect(run.asked).toEqual([])
        expectNothingWritten(run)
    })
})

describe("the app root", () => {
    const other = "export default async function other(r: Request) {\n    return new Response(await r.text())\n}\n"

    it("is the nearest folder upwards with a package.json: run in a subfolder, files go where the build looks", async () => {
        const run = await runGenerator("webhook", {
            files: {"src/app/webhooks/other.webhook.ts": other},
            cwd: "src/app/webhooks",
            args: ["x"],
            options: YES,
        })
        expect(run.error).toBeUndefined()
        expect(
            Object.keys(run.files)
                .filter((f) => !(f in run.before))
                .sort()
        ).toEqual([
            "src/app/events/connection-added.event.ts",
            "src/app/events/connection-removed.event.ts",
            "src/app/webhooks/x.webhook.ts",
        ])
        // The lint summary names files from the app root, as the next steps do.
        expect(run.log).toMatch(
            /^ {2}src\/app\/webhooks\/other\.webhook\.ts:\d+:\d+ warning .*\(unregistered-webhook\)$/m
        )
        expect(run.log).not.toContain("src/app/webhooks/src/")
        expect(run.log).toContain("Fill in the sync in src/app/webhooks/x.webhook.ts")
    })

    it("is required: outside any app it refuses before asking or writing anything", async () => {
        const root = tempDir("attio-app-no-app-")
        fs.mkdirSync(path.join(root, "sub"))
        const run = await runGenerator("webhook", {root, cwd: "sub", args: ["x"], answers: {}})
        expect(run.error?.message).toBe(
            `No app found at ${path.join(root, "sub")}: no package.json or tsconfig.json there or in any folder above. Run the generator inside your app.`
        )
        expect(run.asked).toEqual([])
        expect(readTree(root)).toEqual({})
    })
})

describe("layout", () => {
    it.each([
        [
            "src/app/ (current layout)",
            {"src/app/settings/schema.ts": "export {}\n"},
            "src/app/webhooks",
            "src/app/events",
        ],
        [
            "src/webhooks/",
            {
                "src/webhooks/other.webhook.ts":
                    "export default async function other(r: Request) {\n    return new Response(await r.text())\n}\n",
            },
            "src/webhooks",
            "src/events",
        ],
        ["only src/events/", {"src/events/helpers.ts": "export {}\n"}, "src/webhooks", "src/events"],
        [
            "both src/app/ and src/webhooks/",
            {"src/app/settings/schema.ts": "export {}\n", "src/webhooks/old.ts": "export {}\n"},
            "src/app/webhooks",
            "src/app/events",
        ],
    ])("an app with %s", async (_name, files, webhooks, events) => {
        const run = await runGenerator("webhook", {files, args: ["crm/deal-closed"], options: YES})
        expect(run.error).toBeUndefined()
        expect(Object.keys(run.files)).toEqual(
            expect.arrayContaining([
                `${webhooks}/crm/deal-closed.webhook.ts`,
                `${events}/connection-added.event.ts`,
                `${events}/connection-removed.event.ts`,
            ])
        )
        expect(Object.keys(run.files).filter((f) => !(f in run.before))).toHaveLength(3)
    })

    it("edits event handlers where they are, even in the other layout's folder", async () => {
        const run = await runGenerator("webhook", {
            files: {
                "src/app/settings/schema.ts": "export {}\n",
                "src/events/connection-added.event.ts": SEED_CONNECTION_ADDED,
            },
            args: ["deal-closed"],
            options: YES,
        })
        expect(run.error).toBeUndefined()
        expect(run.files["src/app/events/connection-added.event.ts"]).toBeUndefined()
        expect(run.files["src/events/connection-added.event.ts"]).toContain(
            'createWebhookHandler({fileName: "deal-closed"})'
        )
        expect(run.files["src/app/webhooks/deal-closed.webhook.ts"]).toBeDefined()
    })
})

/** Written by hand: comments, a token check, a helper, one webhook already registered, a multi-line import. */
const HAND_WRITTEN = `// Acme: register our webhooks when a workspace connects.
import {
    type Connection,
    createWebhookHandler,
    updateWebhookHandler,
} from "attio/server"

const ACME_API = "https://api.acme.test/v2"

/** Acme wants the token in a header of its own. */
function acmeHeaders(token: string) {
    return {"X-Acme-Token": token, "Content-Type": "application/json"}
}

export default async function connectionAdded({connection}: {connection: Connection}) {
    // A bad token must fail the connection before anything is created.
    const me = await fetch(\`\${ACME_API}/me\`, {headers: acmeHeaders(connection.value)})
    if (!me.ok) throw new Error("Acme rejected the token")

    const handler = await createWebhookHandler({fileName: "prospect-updated"})
    const response = await fetch(\`\${ACME_API}/hooks\`, {
        method: "POST",
        headers: acmeHeaders(connection.value),
        body: JSON.stringify({target: handler.url}),
    })
    if (!response.ok) throw new Error(\`Acme refused the webhook: \${response.status}\`)
    const {hook_id} = (await response.json()) as {hook_id: string}
    await updateWebhookHandler(handler.id, {externalWebhookId: hook_id}) // stored for connection-removed
}
`

describe("a connection-added written by hand", () => {
    const files = {
        "src/events/connection-added.event.ts": HAND_WRITTEN,
        "src/webhooks/prospect-updated.webhook.ts":
            "export default async function prospectUpdated(req: Request): Promise<Response> {\n    return new Response(await req.text())\n}\n",
    }

    it("gets the second webhook's registration, keeping every original line in order", async () => {
        const run = await runGenerator("webhook", {
            files,
            args: ["crm/deal-closed"],
            options: {...YES, event: "deal.closed"},
        })
        expect(run.error).toBeUndefined()
        const after = run.files["src/events/connection-added.event.ts"]!
        expectLinesKept(HAND_WRITTEN, after)
        expect(after).toContain(
            "    createWebhookHandler,\n    deleteWebhookHandler,\n    kv,\n    updateWebhookHandler,\n} from"
        )
        expect(after.match(/from "attio\/server"/g)).toHaveLength(1)
        expect(after).toContain(
            "    await updateWebhookHandler(handler.id, {externalWebhookId: hook_id}) // stored for connection-removed\n    await registerCrmDealClosedWebhook(connection)\n}\n"
        )
        expect(after).toContain('createWebhookHandler({fileName: "crm/deal-closed"})')
        expect(run.files["src/webhooks/crm/deal-closed.webhook.ts"]).toBeDefined()
        expect(run.files["src/events/connection-removed.event.ts"]).toContain("deleteWebhookHandler(handler.id)")
        await expectLintClean(run.root)
    })

    it("is left alone when it already registers the handler", async () => {
        const run = await runGenerator("webhook", {files, args: ["prospect-updated"], options: YES})
        expect(run.error).toBeUndefined()
        expect(run.files["src/events/connection-added.event.ts"]).toBe(HAND_WRITTEN)
        expect(run.log).toContain(
            "src/events/connection-added.event.ts already registers the prospect-updated webhook handler; connection-added left as it is."
        )
    })

    it("is left alone when a helper module registers the handler through a constant", async () => {
        const app = REAL_WORLD_APPS.find((a) => "src/server/register-webhooks.ts" in a.files)!.files
        const run = await runGenerator("webhook", {files: app, args: ["notes"], options: YES})
        expect(run.error).toBeUndefined()
        expect(run.files).toEqual(run.before)
        expect(run.log).toContain(
            "src/server/register-webhooks.ts already registers the notes webhook handler; connection-added left as it is."
        )
    })

    it("fails whole when it does not parse: nothing is written, the new handler included", async () => {
        const broken = HAND_WRITTEN.replace("if (!me.ok) throw", "if (!me.ok throw")
        const run = await runGenerator("webhook", {
            files: {...files, "src/events/connection-added.event.ts": broken},
            args: ["crm/deal-closed"],
            options: YES,
        })
        expect(run.error?.message).toMatch(
            /^src\/events\/connection-added\.event\.ts:18: the existing file does not parse \(.*\)\. Nothing was written\.$/
        )
        expectNothingWritten(run)
    })

    it("fails whole when its default export is not a function", async () => {
        const run = await runGenerator("webhook", {
            files: {"src/app/events/connection-added.event.ts": "export default {}\n"},
            args: ["x"],
            options: YES,
        })
        expect(run.error?.message).toMatch(
            /^src\/app\/events\/connection-added\.event\.ts: its default export is not a function .* Nothing was written\.$/
        )
        expectNothingWritten(run)
    })
})

describe("running again", () => {
    it("changes nothing, duplicates nothing", async () => {
        const first = await runGenerator("webhook", {args: ["prospect-updated"], options: YES})
        const second = await runGenerator("webhook", {root: first.root, args: ["prospect-updated"], options: YES})
        expect(second.error).toBeUndefined()
        expect(second.files).toEqual(first.files)
        expect(second.log).toContain("already registers the prospect-updated webhook handler")
        expect(second.log).toContain(
            "src/app/events/connection-removed.event.ts already deletes each webhook at the URL its registration recorded; left as it is."
        )
    })

    it("for another id adds one registration and leaves the cleanup as it is", async () => {
        const first = await runGenerator("webhook", {args: ["prospect-updated"], options: YES})
        const second = await runGenerator("webhook", {root: first.root, args: ["crm/deal-closed"], options: YES})
        const added = second.files["src/app/events/connection-added.event.ts"]!
        expectLinesKept(first.files["src/app/events/connection-added.event.ts"]!, added)
        expect(added.match(/await register\w+Webhook\(connection\)/g)).toEqual([
            "await registerProspectUpdatedWebhook(connection)",
            "await registerCrmDealClosedWebhook(connection)",
        ])
        expect(added.match(/^import/gm)).toHaveLength(2)
        expect(second.files["src/app/events/connection-removed.event.ts"]).toBe(
            first.files["src/app/events/connection-removed.event.ts"]
        )
        await expectLintClean(second.root)
    })
})

describe("the handler's sync fits its event", () => {
    it.each([
        ["lead-created", "lead.created", "people/records?matching_attribute=email_addresses", "email"],
        ["company-updated", "company.updated", "companies/records?matching_attribute=domains", "domain"],
    ])("%s asserts the record the event is about", async (id, event, records, field) => {
        const run = await runGenerator("webhook", {args: [id], options: {...YES, event, register: false}})
        const handler = run.files[`src/app/webhooks/${id}.webhook.ts`]!
        expect(handler).toContain(`"https://api.attio.com/v2/objects/${records}"`)
        expect(handler).toContain(`const ${field} = body.data?.${field}\n`)
        expect(handler).toContain("// ── Sync ──")
    })

    it("deal-updated gets a TODO with the REST call pattern, and no person upsert", async () => {
        const run = await runGenerator("webhook", {args: ["deal-updated"], options: {...YES, event: "deal.updated"}})
        const handler = run.files["src/app/webhooks/deal-updated.webhook.ts"]!
        expect(handler).not.toMatch(/email|people/)
        expect(handler).not.toMatch(/^import/m)
        expect(handler).toContain("// ── Sync (TODO) ──")
        expect(handler).toContain("// TODO: map the third party's deal.updated data to the Attio records it changes.")
        expect(handler).toContain(
            '//         "https://api.attio.com/v2/objects/<object>/records?matching_attribute=<unique attribute>",'
        )
        await expectLintClean(run.root)
    })

    it("marks where a third party's signature would be checked, without checking anything", async () => {
        const run = await runGenerator("webhook", {args: ["deal-updated"], options: {...YES, register: false}})
        const handler = run.files["src/app/webhooks/deal-updated.webhook.ts"]!
        expect(handler).toMatch(
            /request: Request\): Promise<Response> \{\n {4}\/\/ ── Signature \(not checked\) ─+\n {4}\/\/ Anyone who learns/
        )
        expect(handler).not.toContain("request.headers")
    })
})

describe("never a second registration of one id", () => {
    const HANDLER =
        "export default async function deal(request: Request): Promise<Response> {\n    return new Response(await request.text())\n}\n"

    // How the bin shows a refusal (one line, exit 1) is test/generators/bin.test.ts's.
    it("refuses when a createWebhookHandler call names no handler but was meant for this one: fix the fileName", async () => {
        const run = await runGenerator("webhook", {
            files: {
                "src/webhooks/deal-updated.webhook.ts": HANDLER,
                "src/events/connection-added.event.ts": creates('"deal-update"'),
            },
            args: ["deal-updated"],
            options: YES,
        })
        expect(run.error?.message).toContain(
            'src/events/connection-added.event.ts calls createWebhookHandler({fileName: "deal-update"}), which names no handler and looks meant for deal-updated; fix that fileName to "deal-updated" instead of registering deal-updated a second time (or run with --no-register).'
        )
        expectNothingWritten(run)
    })

    it("refuses when the helper it would add exists but registers nothing it can read", async () => {
        const added = `import {createWebhookHandler, type Connection} from "attio/server"

export default async function connectionAdded({connection}: {connection: Connection}) {
    await registerDealUpdatedWebhook(connection, process.env.HOOK ?? "")
}

async function registerDealUpdatedWebhook(_connection: Connection, fileName: string) {
    await createWebhookHandler({fileName})
}
`
        const run = await runGenerator("webhook", {
            files: {"src/app/events/connection-added.event.ts": added},
            args: ["deal-updated"],
            options: YES,
        })
        expect(run.error?.message).toBe(
            'src/app/events/connection-added.event.ts already declares registerDealUpdatedWebhook, and the generator cannot tell which handler it registers; it does not register deal-updated a second time under another name. Make registerDealUpdatedWebhook call createWebhookHandler({fileName: "deal-updated"}), or rename it, or run with --no-register. Nothing was written.'
        )
        expectNothingWritten(run)
    })

    it("--no-register writes the handler beside such a call", async () => {
        const run = await runGenerator("webhook", {
            files: {"src/events/connection-added.event.ts": creates('"deal-update"')},
            args: ["deal-updated"],
            options: {...YES, register: false},
        })
        expect(run.error).toBeUndefined()
        expect(run.files["src/webhooks/deal-updated.webhook.ts"]).toBeDefined()
    })
})

describe("webhooks registered at different APIs", () => {
    it("each record their own delete URL, which the one cleanup reads: connection-removed needs no change", async () => {
        const first = await runGenerator("webhook", {
            args: ["deal-updated"],
            options: {...YES, registerUrl: "https://api.one.example/v1/webhooks"},
        })
        const second = await runGenerator("webhook", {
            root: first.root,
            args: ["lead-created"],
            options: {...YES, registerUrl: "https://api.two.example/hooks"},
        })
        expect(second.error).toBeUndefined()
        const added = second.files["src/app/events/connection-added.event.ts"]!
        expect(added).toContain("`https://api.one.example/v1/webhooks/${encodeURIComponent(externalWebhookId)}`")
        expect(added).toContain("`https://api.two.example/hooks/${encodeURIComponent(externalWebhookId)}`")
        const removed = second.files["src/app/events/connection-removed.event.ts"]!
        expect(removed).toBe(first.files["src/app/events/connection-removed.event.ts"])
        expect(removed).not.toContain("api.one.example")
        expect(second.log).toContain("already deletes each webhook at the URL its registration recorded")
        await expectLintClean(second.root)
    })

    it("a cleanup of the app's own is left alone, with a note naming the URL to check", async () => {
        const removed = `import {deleteWebhookHandler, listWebhookHandlers} from "attio/server"

export default async function connectionRemoved() {
    for (const handler of await listWebhookHandlers()) await deleteWebhookHandler(handler.id)
}
`
        const run = await runGenerator("webhook", {
            files: {"src/app/events/connection-removed.event.ts": removed},
            args: ["lead-created"],
            options: {...YES, registerUrl: "https://api.two.example/hooks/"},
        })
        expect(run.error).toBeUndefined()
        expect(run.files["src/app/events/connection-removed.event.ts"]).toBe(removed)
        expect(run.log).toContain(
            "src/app/events/connection-removed.event.ts deletes webhook handlers in a way of its own, which the generator does not change: check that it deletes the lead-created webhook at https://api.two.example/hooks/<its id>; left as it is."
        )
    })
})

describe("--no-register", () => {
    it.each([
        ["as an option", {options: {...YES, register: false}, args: ["prospect-updated"]}],
        ["as an argument", {options: YES, args: ["prospect-updated", "--no-register"]}],
    ])("writes the handler only (%s)", async (_name, spec) => {
        const run = await runGenerator("webhook", spec)
        expect(run.error).toBeUndefined()
        expect(Object.keys(run.files).sort()).toEqual(["package.json", "src/app/webhooks/prospect-updated.webhook.ts"])
        expect(run.log).toContain(
            'createWebhookHandler({fileName: "prospect-updated"}) where the app registers its webhooks'
        )
    })

    it("is not asked about the URL", async () => {
        const run = await runGenerator("webhook", {args: ["x"], answers: {event: "x.happened", register: false}})
        expect(run.asked).toEqual(["event", "register"])
        expect(Object.keys(run.files)).toHaveLength(2)
    })
})

describe("refused names: a clear message, and nothing written", () => {
    it.each([
        ["../escape", /contains "\.\.", which would leave the webhooks folder/],
        ["crm/../../escape", /contains "\.\."/],
        ["/etc/passwd", /is an absolute path/],
        ["C:\\hooks\\x", /is an absolute path/],
        ["---", /is empty once turned into kebab-case/],
        ['say"hi', /contains quotes/],
        ["it's", /contains quotes/],
        ["tick`tock", /contains backticks/],
        ["two\nlines", /contains a line break/],
        ["x${1}", /contains \$\{/],
    ])("%j", async (name, message) => {
        const run = await runGenerator("webhook", {options: {...YES, name}})
        expect(run.error?.message).toMatch(message)
        expectNothingWritten(run)
    })
})

it.each(["api.example.com/hooks", "ftp://example.com/hooks", "not a url"])(
    "refuses the register URL %j",
    async (registerUrl) => {
        const run = await runGenerator("webhook", {args: ["x"], options: {...YES, registerUrl}})
        expect(run.error?.message).toBe(
            `The register URL ${JSON.stringify(registerUrl)} is not an http(s) URL, e.g. https://api.example.com/v1/webhooks.`
        )
        expectNothingWritten(run)
    }
)

it.each(["https://api.x.com/hooks/", "https://api.x.com/hooks//"])(
    "deletes at <url>/<id> with one slash when the register URL %j ends in one, and registers at the URL as given",
    async (registerUrl) => {
        const run = await runGenerator("webhook", {args: ["x"], options: {...YES, registerUrl}})
        expect(run.error).toBeUndefined()
        const added = run.files["src/app/events/connection-added.event.ts"]!
        expect(added).toContain(`await fetch("${registerUrl}", {`)
        expect(added).toContain("`https://api.x.com/hooks/${encodeURIComponent(externalWebhookId)}`")
        expect(added).not.toContain("//${")
    }
)

it.each(["", "  "])("refuses the event %j before any question: a clear message, and nothing written", async (event) => {
    const run = await runGenerator("webhook", {args: ["x"], options: {event}, answers: {}})
    expect(run.asked).toEqual([])
    expect(run.error?.message).toBe(
        `The event ${JSON.stringify(event)} is empty; name the third party's event, e.g. lead.processed (without --event, the handler id is used).`
    )
    expectNothingWritten(run)
})

describe("values put into code are escaped", () => {
    it("an event and URL full of quotes, backticks, ${ and line breaks stay string values", async () => {
        const event = "a\"b'c`d${e}\nf\\g */"
        const registerUrl = "https://x.test/`${h}`/\"'\u2028"
        const run = await runGenerator("webhook", {args: ["x"], options: {...YES, event, registerUrl}})
        expect(run.error).toBeUndefined()
        // Syntax only: no lib files to load.
        const project = new Project({
            useInMemoryFileSystem: true,
            skipLoadingLibFiles: true,
            compilerOptions: {noLib: true},
        })
        const added = project.createSourceFile("added.ts", run.files["src/app/events/connection-added.event.ts"])
        const removed = project.createSourceFile("removed.ts", run.files["src/app/events/connection-removed.event.ts"])
        const literals = (file: typeof added) =>
            file
                .getDescendants()
                .flatMap((n) =>
                    Node.isStringLiteral(n) || Node.isNoSubstitutionTemplateLiteral(n) ? [n.getLiteralValue()] : []
                )
        expect(literals(added)).toEqual(expect.arrayContaining([event, registerUrl]))
        const template = added
            .getDescendantsOfKind(SyntaxKind.TemplateExpression)
            .find((t) => t.getText().includes("encodeURIComponent"))!
        expect(template.getHead().getLiteralText()).toBe(`${registerUrl}/`)
        for (const file of [added, removed]) expect(project.getProgram().getSyntacticDiagnostics(file)).toEqual([])
    })
})

describe("an existing handler file", () => {
    const files = {
        "src/app/webhooks/prospect-updated.webhook.ts":
            "// mine\nexport default async function mine(r: Request) {\n    return new Response(await r.text())\n}\n",
    }

    it("is kept with --yes, and the rest is done", async () => {
        const run = await runGenerator("webhook", {files, args: ["prospect-updated"], options: YES})
        expect(run.error).toBeUndefined()
        expect(run.files["src/app/webhooks/prospect-updated.webhook.ts"]).toBe(
            files["src/app/webhooks/prospect-updated.webhook.ts"]
        )
        expect(run.files["src/app/events/connection-added.event.ts"]).toBeDefined()
        expect(run.log).toContain("kept as it is (--force replaces it)")
    })

    it("is replaced with --force", async () => {
        const run = await runGenerator("webhook", {files, args: ["prospect-updated"], options: {...YES, force: true}})
        expect(run.files["src/app/webhooks/prospect-updated.webhook.ts"]).toContain("handleProspectUpdated")
    })

    it.each([
        ["overwrite", "handleProspectUpdated"],
        ["keep", "// mine"],
    ])("asks about the conflict: %s", async (answer, expected) => {
        const run = await runGenerator("webhook", {
            files,
            args: ["prospect-updated"],
            options: {register: true, event: "e", registerUrl: "https://x.test"},
            answers: {answer},
        })
        expect(run.asked).toEqual(["answer"])
        expect(run.files["src/app/webhooks/prospect-updated.webhook.ts"]).toContain(expected)
        expect(run.files["src/app/events/connection-added.event.ts"]).toBeDefined()
    })

    it("declining the conflict writes nothing at all", async () => {
        const run = await runGenerator("webhook", {
            files,
            args: ["prospect-updated"],
            options: {register: true, event: "e", registerUrl: "https://x.test"},
            answers: {answer: "abort"},
        })
        expect(run.error?.message).toBe(
            "src/app/webhooks/prospect-updated.webhook.ts differs from what the generator would write, and was not replaced. Nothing was written."
        )
        expectNothingWritten(run)
    })

    it("--bail fails on the conflict and writes nothing", async () => {
        const run = await runGenerator("webhook", {files, args: ["prospect-updated"], options: {...YES, bail: true}})
        expect(run.error?.message).toMatch(/prospect-updated\.webhook\.ts differs .* Nothing was written\./)
        expectNothingWritten(run)
    })

    it("in JavaScript is kept as it is", async () => {
        const run = await runGenerator("webhook", {
            files: {"src/webhooks/x.webhook.js": "export default async () => new Response()\n"},
            args: ["x"],
            options: {...YES, force: true},
        })
        expect(run.files["src/webhooks/x.webhook.js"]).toBe("export default async () => new Response()\n")
        expect(run.files["src/webhooks/x.webhook.ts"]).toBeUndefined()
        expect(run.log).toContain("src/webhooks/x.webhook.js exists; it is JavaScript, so it is left as it is.")
    })
})

describe("--dry-run", () => {
    it.each([
        ["an empty app", {}],
        ["an app with connection-added", {"src/events/connection-added.event.ts": HAND_WRITTEN}],
    ])("writes nothing in %s", async (_name, files) => {
        const run = await runGenerator("webhook", {files, args: ["crm/deal-closed"], options: {...YES, dryRun: true}})
        expect(run.error).toBeUndefined()
        expectNothingWritten(run)
        expect(run.log).toContain("Dry run: nothing was written.")
    })

    it("as an argument", async () => {
        const run = await runGenerator("webhook", {args: ["x", "--dry-run"], options: YES})
        expectNothingWritten(run)
    })

    it("shows the diff of each existing file it would change, as +/- lines with context", async () => {
        const run = await runGenerator("webhook", {
            files: {"src/events/connection-added.event.ts": HAND_WRITTEN},
            args: ["crm/deal-closed"],
            options: {...YES, dryRun: true},
        })
        expectNothingWritten(run)
        expect(run.log).toMatch(/^@@ -\d+,\d+ \+\d+,\d+ @@$/m)
        expect(run.log).toContain(
            "     createWebhookHandler,\n+    deleteWebhookHandler,\n+    kv,\n     updateWebhookHandler,\n"
        )
        expect(run.log).toContain(
            " // stored for connection-removed\n+    await registerCrmDealClosedWebhook(connection)\n"
        )
        expect(run.log).toMatch(/^\+async function registerCrmDealClosedWebhook\(connection: Connection\) \{$/m)
        expect(run.log).not.toContain("removedadded")
    })

    it.each([
        ["without --yes, shows the conflict without asking", {}, ["answer"], "-// mine"],
        ["with --yes, keeps it as a real run would", YES, ["answer"], "kept as it is (--force replaces it)"],
    ])("a differing handler file: %s", async (_name, options, notAsked, expected) => {
        const run = await runGenerator("webhook", {
            files: {"src/app/webhooks/foo.webhook.ts": "// mine\nexport {}\n"},
            args: ["foo"],
            options: {...options, dryRun: true, register: false, event: "foo"},
        })
        expect(run.error).toBeUndefined()
        expect(run.asked).not.toEqual(expect.arrayContaining(notAsked))
        expectNothingWritten(run)
        expect(run.log).toContain(expected)
    })

    it("shows the diff of a differing handler file that --force would replace", async () => {
        const run = await runGenerator("webhook", {
            files: {"src/app/webhooks/foo.webhook.ts": "// mine\nexport {}\n"},
            args: ["foo"],
            options: {...YES, dryRun: true, force: true, register: false},
        })
        expect(run.error).toBeUndefined()
        expectNothingWritten(run)
        expect(run.log).toMatch(/^-\/\/ mine\n-export \{\}$/m)
        expect(run.log).toMatch(
            /^\+export default async function handleFoo\(request: Request\): Promise<Response> \{$/m
        )
    })
})

describe("style", () => {
    it("follows the app's .prettierrc, and keeps an existing file's own formatting", async () => {
        const prettierrc = JSON.stringify({semi: true, singleQuote: true, tabWidth: 2})
        const existing = SEED_CONNECTION_ADDED
        const run = await runGenerator("webhook", {
            files: {".prettierrc": prettierrc, "src/events/connection-added.event.ts": existing},
            args: ["deal-closed"],
            // A contact's event: the handler syncs a person, so it imports the token.
            options: {...YES, event: "contact.closed"},
        })
        expect(run.error).toBeUndefined()
        const handler = run.files["src/webhooks/deal-closed.webhook.ts"]!
        expect(handler).toContain("import { ATTIO_API_TOKEN } from 'attio/server';\n")
        expect(handler).toContain("\n  let body: WebhookBody;\n")
        const added = run.files["src/events/connection-added.event.ts"]!
        expectLinesKept(withoutSdkImports(existing), withoutSdkImports(added))
        expect(added).toContain(
            'import {createWebhookHandler, deleteWebhookHandler, kv, updateWebhookHandler} from "attio/server"\n'
        )
        expect(added).toContain("    await registerDealClosedWebhook(connection);\n}")
        expect(added).toContain("\n  const handler = await createWebhookHandler({ fileName: 'deal-closed' });\n")
    })

    it("refuses, writing nothing, when the app's .prettierrc cannot be read", async () => {
        const run = await runGenerator("webhook", {files: {".prettierrc": "{semi: "}, args: ["x"], options: YES})
        expect(run.error?.message).toMatch(
            /^The app's prettier configuration cannot be read: .+ Nothing was written\.$/
        )
        expectNothingWritten(run)
    })

    it("is Attio's without a .prettierrc: 4 spaces, no semicolons, double quotes, {a}", async () => {
        const run = await runGenerator("webhook", {args: ["x"], options: YES})
        const added = run.files["src/app/events/connection-added.event.ts"]!
        expect(added).toContain('\n    const handler = await createWebhookHandler({fileName: "x"})\n')
        expect(added).not.toMatch(/;\n/)
    })
})

describe("the installed SDK", () => {
    it.each([
        ["0.9.2", "attioFetch", "ATTIO_API_TOKEN"],
        ["1.0.4", "ATTIO_API_TOKEN", "attioFetch"],
    ])("attio %s: the handler uses %s", async (sdkVersion, used, unused) => {
        const run = await runGenerator("webhook", {args: ["x"], options: {...YES, register: false}, sdkVersion})
        const handler = run.files["src/app/webhooks/x.webhook.ts"]!
        expect(handler).toContain(`import {${used}} from "attio/server"`)
        expect(handler).not.toContain(unused)
    })
})

describe("real-world apps", () => {
    it.each(REAL_WORLD_APPS)("$name: a new webhook, every line kept, still lint-clean", async ({files}) => {
        const run = await runGenerator("webhook", {files, args: ["crm/deal-closed"], options: YES})
        expect(run.error).toBeUndefined()
        // Besides lines, event handlers gain names in their attio/server import, a parameter if they had none,
        // and a line break in an empty one-line body.
        const normalise = (text: string) =>
            withoutSdkImports(text).replace("({connection}: {connection: Connection})", "()").replace(/\{\}$/gm, "{")
        for (const [file, text] of Object.entries(files)) {
            if (/connection-(added|removed)\.event\.ts$/.test(file))
                expectLinesKept(normalise(text), normalise(run.files[file]!))
            else expect(run.files[file]).toBe(text)
        }
        const report = await lint({cwd: run.root})
        expect(
            report.results.flatMap((r) =>
                r.messages.filter((m) => m.severity === 2).map((m) => `${r.filePath}: ${m.message}`)
            )
        ).toEqual([])
    })
})
