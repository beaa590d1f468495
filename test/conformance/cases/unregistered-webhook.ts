/** The invalid cases of test/rules/unregistered-webhook.test.ts (copied by copy-cases.js: the rule tests build their apps in code). */
import type {Case} from "./case.js"

const cases: Case[] = [
    {
        name: "a webhook nobody creates",
        files: {
            "src/webhooks/a.webhook.ts":
                "export default async function handleA(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n",
            "src/webhooks/b.webhook.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n",
            "src/events/connection-added.event.ts":
                'import {createWebhookHandler} from "attio/server"\n\nexport default async function connectionAdded() {\n    await createWebhookHandler({fileName: "b"})\n}\n',
        },
    },
    {
        name: "a nested .js webhook in the src/app layout when the app creates none",
        files: {
            "src/app/webhooks/crm/deal.webhook.js":
                "export default async function deal(req) {\n    return new Response(null)\n}\n",
        },
    },
    {
        name: "every resolvable fileName counts: only the handler no call names is reported",
        files: {
            "src/webhooks/a.webhook.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n",
            "src/webhooks/b.webhook.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n",
            "src/app/webhooks/crm/c.webhook.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n",
            "src/webhooks/d.webhook.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n",
            "src/webhooks/e.webhook.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n",
            "src/hooks.ts": 'export const A = "a"\nexport const REST = ["b", "crm/c"] as const\n',
            "src/server/register.ts":
                'import {createWebhookHandler} from "attio/server"\nimport {A, REST} from "../hooks.js"\n\nexport async function register() {\n    await createWebhookHandler({fileName: A})\n    for (const fileName of REST) await createWebhookHandler({fileName})\n    await Promise.all([createWebhookHandler({fileName: "d"}), createWebhookHandler({fileName: "a"})])\n}\n',
        },
    },
    {
        name: "named only by a local look-alike",
        files: {
            "src/webhooks/a.webhook.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n",
            "src/server/fake.ts":
                'function createWebhookHandler(o: {fileName: string}) {\n    return o\n}\n\ncreateWebhookHandler({fileName: "a"})\n',
        },
    },
    {
        name: "a wrong fileName names nothing",
        files: {
            "src/webhooks/prospect-updated.webhook.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n",
            "src/events/connection-added.event.ts":
                'import {createWebhookHandler} from "attio/server"\n\nexport default async function connectionAdded() {\n    await createWebhookHandler({fileName: "prospect-updated.webhook.ts"})\n}\n',
        },
    },
    {
        name: "a re-exported handler is reported at the top of the handler file",
        files: {
            "src/webhooks/a.webhook.ts": 'export {default} from "../impl.js"\n',
            "src/impl.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n",
            "src/events/connection-added.event.ts":
                'import {createWebhookHandler} from "attio/server"\n\nexport default async function connectionAdded() {\n    await createWebhookHandler({fileName: "b"})\n}\n',
            "src/webhooks/b.webhook.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n",
        },
    },
    {
        name: "the same id in both roots: both files",
        files: {
            "src/webhooks/a.webhook.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n",
            "src/app/webhooks/a.webhook.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n",
        },
    },
]

export default cases
