/**
 * Apps that must build with `attio build`, run every dispatch without a failure and lint without an error: the two
 * examples, two of the rule tests' real-world apps that need no package beyond the SDK, and the patterns the
 * platform accepts that are easy to get wrong (re-exports, aliases, arrow defaults, a non-async handler returning
 * a Promise, a type-only import of attio/client).
 */
import fs from "node:fs"
import path from "node:path"

import {MIXED_LAYOUT_APP, TOKEN_CHECK_APP} from "../support/apps.js"
import type {AppFiles, Case} from "./cases/case.js"

/** An app folder of the repository, as files (without node_modules, dist and the CLI's .attio). */
function folder(root: string): AppFiles {
    const files: AppFiles = {}
    const walk = (dir: string) => {
        for (const entry of fs.readdirSync(dir, {withFileTypes: true})) {
            if ([".attio", "dist", "node_modules"].includes(entry.name)) continue
            const full = path.join(dir, entry.name)
            if (entry.isDirectory()) walk(full)
            else files[path.relative(root, full).split(path.sep).join("/")] = fs.readFileSync(full, "utf8")
        }
    }
    walk(root)
    return files
}

const CONNECTION_REMOVED = `import {type Connection, deleteWebhookHandler, listWebhookHandlers} from "attio/server"

export default async function connectionRemoved({connection}: {connection: Connection}) {
    try {
        for (const handler of await listWebhookHandlers()) {
            if (handler.externalWebhookId !== null) {
                await fetch(\`https://crm.example.com/hooks/\${handler.externalWebhookId}\`, {
                    method: "DELETE",
                    headers: {Authorization: \`Bearer \${connection.value}\`},
                })
            }
            await deleteWebhookHandler(handler.id)
        }
    } catch (error) {
        console.error(error)
    }
}
`

/** The SDK reached through local modules: a re-export module, `export *`, an alias, a namespace and its destructuring. */
const THROUGH_LOCAL_MODULES: AppFiles = {
    "src/app/sdk.ts": `export {createWebhookHandler as createHandler, updateWebhookHandler} from "attio/server"\nexport type {Connection} from "attio/server"\n`,
    "src/app/sdk-all.ts": `export * from "attio/server"\n`,
    "src/app/events/connection-added.event.ts": `import * as server from "attio/server"

import {type Connection, createHandler, updateWebhookHandler} from "../sdk"
import {createWebhookHandler as create} from "../sdk-all"

const {createWebhookHandler} = server

export default async function connectionAdded({connection}: {connection: Connection}) {
    const handlers = [
        await createHandler({fileName: "deal"}),
        await create({fileName: "crm/person"}),
        await server.createWebhookHandler({fileName: "crm/company"}),
        await createWebhookHandler({fileName: "note"}),
    ]
    for (const handler of handlers) {
        await updateWebhookHandler(handler.id, {externalWebhookId: \`\${connection.id}-\${handler.fileName}\`})
    }
}
`,
    "src/app/events/connection-removed.event.ts": CONNECTION_REMOVED,
    // A default re-exported from the module that implements it, directly and renamed
    "src/app/handlers/deal.ts": `export default async function handleDeal(req: Request): Promise<Response> {\n    return new Response(await req.text())\n}\n`,
    "src/app/handlers/person.ts": `export async function handlePerson(req: Request): Promise<Response> {\n    return Response.json({method: req.method})\n}\n`,
    "src/app/webhooks/deal.webhook.ts": `export {default} from "../handlers/deal"\n`,
    "src/app/webhooks/crm/person.webhook.ts": `export {handlePerson as default} from "../../handlers/person"\n`,
    // A local alias of the default
    "src/app/webhooks/crm/company.webhook.ts": `async function handleCompany(request: Request): Promise<Response> {\n    return new Response(null, {status: request.method === "POST" ? 202 : 204})\n}\n\nexport {handleCompany as default}\n`,
    "src/app/webhooks/note.webhook.ts": `const handleNote = async (req: Request): Promise<Response> => new Response(req.url)\n\nexport default handleNote\n`,
}

/**
 * Defaults the module graph follows through namespaces: a member of a module's namespace, a destructured alias, a
 * member of a barrel's `export * as`, a `let` bound to an import; the SDK's function as a facade's default.
 */
