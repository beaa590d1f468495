/** The invalid cases of test/rules/parse-error.test.ts (copied by copy-cases.js: the rule tests build their apps in code). */
import type {Case} from "./case.js"

const cases: Case[] = [
    {
        name: "TypeScript syntax in .js handlers: the build's JavaScript loader rejects it",
        files: {
            "src/app/webhooks/a.webhook.js":
                "export default async function a(req: Request) {\n    return new Response(null)\n}\n",
            "src/app/webhooks/b.webhook.js":
                'import type {Connection} from "attio/server"\n\nexport default async (req) => new Response(null)\n',
            "src/app/webhooks/c.webhook.js": "export default async (req) => new Response(String(req as unknown))\n",
            "src/app/webhooks/d.webhook.js":
                "enum Kind {A}\n\nexport default async (req) => new Response(String(Kind.A))\n",
            "src/app/webhooks/e.webhook.js": 'export default async (req) => new Response(req.headers.get("x")!)\n',
            "src/app/webhooks/f.webhook.js":
                "export default async function f<T>(req) {\n    return new Response(null)\n}\n",
            "src/app/webhooks/g.webhook.js":
                "export default async function g(req?) {\n    return new Response(null)\n}\n",
            "src/app/webhooks/h.webhook.js":
                "export default async (req): Promise<Response> => new Response(String(1 as number))\n",
            "src/app/webhooks/i.webhook.js":
                "const id = (text: string) => text\n\nexport default async (req) => new Response(id(req.url))\n",
            "src/app/webhooks/j.webhook.js":
                "class Headers2 extends Map<string, string> {}\n\nexport default async (req) => new Response(String(new Headers2().size))\n",
            "src/app/events/connection-added.event.js":
                "interface Args {\n    connection: unknown\n}\n\nexport default async function added(args) {}\n",
            "src/app/events/connection-removed.event.js":
                "class Store {\n    private items = []\n}\n\nexport default async function removed() {\n    new Store()\n}\n",
        },
    },
    {
        name: "a module a handler bundles (imported, re-exported, further down) that does not parse",
        files: {
            "src/app/webhooks/deal.webhook.js":
                'import {parse} from "../lib/parse.js"\n\nexport default async (req) => new Response(parse(await req.text()))\n',
            "src/app/lib/parse.js": 'export {format} from "./format.js"\nexport const parse = (text: string) => text\n',
            "src/app/lib/format.js": "export const format = (text) => text as string\n",
            "src/app/lib/unused.js": "export const unused = (text: string) => text\n",
        },
    },
    {
        name: "JSX in a .js handler: the build's JavaScript loader has JSX off",
        files: {
            "src/webhooks/page.webhook.js":
                "const page = <p>hi</p>\n\nexport default async (req) => new Response(String(page))\n",
        },
    },
    {
        name: "a webhook handler that does not parse",
        files: {
            "src/webhooks/a.webhook.ts":
                "export default async function handler(req: Request) {\n    return new Response(\n",
        },
    },
    {
        name: "an event handler in the src/app layout that does not parse",
        files: {
            "src/app/events/connection-added.event.ts":
                "export default async function ({connection}) {\n    if (connection {\n    }\n}\n",
        },
    },
    {
        name: "a nested .js handler that does not parse",
        files: {
            "src/webhooks/crm/deal.webhook.js":
                "export default async function deal(req) {\n    return new Response(null, {status: 200)\n}\n",
        },
    },
    {
        name: "a helper outside the handler roots that calls createWebhookHandler",
        files: {
            "src/app/webhooks/a.webhook.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n",
            "src/server/register.ts":
                'import {createWebhookHandler} from "attio/server"\n\nexport async function register() {\n    await createWebhookHandler({fileName: "a"}\n}\n',
        },
    },
    {
        name: "every broken handler is reported, the good ones are still checked",
        files: {
            "src/webhooks/a.webhook.ts":
                "export default async function handler(req: Request) {\n    return new Response(\n",
            "src/webhooks/b.webhook.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n",
            "src/app/webhooks/c.webhook.ts":
                "export default async function c(req: Request) {\n    return new Response(null\n}\n",
        },
    },
    {
        name: "a binary handler file",
        files: {
            "src/webhooks/a.webhook.ts": "\u0000\u0001\u0002binary",
        },
    },
]

export default cases
