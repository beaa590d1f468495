/**
 * Small real-world apps for the rule tests: the patterns real Attio apps use (docs/platform.md and
 * docs/resolution.md say what the platform does with them), in both layouts. Every rule must accept all of them.
 */
import type {AppFiles} from "./temp-app.js"

/** The webhook handler of Attio's docs page (test/fixtures/seed-webhook-handlers.txt), verbatim but for indentation and comments. */
export const SEED_WEBHOOK = `import {attioFetch} from "attio/server"

type WebhookBody = {
    event: "prospect_updated"
    data: {
        prospectId: string
        prospectName: string
        prospectEmail: string
    }
}

export default async function handleProspectUpdate(req: Request) {
    const body: WebhookBody = await req.json()
    const {prospectEmail, prospectName} = body.data
    try {
        await attioFetch({
            path: \`/objects/people/records\`,
            method: "PUT",
            queryParams: {
                matching_attributes: "email_addresses",
            },
            body: {
                data: {
                    name: {
                        full_name: prospectName,
                    },
                    email_addresses: [
                        {
                            email: prospectEmail,
                        },
                    ],
                },
            },
        })
        return new Response(null, {status: 200})
    } catch (error) {
        console.error(error)
        return new Response(null, {status: 500})
    }
}
`

/** The seed's connection-added: `import type {Connection}` plus a separate value import. */
export const SEED_CONNECTION_ADDED = `import type {Connection} from "attio/server"
import {createWebhookHandler, updateWebhookHandler} from "attio/server"

export default async function connectionAdded({connection}: {connection: Connection}) {
    const handler = await createWebhookHandler({fileName: "prospect-updated"})
    const authorizationToken = connection.value
    const response = await fetch("https://emailsequencingtool.com/api/v1/webhooks", {
        method: "POST",
        headers: {
            "Content-Type": "application/json",
            "Authorization": \`Bearer \${authorizationToken}\`,
        },
        body: JSON.stringify({
            name: handler.id,
            url: handler.url,
            event: "lead.processed",
        }),
    })
    if (!response.ok) {
        throw new Error(\`Failed to register webhook: \${response.statusText}\`)
    }
    const webhook = await response.json()
    await updateWebhookHandler(handler.id, {
        externalWebhookId: webhook.webhook_id,
    })
}
`

/** connection-removed as real apps write it: list, filter, delete at the third party, then locally, in try/catch. */
export const CONNECTION_REMOVED = `import {type Connection, deleteWebhookHandler, listWebhookHandlers} from "attio/server"

export default async function connectionRemoved({connection}: {connection: Connection}) {
    const handlers = await listWebhookHandlers()
    for (const handler of handlers.filter((h) => h.externalWebhookId !== null)) {
        try {
            await fetch(\`https://emailsequencingtool.com/api/v1/webhooks/\${handler.externalWebhookId}\`, {
                method: "DELETE",
                headers: {Authorization: \`Bearer \${connection.value}\`},
            })
            await deleteWebhookHandler(handler.id)
        } catch (error) {
            console.error("Failed to remove webhook", error)
        }
    }
}
`

/** The seed app with a connection-removed added, in the documented layout (no SDK installed). */
export const SEED_APP: AppFiles = {
    "src/webhooks/prospect-updated.webhook.ts": SEED_WEBHOOK,
    "src/events/connection-added.event.ts": SEED_CONNECTION_ADDED,
    "src/events/connection-removed.event.ts": CONNECTION_REMOVED,
}

/** A webhook reading its body with zod inside try/catch and returning early from switch cases. */
const DEAL_WEBHOOK = `import {z} from "zod"

import {ATTIO_API_TOKEN} from "attio/server"

import {dealEvent} from "../schemas.js"

export default async function handleDeal(request: Request): Promise<Response> {
    let body: z.infer<typeof dealEvent>
    try {
        body = dealEvent.parse(await request.json())
    } catch (error) {
        console.error("Invalid payload", error)
        return new Response("invalid payload", {status: 400})
    }
    switch (body.type) {
        case "deal.won":
        case "deal.lost": {
            const response = await fetch("https://api.attio.com/v2/objects/people/records?matching_attribute=email_addresses", {
                method: "PUT",
                headers: {Authorization: \`Bearer \${ATTIO_API_TOKEN}\`, "Content-Type": "application/json"},
                body: JSON.stringify({data: {values: {email_addresses: [body.email]}}}),
            })
            return new Response(null, {status: response.ok ? 200 : 502})
        }
        case "deal.deleted":
            return new Response(null, {status: 204})
        default:
            return Response.json({ignored: body.type})
    }
}
`

