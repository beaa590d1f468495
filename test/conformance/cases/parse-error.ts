/** The invalid cases of test/rules/parse-error.test.ts (copied by copy-cases.js: the rule tests build their apps in code). */
import type {Case} from "./case.js"

const cases: Case[] = [
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