const THROUGH_NAMESPACES: AppFiles = {
    "src/app/handlers/impl.ts": `export async function handle(req: Request): Promise<Response> {\n    return new Response(req.method)\n}\n`,
    "src/app/handlers/index.ts": `export * as handlers from "./impl"\n`,
    "src/app/make.ts": `import * as sdk from "attio/server"\n\nexport default sdk.createWebhookHandler\n`,
    "src/app/webhooks/member.webhook.ts": `import * as impl from "../handlers/impl"\n\nexport default impl.handle\n`,
    "src/app/webhooks/alias.webhook.ts": `import * as impl from "../handlers/impl"\n\nconst {handle} = impl\n\nexport default handle\n`,
    "src/app/webhooks/barrel.webhook.ts": `import {handlers} from "../handlers/index"\n\nexport default handlers.handle\n`,
    "src/app/webhooks/bound.webhook.ts": `import {handle} from "../handlers/impl"\n\nlet bound = handle\n\nexport default bound\n`,
    "src/app/events/connection-added.event.ts": `import type {Connection} from "attio/server"

import make from "../make"

export default async function connectionAdded({connection}: {connection: Connection}) {
    for (const fileName of ["member", "alias", "barrel", "bound"]) {
        const handler = await make({fileName})
        console.log(\`\${handler.id} for \${connection.id}\`)
    }
}
`,
    "src/app/events/connection-removed.event.ts": CONNECTION_REMOVED,
}

/** Arrow defaults, non-async handlers returning a Promise of a Response, type-only imports of attio/client. */
const PLATFORM_ACCEPTS: AppFiles = {
    "src/webhooks/arrow.webhook.ts": `export default async (req: Request): Promise<Response> => {\n    const text = await req.text()\n    return new Response(text.length > 0 ? "ok" : "empty")\n}\n`,
    "src/webhooks/promise.webhook.ts": `async function handle(req: Request): Promise<Response> {\n    return new Response(req.method)\n}\n\nexport default function promised(req: Request): Promise<Response> {\n    return handle(req)\n}\n`,
    "src/webhooks/inferred.webhook.ts": `export default function inferred(req: Request) {\n    return Promise.resolve(new Response(req.method))\n}\n`,
    "src/webhooks/then.webhook.ts": `export default function chained(req: Request): Promise<Response> {\n    return req\n        .text()\n        .then((text) => new Response(text))\n        .catch(() => new Response(null, {status: 400}))\n}\n`,
    "src/webhooks/client-types.webhook.ts": `import type {ObjectSlug} from "attio/client"\n\nconst OBJECT: ObjectSlug = "people"\n\nexport default async function clientTypes(req: Request): Promise<Response> {\n    return Response.json({object: OBJECT, method: req.method})\n}\n`,
    "src/webhooks/inline-type.webhook.ts": `import {type AttioRecord} from "attio/client"\n\nexport default async function inlineType(req: Request): Promise<Response> {\n    const record: AttioRecord | null = null\n    return Response.json({record, method: req.method})\n}\n`,
    "src/events/connection-added.event.ts": `import {type Connection, createWebhookHandler} from "attio/server"

const HOOKS = ["arrow", "promise", "inferred", "then", "client-types", "inline-type"] as const

export default async function connectionAdded({connection}: {connection: Connection}) {
    await Promise.all(HOOKS.map((fileName) => createWebhookHandler({fileName})))
    console.log(\`registered for \${connection.id}\`)
}
`,
    "src/events/connection-removed.event.ts": CONNECTION_REMOVED,
}

