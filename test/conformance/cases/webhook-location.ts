/** The invalid cases of test/rules/webhook-location.test.ts (copied by copy-cases.js: the rule tests build their apps in code). */
import type {Case} from "./case.js"

const cases: Case[] = [
    {
        name: "a webhook outside both roots (documented layout suggested)",
        files: {
            "src/handlers/prospect-updated.webhook.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n",
        },
    },
    {
        name: "a webhook outside both roots of an app using src/app",
        files: {
            "src/app/events/connection-added.event.ts": "export default async function a() {}\n",
            "src/webhook/deal.webhook.js":
                "export default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n",
        },
    },
    {
        name: "a webhook in an event root",
        files: {
            "src/events/deal.webhook.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n",
        },
    },
    {
        name: "a .webhook.tsx in a root",
        files: {
            "src/webhooks/crm/deal.webhook.tsx":
                "export default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n",
        },
    },
    {
        name: "a .webhook.mjs in the src/app root",
        files: {
            "src/app/webhooks/deal.webhook.mjs":
                "export default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n",
        },
    },
    {
        name: "a directory named like a handler",
        files: {
            "src/webhooks/deal.webhook.ts/README.md": "# not a handler\n",
        },
    },
    {
        name: "a handler without the suffix (Request parameter)",
        files: {
            "src/app/webhooks/deal.ts":
                "export default async function deal(req: Request) {\n    return new Response(null)\n}\n",
        },
    },
    {
        name: "a nested .js handler without the suffix (named `request`)",
        files: {
            "src/webhooks/crm/deal.js":
                "export default async function deal(request) {\n    return new Response(null)\n}\n",
        },
    },
    {
        name: "an arrow declared to return Promise<Response>, without the suffix",
        files: {
            "src/webhooks/deal.ts":
                "const deal = async (body: unknown): Promise<Response> => new Response(null)\nexport default deal\n",
        },
    },
    {
        name: "the seed's handler saved without the suffix, named `_request`",
        files: {
            "src/webhooks/prospect-updated.ts":
                "export default async function handle(_request: Request) {\n    return new Response(null)\n}\n",
        },
    },
]

export default cases