const SCHEMAS = `import {z} from "zod"

export const dealEvent = z.object({
    type: z.enum(["deal.won", "deal.lost", "deal.deleted", "deal.other"]),
    email: z.string(),
})
`

/** A .js handler whose parameter is unused (`_request`). */
const ENRICHMENT_WEBHOOK_JS = `export default async function enrichment(_request) {
    return new Response(null, {status: 204})
}
`

/** A handler reading text, parameter named `req`, no declared return type. */
const NOTES_WEBHOOK = `export default async function notes(req: Request) {
    try {
        const text = await req.text()
        if (text.length === 0) return new Response("empty", {status: 400})
        return new Response("ok")
    } catch (error) {
        console.error(error)
        return new Response(null, {status: 500})
    }
}
`

/**
 * The current layout (src/app/…), with a nested id (crm/deal), a .js handler, a schema module and
 * tests beside the handlers, and connection-added calling a helper outside the event file that
 * creates two handlers in `Promise.all([...])`, one of them named by a constant imported from
 * another module; on failure the helper deletes the handler and throws.
 */
export const APP_LAYOUT_APP: AppFiles = {
    "tsconfig.json": JSON.stringify({
        compilerOptions: {
            target: "ES2022",
            module: "ESNext",
            moduleResolution: "Bundler",
            strict: true,
            lib: ["ES2022", "DOM"],
        },
    }),
    "src/app/webhooks/crm/deal.webhook.ts": DEAL_WEBHOOK,
    "src/app/webhooks/crm/deal.webhook.test.ts": `import {describe, it} from "vitest"\n\nimport handleDeal from "./deal.webhook.js"\n\ndescribe("deal", () => {\n    it("answers", async () => {\n        await handleDeal(new Request("https://x.test", {method: "POST", body: "{}"}))\n    })\n})\n`,
    "src/app/webhooks/enrichment.webhook.js": ENRICHMENT_WEBHOOK_JS,
    "src/app/webhooks/notes.webhook.ts": NOTES_WEBHOOK,
    "src/app/webhooks/schemas.ts": SCHEMAS,
    "src/constants.ts": `export const ENRICHMENT_HOOK = "enrichment"\nexport const NOTES_HOOK = "notes"\n`,
    "src/server/register-webhooks.ts": `import {createWebhookHandler, deleteWebhookHandler, updateWebhookHandler} from "attio/server"

import {ENRICHMENT_HOOK, NOTES_HOOK} from "../constants.js"

export async function registerWebhooks(token: string): Promise<void> {
    const handlers = await Promise.all([
        createWebhookHandler({fileName: "crm/deal"}),
        createWebhookHandler({fileName: ENRICHMENT_HOOK}),
    ])
    handlers.push(await createWebhookHandler({fileName: NOTES_HOOK}))
    for (const handler of handlers) {
        const response = await fetch("https://crm.example.com/api/hooks", {
            method: "POST",
            headers: {Authorization: \`Bearer \${token}\`},
            body: JSON.stringify({url: handler.url}),
        })
        if (!response.ok) {
            await deleteWebhookHandler(handler.id)
            throw new Error(\`Failed to register webhook: \${response.statusText}\`)
        }
        const {id: externalWebhookId} = await response.json()
        await updateWebhookHandler(handler.id, {externalWebhookId})
    }
}
`,
    "src/app/events/connection-added.event.ts": `import type {Connection} from "attio/server"

import {registerWebhooks} from "../../server/register-webhooks.js"

export default async function connectionAdded({connection}: {connection: Connection}) {
    await registerWebhooks(connection.value)
}
`,
    "src/app/events/connection-added.event.spec.ts": `import {it} from "vitest"\n\nit("registers", () => {})\n`,
    "src/app/events/connection-removed.event.ts": `import {type Connection, deleteWebhookHandler, listWebhookHandlers} from "attio/server"

export default async function connectionRemoved({connection}: {connection: Connection}) {
    const handlers = await listWebhookHandlers()
    const ours = handlers.filter((h) => h.externalWebhookId !== null && ["crm/deal", "enrichment", "notes"].includes(h.fileName))
    await Promise.all(
        ours.map(async (h) => {
            try {
                await fetch(\`https://crm.example.com/api/hooks/\${h.externalWebhookId}\`, {
                    method: "DELETE",
                    headers: {Authorization: \`Bearer \${connection.value}\`},
                })
                await deleteWebhookHandler(h.id)
            } catch (error) {
                console.error(error)
            }
        })
    )
}
`,
}