/** Shapes real handlers take: helpers that build the Response, try/finally, anonymous defaults, a type alias, .js. */
const REAL_SHAPES: AppFiles = {
    "src/app/respond.ts": `export function respond(status: number, body?: unknown): Response {\n    return body === undefined ? new Response(null, {status}) : Response.json(body, {status})\n}\n`,
    "src/app/webhooks/billing.webhook.ts": `import {respond} from "../respond"

type Event = {type: "invoice.paid" | "invoice.failed"; id: string}

export default async function billing(request: Request): Promise<Response> {
    if (request.headers.get("x-signature") === null) return respond(401)
    let event: Event
    try {
        event = await request.json()
    } catch {
        return respond(400, {error: "not json"})
    }
    switch (event.type) {
        case "invoice.paid":
            return respond(200, {paid: event.id})
        case "invoice.failed":
            return respond(202)
        default:
            throw new Error(\`unexpected event \${String(event.type)}\`)
    }
}
`,
    "src/app/webhooks/redirect.webhook.ts": `export default async function (req: Request): Promise<Response> {\n    return Response.redirect(new URL("/done", req.url), 302)\n}\n`,
    "src/app/webhooks/audit.webhook.ts": `let pending = 0

export default async function audit(req: Request): Promise<Response> {
    pending++
    try {
        const text = await req.text()
        return new Response(text.length > 0 ? "logged" : "empty")
    } finally {
        pending--
    }
}
`,
    "src/app/events/connection-added.event.ts": `import {type Connection, createWebhookHandler, updateWebhookHandler} from "attio/server"

type EventArgs = {connection: Connection}

export default async function connectionAdded({connection}: EventArgs) {
    for (const fileName of ["billing", "redirect", "audit"]) {
        const handler = await createWebhookHandler({fileName})
        await updateWebhookHandler(handler.id, {externalWebhookId: \`\${connection.id}:\${fileName}\`})
    }
}
`,
    "src/app/events/connection-removed.event.js": `import {deleteWebhookHandler, listWebhookHandlers} from "attio/server"

export default async function connectionRemoved({connection}) {
    for (const handler of await listWebhookHandlers()) {
        try {
            await deleteWebhookHandler(handler.id)
        } catch (error) {
            console.error(\`could not remove \${handler.id} for \${connection.id}\`, error)
        }
    }
}
`,
}

/** Responses from fetch and helpers, qualified Fetch types, the SDK's connection types, a non-async event. */
const MORE_SHAPES: AppFiles = {
    "src/app/webhooks/proxy.webhook.ts": `export default async function proxy(req: Request): Promise<Response> {\n    return fetch("https://upstream.example.com/hooks", {method: "POST", body: await req.text()})\n}\n`,
    "src/app/webhooks/helper.webhook.ts": `function accepted() {\n    return new Response(null, {status: 202})\n}\n\nexport default async function helper(req: Request) {\n    const body = await req.text()\n    if (body.length === 0) {\n        const empty = new Response("empty", {status: 400})\n        return empty\n    }\n    return accepted()\n}\n`,
    "src/app/webhooks/qualified.webhook.ts": `export default async function qualified(req: globalThis.Request): Promise<globalThis.Response> {\n    return new globalThis.Response(req.method)\n}\n`,
    "src/app/webhooks/promise.webhook.ts": `export default async function promised(req: Request): Promise<Response> {\n    return new Promise((resolve) => resolve(new Response(req.method)))\n}\n`,
    "src/app/events/connection-added.event.ts": `import {createWebhookHandler, type UserConnection, type WorkspaceConnection} from "attio/server"

async function register(connection: UserConnection | WorkspaceConnection): Promise<void> {
    for (const fileName of ["proxy", "helper", "qualified", "promise"]) {
        const handler = await createWebhookHandler({fileName})
        console.log(\`\${handler.id} for \${connection.ownedBy.type}\`)
    }
}

export default function connectionAdded(event: {connection: UserConnection | WorkspaceConnection}): Promise<void> {
    return register(event.connection)
}
`,
    "src/app/events/connection-removed.event.ts": CONNECTION_REMOVED,
}

/**
 * Handlers whose every path ends as only the type checker tells (a switch exhaustive over a union, a call of a function
 * returning never), that return a subclass of Response, take `this: void` or a type parameter constrained to Request,
 * and an event that creates its handlers through options held in a const.
 */
