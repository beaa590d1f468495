/** The invalid cases of test/rules/webhook-filename.test.ts (copied by copy-cases.js: the rule tests build their apps in code). */
import type {Case} from "./case.js"

const cases: Case[] = [
    {
        name: "through a dynamic import of attio/server, its namespace and a destructuring of it",
        files: {
            "src/webhooks/prospect-updated.webhook.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n",
            "src/app/webhooks/crm/deal.webhook.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n",
            "src/webhooks/enrichment.webhook.js":
                "export default async function enrichment(req) {\n    return new Response(null)\n}\n",
            "src/events/connection-added.event.ts":
                '\nexport default async function connectionAdded() {\n    const sdk = await import("attio/server")\n    await sdk.createWebhookHandler({fileName: "crm/deals"})\n    const {createWebhookHandler} = await import("attio/server")\n    await createWebhookHandler({fileName: "enrichments"})\n}\n',
        },
    },
    {
        name: "options held in a const object",
        files: {
            "src/webhooks/prospect-updated.webhook.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n",
            "src/app/webhooks/crm/deal.webhook.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n",
            "src/webhooks/enrichment.webhook.js":
                "export default async function enrichment(req) {\n    return new Response(null)\n}\n",
            "src/events/connection-added.event.ts":
                'import {createWebhookHandler} from "attio/server"\n\nexport default async function connectionAdded() {\n    const options = {fileName: "/prospect-updated"}\n    await createWebhookHandler(options)\n}\n',
        },
    },
    {
        name: "a typo, with a did-you-mean",
        files: {
            "src/webhooks/prospect-updated.webhook.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n",
            "src/app/webhooks/crm/deal.webhook.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n",
            "src/webhooks/enrichment.webhook.js":
                "export default async function enrichment(req) {\n    return new Response(null)\n}\n",
            "src/events/connection-added.event.ts":
                'import {createWebhookHandler} from "attio/server"\n\nexport default async function connectionAdded() {\n    await createWebhookHandler({fileName: "prospect-update"})\n}\n',
        },
    },
    {
        name: "a typo in a nested id",
        files: {
            "src/webhooks/prospect-updated.webhook.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n",
            "src/app/webhooks/crm/deal.webhook.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n",
            "src/webhooks/enrichment.webhook.js":
                "export default async function enrichment(req) {\n    return new Response(null)\n}\n",
            "src/events/connection-added.event.ts":
                'import {createWebhookHandler} from "attio/server"\n\nexport default async function connectionAdded() {\n    await createWebhookHandler({fileName: "crm/deals"})\n}\n',
        },
    },
    {
        name: "a name like no handler lists the ids",
        files: {
            "src/webhooks/prospect-updated.webhook.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n",
            "src/app/webhooks/crm/deal.webhook.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n",
            "src/webhooks/enrichment.webhook.js":
                "export default async function enrichment(req) {\n    return new Response(null)\n}\n",
            "src/events/connection-added.event.ts":
                'import {createWebhookHandler} from "attio/server"\n\nexport default async function connectionAdded() {\n    await createWebhookHandler({fileName: "salesforce-sync"})\n}\n',
        },
    },
    {
        name: "no handlers at all",
        files: {
            "src/events/connection-added.event.ts":
                'import {createWebhookHandler} from "attio/server"\n\nexport default async function connectionAdded() {\n    await createWebhookHandler({fileName: "deal"})\n}\n',
        },
    },
    {
        name: "the file name with its suffix",
        files: {
            "src/webhooks/prospect-updated.webhook.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n",
            "src/app/webhooks/crm/deal.webhook.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n",
            "src/webhooks/enrichment.webhook.js":
                "export default async function enrichment(req) {\n    return new Response(null)\n}\n",
            "src/events/connection-added.event.ts":
                'import {createWebhookHandler} from "attio/server"\n\nexport default async function connectionAdded() {\n    await createWebhookHandler({fileName: "prospect-updated.webhook.ts"})\n}\n',
        },
    },
    {
        name: "a quoted fileName key is the same property",
        files: {
            "src/webhooks/prospect-updated.webhook.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n",
            "src/app/webhooks/crm/deal.webhook.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n",
            "src/webhooks/enrichment.webhook.js":
                "export default async function enrichment(req) {\n    return new Response(null)\n}\n",
            "src/events/connection-added.event.ts":
                'import {createWebhookHandler} from "attio/server"\n\nexport default async function connectionAdded() {\n    await createWebhookHandler({"fileName": "prospect-updated.webhook.ts"})\n}\n',
        },
    },
    {
        name: "a root folder and a nested id",
        files: {
            "src/webhooks/prospect-updated.webhook.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n",
            "src/app/webhooks/crm/deal.webhook.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n",
            "src/webhooks/enrichment.webhook.js":
                "export default async function enrichment(req) {\n    return new Response(null)\n}\n",
            "src/events/connection-added.event.ts":
                'import {createWebhookHandler} from "attio/server"\n\nexport default async function connectionAdded() {\n    await createWebhookHandler({fileName: "src/app/webhooks/crm/deal"})\n}\n',
        },
    },
    {
        name: "a partial root folder and the suffix without extension",
        files: {
            "src/webhooks/prospect-updated.webhook.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n",
            "src/app/webhooks/crm/deal.webhook.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n",
            "src/webhooks/enrichment.webhook.js":
                "export default async function enrichment(req) {\n    return new Response(null)\n}\n",
            "src/events/connection-added.event.ts":
                'import {createWebhookHandler} from "attio/server"\n\nexport default async function connectionAdded() {\n    await createWebhookHandler({fileName: "webhooks/crm/deal.webhook"})\n}\n',
        },
    },
    {
        name: "a .js file name",
        files: {
            "src/webhooks/prospect-updated.webhook.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n",
            "src/app/webhooks/crm/deal.webhook.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n",
            "src/webhooks/enrichment.webhook.js":
                "export default async function enrichment(req) {\n    return new Response(null)\n}\n",
            "src/events/connection-added.event.ts":
                'import {createWebhookHandler} from "attio/server"\n\nexport default async function connectionAdded() {\n    await createWebhookHandler({fileName: "enrichment.webhook.js"})\n}\n',
        },
    },
    {
        name: "the bare id does not exist either",
        files: {
            "src/webhooks/prospect-updated.webhook.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n",
            "src/app/webhooks/crm/deal.webhook.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n",
            "src/webhooks/enrichment.webhook.js":
                "export default async function enrichment(req) {\n    return new Response(null)\n}\n",
            "src/events/connection-added.event.ts":
                'import {createWebhookHandler} from "attio/server"\n\nexport default async function connectionAdded() {\n    await createWebhookHandler({fileName: "src/webhooks/nope.webhook.ts"})\n}\n',
        },
    },
    {
        name: "renamed on import",
        files: {
            "src/webhooks/prospect-updated.webhook.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n",
            "src/app/webhooks/crm/deal.webhook.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n",
            "src/webhooks/enrichment.webhook.js":
                "export default async function enrichment(req) {\n    return new Response(null)\n}\n",
            "src/events/connection-added.event.ts":
                'import {createWebhookHandler as createHook} from "attio/server"\n\nexport default async function connectionAdded() {\n    await createHook({fileName: "crm-deal"})\n}\n',
        },
    },
    {
        name: "through a namespace import",
        files: {
            "src/webhooks/prospect-updated.webhook.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n",
            "src/app/webhooks/crm/deal.webhook.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n",
            "src/webhooks/enrichment.webhook.js":
                "export default async function enrichment(req) {\n    return new Response(null)\n}\n",
            "src/events/connection-added.event.ts":
                'import * as sdk from "attio/server"\n\nexport default async function connectionAdded() {\n    await sdk.createWebhookHandler({fileName: "enrichments"})\n}\n',
        },
    },
    {
        name: "an imported const with a wrong value is reported at the call",
        files: {
            "src/webhooks/prospect-updated.webhook.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n",
            "src/app/webhooks/crm/deal.webhook.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n",
            "src/webhooks/enrichment.webhook.js":
                "export default async function enrichment(req) {\n    return new Response(null)\n}\n",
            "src/events/connection-added.event.ts":
                'import {createWebhookHandler} from "attio/server"\nimport {DEAL_HOOK} from "../hooks.js"\n\nexport default async function connectionAdded() {\n    await createWebhookHandler({fileName: DEAL_HOOK})\n}\n',
            "src/hooks.ts": 'export const DEAL_HOOK = "deal"\n',
        },
    },
    {
        name: "a loop over an `as const` array checks every value",
        files: {
            "src/webhooks/prospect-updated.webhook.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n",
            "src/app/webhooks/crm/deal.webhook.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n",
            "src/webhooks/enrichment.webhook.js":
                "export default async function enrichment(req) {\n    return new Response(null)\n}\n",
            "src/events/connection-added.event.ts":
                'import {createWebhookHandler} from "attio/server"\nconst HOOKS = ["prospect-updated", "crm/deals", "enrichment", "enrichment.webhook.js"] as const\n\nexport default async function connectionAdded() {\n    for (const fileName of HOOKS) await createWebhookHandler({fileName})\n}\n',
        },
    },
    {
        name: "an imported `as const` array with a wrong value (type information)",
        files: {
            "src/webhooks/prospect-updated.webhook.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n",
            "src/app/webhooks/crm/deal.webhook.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n",
            "src/webhooks/enrichment.webhook.js":
                "export default async function enrichment(req) {\n    return new Response(null)\n}\n",
            "src/events/connection-added.event.ts":
                'import {createWebhookHandler} from "attio/server"\nimport {HOOKS} from "../hooks.js"\n\nexport default async function connectionAdded() {\n    for (const fileName of HOOKS) await createWebhookHandler({fileName})\n}\n',
            "src/hooks.ts": 'export const HOOKS = ["crm/deal", "prospect"] as const\n',
        },
    },
    {
        name: "a ternary with one wrong branch",
        files: {
            "src/webhooks/prospect-updated.webhook.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n",
            "src/app/webhooks/crm/deal.webhook.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n",
            "src/webhooks/enrichment.webhook.js":
                "export default async function enrichment(req) {\n    return new Response(null)\n}\n",
            "src/events/connection-added.event.ts":
                'import {createWebhookHandler} from "attio/server"\n\nexport default async function connectionAdded() {\n    await createWebhookHandler({fileName: Date.now() ? "crm/deal" : "crm/dael"})\n}\n',
        },
    },
    {
        name: "Promise.all with one wrong call",
        files: {
            "src/webhooks/prospect-updated.webhook.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n",
            "src/app/webhooks/crm/deal.webhook.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n",
            "src/webhooks/enrichment.webhook.js":
                "export default async function enrichment(req) {\n    return new Response(null)\n}\n",
            "src/events/connection-added.event.ts":
                'import {createWebhookHandler} from "attio/server"\n\nexport default async function connectionAdded() {\n    await Promise.all([\n        createWebhookHandler({fileName: "crm/deal"}),\n        createWebhookHandler({fileName: "enrichmnt"}),\n    ])\n}\n',
        },
    },
    {
        name: "a helper module outside the event file",
        files: {
            "src/events/connection-added.event.ts":
                'import {register} from "../server/register.js"\n\nexport default async function added() {\n    await register()\n}\n',
            "src/webhooks/prospect-updated.webhook.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n",
            "src/app/webhooks/crm/deal.webhook.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n",
            "src/webhooks/enrichment.webhook.js":
                "export default async function enrichment(req) {\n    return new Response(null)\n}\n",
            "src/server/register.ts":
                'import {createWebhookHandler} from "attio/server"\n\nexport async function register() {\n    await createWebhookHandler({fileName: "prospect_updated"})\n}\n',
        },
    },
    {
        name: "through a re-export module, in a helper that never mentions attio/",
        files: {
            "src/events/connection-added.event.ts":
                'import {register} from "../server/register.js"\n\nexport default async function added() {\n    await register()\n}\n',
            "src/webhooks/prospect-updated.webhook.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n",
            "src/app/webhooks/crm/deal.webhook.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n",
            "src/webhooks/enrichment.webhook.js":
                "export default async function enrichment(req) {\n    return new Response(null)\n}\n",
            "src/platform/sdk.ts": 'export {createWebhookHandler} from "attio/server"\n',
            "src/server/register.ts":
                'import {createWebhookHandler} from "../platform/sdk.js"\n\nexport async function register() {\n    await createWebhookHandler({fileName: "prospect_updated"})\n}\n',
        },
    },
    {
        name: "through a module whose default is a property of the SDK's namespace",
        files: {
            "src/events/connection-added.event.ts":
                'import {register} from "../server/register.js"\n\nexport default async function added() {\n    await register()\n}\n',
            "src/webhooks/prospect-updated.webhook.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n",
            "src/app/webhooks/crm/deal.webhook.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n",
            "src/webhooks/enrichment.webhook.js":
                "export default async function enrichment(req) {\n    return new Response(null)\n}\n",
            "src/platform/make.ts": 'import * as sdk from "attio/server"\n\nexport default sdk.createWebhookHandler\n',
            "src/server/register.ts":
                'import make from "../platform/make.js"\n\nexport async function register() {\n    await make({fileName: "prospect_updated"})\n}\n',
        },
    },
    {
        name: "through `export *` chains, `export * as` and a namespace import of a re-export module",
        files: {
            "src/webhooks/prospect-updated.webhook.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n",
            "src/app/webhooks/crm/deal.webhook.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n",
            "src/webhooks/enrichment.webhook.js":
                "export default async function enrichment(req) {\n    return new Response(null)\n}\n",
            "src/events/connection-added.event.ts":
                'import * as api from "../platform/index.js"\nimport {attio} from "../platform/ns.js"\n\nexport default async function connectionAdded() {\n    await api.createWebhookHandler({fileName: "crm-deal"})\n    await attio.createWebhookHandler({fileName: "enrichmnt"})\n}\n',
            "src/platform/index.ts": 'export * from "./all.js"\n',
            "src/platform/all.ts": 'export * from "attio/server"\n',
            "src/platform/ns.ts": 'export * as attio from "attio/server"\n',
        },
    },
    {
        name: "an alias, a destructured namespace and an exported alias",
        files: {
            "src/webhooks/prospect-updated.webhook.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n",
            "src/app/webhooks/crm/deal.webhook.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n",
            "src/webhooks/enrichment.webhook.js":
                "export default async function enrichment(req) {\n    return new Response(null)\n}\n",
            "src/events/connection-added.event.ts":
                'import * as sdk from "attio/server"\nimport {make} from "../hooks.js"\n\nconst {createWebhookHandler: create} = sdk\n\nexport default async function connectionAdded() {\n    const direct = sdk.createWebhookHandler\n    await create({fileName: "crm-deal"})\n    await direct({fileName: "enrichmnt"})\n    await make({fileName: "prospect_updated"})\n}\n',
            "src/hooks.ts":
                'import {createWebhookHandler} from "attio/server"\n\nexport const make = createWebhookHandler\n',
        },
    },
    {
        name: "through a module whose default export is createWebhookHandler",
        files: {
            "src/webhooks/prospect-updated.webhook.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n",
            "src/app/webhooks/crm/deal.webhook.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n",
            "src/webhooks/enrichment.webhook.js":
                "export default async function enrichment(req) {\n    return new Response(null)\n}\n",
            "src/events/connection-added.event.ts":
                'import create from "../sdk.js"\n\nexport default async function connectionAdded() {\n    await create({fileName: "crm-deal"})\n}\n',
            "src/sdk.ts": 'import {createWebhookHandler} from "attio/server"\n\nexport default createWebhookHandler\n',
        },
    },
    {
        name: "a call in a server function and in a module it imports",
        files: {
            "src/webhooks/prospect-updated.webhook.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n",
            "src/app/webhooks/crm/deal.webhook.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n",
            "src/webhooks/enrichment.webhook.js":
                "export default async function enrichment(req) {\n    return new Response(null)\n}\n",
            "src/functions/sync.server.ts":
                'import {register} from "../server/register.js"\nimport {createWebhookHandler} from "attio/server"\n\nexport default async function sync() {\n    await createWebhookHandler({fileName: "crm/deal"})\n    await register()\n}\n',
            "src/server/register.ts":
                'import {createWebhookHandler} from "attio/server"\n\nexport async function register() {\n    await createWebhookHandler({fileName: "enrichmnt"})\n}\n',
        },
    },
    {
        name: "a handler the build ignores (.webhook.tsx) is no id",
        files: {
            "src/webhooks/deal.webhook.tsx":
                "export default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n",
            "src/events/connection-added.event.ts":
                'import {createWebhookHandler} from "attio/server"\n\nexport default async function connectionAdded() {\n    await createWebhookHandler({fileName: "deal"})\n}\n',
        },
    },
]

export default cases
