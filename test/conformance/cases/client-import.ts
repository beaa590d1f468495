/** The invalid cases of test/rules/client-import.test.ts (copied by copy-cases.js: the rule tests build their apps in code). */
import type {Case} from "./case.js"

const cases: Case[] = [
    {
        name: "a webhook handler",
        files: {
            "src/webhooks/a.webhook.ts":
                'import {showToast} from "attio/client"\n\nexport default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n',
        },
    },
    {
        name: "a nested .js webhook in the src/app layout",
        files: {
            "src/app/webhooks/crm/deal.webhook.js":
                'import {showToast} from "attio/client"\n\nexport default async (req) => new Response(null)\n',
        },
    },
    {
        name: "an event handler",
        files: {
            "src/events/connection-added.event.ts":
                'import type {Connection} from "attio/server"\nimport {showToast} from "attio/client"\n\nexport default async function added({connection}: {connection: Connection}) {}\n',
        },
    },
    {
        name: "a .server.ts file",
        files: {
            "src/functions/sync.server.ts":
                'import {showToast} from "attio/client"\n\nexport default async function sync() {}\n',
        },
    },
    {
        name: "a .server.js file",
        files: {
            "src/sync.server.js": 'import {showToast} from "attio/client"\n\nexport default async function sync() {}\n',
        },
    },
    {
        name: "a dynamic import",
        files: {
            "src/webhooks/a.webhook.ts":
                'export default async function a(req: Request) {\n    const {showToast} = await import("attio/client")\n    return new Response(String(showToast))\n}\n',
        },
    },
    {
        name: "a re-export",
        files: {
            "src/webhooks/a.webhook.ts":
                'export {showToast} from "attio/client"\nexport default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n',
        },
    },
    {
        name: "a subpath",
        files: {
            "src/webhooks/a.webhook.ts":
                'import {x} from "attio/client/forms"\nexport default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n',
        },
    },
    {
        name: "a handler outside the roots still runs server code",
        files: {
            "src/handlers/a.webhook.ts":
                'import {showToast} from "attio/client"\n\nexport default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n',
        },
    },
]

export default cases