const TYPES_DECIDE: AppFiles = {
    "src/app/lib/http.ts": `export class JsonResponse extends Response {
    constructor(body: unknown, status = 200) {
        super(JSON.stringify(body), {status, headers: {"content-type": "application/json"}})
    }
}

export function fail(message: string): never {
    throw new Error(message)
}
`,
    "src/app/webhooks/exhaustive.webhook.ts": `type Kind = "read" | "write"

export default async function exhaustive(req: Request): Promise<Response> {
    const kind: Kind = req.method === "GET" ? "read" : "write"
    switch (kind) {
        case "read":
            return new Response("read")
        case "write":
            return new Response("write", {status: 202})
    }
}
`,
    "src/app/webhooks/never.webhook.ts": `import {fail, JsonResponse} from "../lib/http"

export default async function never(this: void, req: Request): Promise<JsonResponse> {
    if (req.method !== "PUT") return new JsonResponse({method: req.method})
    fail("PUT is not supported")
}
`,
    "src/app/webhooks/generic.webhook.ts": `export default async function generic<T extends Request>(req: T) {
    return new Response(req.method)
}
`,
    "src/app/events/connection-added.event.ts": `import {createWebhookHandler} from "attio/server"

const options = {fileName: "exhaustive"}

export default async function connectionAdded() {
    await createWebhookHandler(options)
    await createWebhookHandler({fileName: "never"})
    await createWebhookHandler({fileName: "generic"})
}
`,
    "src/app/events/connection-removed.event.ts": CONNECTION_REMOVED,
}

export function validApps(repositoryRoot: string): Case[] {
    return [
        {name: "examples/app-layout", files: folder(path.join(repositoryRoot, "examples/app-layout"))},
        {name: "examples/documented-layout", files: folder(path.join(repositoryRoot, "examples/documented-layout"))},
        {name: "rule tests' real world: token check only", files: TOKEN_CHECK_APP},
        {name: "rule tests' real world: both layouts at once", files: MIXED_LAYOUT_APP},
        {
            name: "SDK through re-export modules, aliases, a namespace; re-exported defaults",
            files: THROUGH_LOCAL_MODULES,
        },
        {
            name: "defaults through namespaces, aliases and a let; the SDK as a facade's default",
            files: THROUGH_NAMESPACES,
        },
        {
            name: "arrow default, non-async handlers returning a Promise, type-only attio/client",
            files: PLATFORM_ACCEPTS,
        },
        {name: "response helpers, try/finally, an anonymous default, a type alias, a .js event", files: REAL_SHAPES},
        {
            name: "Responses from fetch and helpers, globalThis types, SDK connection types, a non-async event",
            files: MORE_SHAPES,
        },
        {
            name: "paths the type checker ends (exhaustive switch, never), a Response subclass, this: void, <T extends Request>",
            files: TYPES_DECIDE,
        },
    ]
}

/**
 * Apps the platform rejects, for recall: each failure (a build error, a failed dispatch, a handler-like file it never
 * runs) should carry a finding on its file. Build failures get an app each, as one hides the others.
 */
export function failingApps(): Case[] {
    return [
        {
            name: "fails at run time: null, a class, a plain object, a misnamed event, a fileName through an alias",
            files: {
                "src/app/sdk.ts": `export {createWebhookHandler as make} from "attio/server"\n`,
                "src/app/events/connection-added.event.ts": `import {make} from "../sdk"\n\nexport default async function connectionAdded() {\n    await make({fileName: "nul"})\n}\n`,
                "src/app/events/connection-removed.events.ts": `export default async function connectionRemoved() {}\n`,
                "src/app/webhooks/null.webhook.ts": `export default async function nothing(req: Request): Promise<Response | null> {\n    if (req.method === "GET") return null\n    return new Response(null)\n}\n`,
                "src/app/webhooks/klass.webhook.ts": `export default class Hook {\n    constructor(readonly req: Request) {}\n}\n`,
                "src/app/webhooks/object.webhook.ts": `export default async function object(req: Request) {\n    return {ok: true, method: req.method}\n}\n`,
            },
        },
        {
            name: "fails the build: re-exported defaults that do not exist",
            files: {
                "src/app/impl/x.ts": `export const y = async (req: Request) => new Response(req.url)\n`,
                "src/app/webhooks/none.webhook.ts": `export {default} from "../impl/none"\n`,
                "src/app/webhooks/x.webhook.ts": `export {x as default} from "../impl/x"\n`,
            },
        },
        {
            name: "fails the build: TypeScript syntax in a .js handler",
            files: {
                "src/app/webhooks/typed.webhook.js": `export default async function typed(req: Request): Promise<Response> {\n    return new Response(null)\n}\n`,
            },
        },
    ]
}