/**
 * The documented layout (src/webhooks + src/events): the seed's shape with current fetch, a nested
 * id, a .js handler, the combined `{type Connection, createWebhookHandler}` import, a loop over an
 * `as const` array and a ternary of literals.
 */
export const DOCUMENTED_LAYOUT_APP: AppFiles = {
    "src/webhooks/prospect-updated.webhook.ts": NOTES_WEBHOOK.replace("notes", "prospectUpdated"),
    "src/webhooks/crm/deal.webhook.ts": DEAL_WEBHOOK,
    "src/webhooks/schemas.ts": SCHEMAS,
    "src/webhooks/sequences/step.webhook.js": ENRICHMENT_WEBHOOK_JS.replace("enrichment", "step"),
    "src/webhooks/prospect-updated.webhook.test.ts": `import handler from "./prospect-updated.webhook.js"\n\nawait handler(new Request("https://x.test"))\n`,
    "src/events/connection-added.event.ts": `import {type Connection, createWebhookHandler, updateWebhookHandler} from "attio/server"

const HOOKS = ["prospect-updated", "crm/deal"] as const

export default async function connectionAdded({connection}: {connection: Connection}) {
    for (const fileName of HOOKS) {
        const handler = await createWebhookHandler({fileName})
        await updateWebhookHandler(handler.id, {externalWebhookId: \`\${connection.id}-\${fileName}\`})
    }
    const sequences = connection.value.startsWith("v2") ? "sequences/step" : "crm/deal"
    await createWebhookHandler({fileName: sequences})
}
`,
    "src/events/connection-removed.event.ts": CONNECTION_REMOVED,
}

/** A connection-added that only validates the token: no webhooks and no connection-removed. */
export const TOKEN_CHECK_APP: AppFiles = {
    "src/app/events/connection-added.event.ts": `import type {Connection} from "attio/server"

export default async function connectionAdded({connection}: {connection: Connection}) {
    const response = await fetch("https://api.example.com/v1/me", {
        headers: {Authorization: \`Bearer \${connection.value}\`},
    })
    if (!response.ok) throw new Error("The token was rejected")
}
`,
}

/** An app half-way through `attio migrate folder-structure`: handlers in both layouts at once. */
export const MIXED_LAYOUT_APP: AppFiles = {
    "src/webhooks/old.webhook.ts": `export default async function old(req: Request): Promise<Response> {\n    return new Response(await req.text())\n}\n`,
    "src/app/webhooks/crm/new.webhook.ts": `export default async function fresh(request: Request): Promise<Response> {\n    return new Response(null, {status: 204})\n}\n`,
    "src/events/connection-added.event.ts": `import {createWebhookHandler} from "attio/server"\n\nexport default async function connectionAdded() {\n    await createWebhookHandler({fileName: "old"})\n    await createWebhookHandler({fileName: "crm/new"})\n}\n`,
    "src/app/events/connection-removed.event.ts": `export default async function connectionRemoved() {}\n`,
}

/** Every real-world app, for the valid cases every rule shares. */
export const REAL_WORLD_APPS: {name: string; files: AppFiles}[] = [
    {name: "real world: the seed with a connection-removed (documented layout)", files: SEED_APP},
    {
        name: "real world: src/app layout, helper module, Promise.all, imported const, nested id, .js",
        files: APP_LAYOUT_APP,
    },
    {
        name: "real world: documented layout, combined import, `as const` loop, ternary, nested ids, .js",
        files: DOCUMENTED_LAYOUT_APP,
    },
    {name: "real world: connection-added that only validates the token", files: TOKEN_CHECK_APP},
    {name: "real world: both layouts at once", files: MIXED_LAYOUT_APP},
]

/** A minimal correct webhook handler. */
export function webhook(name = "handler"): string {
    return `export default async function ${name}(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n`
}

/** A minimal correct event handler. */
export function event(name = "connectionEvent"): string {
    return `import type {Connection} from "attio/server"\n\nexport default async function ${name}({connection}: {connection: Connection}) {\n    console.log(connection.id)\n}\n`
}

/** A connection-added that creates a handler for each fileName expression (source text). */
export function creates(...fileNames: string[]): string {
    const calls = fileNames.map((f) => `    await createWebhookHandler({fileName: ${f}})\n`).join("")
    return `import {createWebhookHandler} from "attio/server"\n\nexport default async function connectionAdded() {\n${calls}}\n`
}
