/** The invalid cases of test/rules/duplicate-handler-id.test.ts (copied by copy-cases.js: the rule tests build their apps in code). */
import type {Case} from "./case.js"

const cases: Case[] = [
    {
        name: "the same webhook id in both roots",
        files: {
            "src/webhooks/a.webhook.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n",
            "src/app/webhooks/a.webhook.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n",
        },
    },
    {
        name: "a nested id, .ts in one root and .js in the other",
        files: {
            "src/webhooks/crm/deal.webhook.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n",
            "src/app/webhooks/crm/deal.webhook.js": "export default async (req) => new Response(null)\n",
        },
    },
    {
        name: "the same event in both roots",
        files: {
            "src/events/connection-added.event.ts":
                'import type {Connection} from "attio/server"\n\nexport default async function connectionEvent({connection}: {connection: Connection}) {\n    console.log(connection.id)\n}\n',
            "src/app/events/connection-added.event.ts":
                'import type {Connection} from "attio/server"\n\nexport default async function connectionEvent({connection}: {connection: Connection}) {\n    console.log(connection.id)\n}\n',
        },
    },
]

export default cases
