/** The invalid cases of test/rules/webhook-signature.test.ts (copied by copy-cases.js: the rule tests build their apps in code). */
import type {Case} from "./case.js"

const cases: Case[] = [
    {
        name: "a generator function",
        files: {
            "src/webhooks/a.webhook.ts":
                "export default async function* handler(req: Request) {\n    return new Response(null)\n}\n",
        },
    },
    {
        name: "a payload type instead of Request",
        files: {
            "src/webhooks/a.webhook.ts":
                "type Payload = {id: string}\n\nexport default async function handler(body: Payload) {\n    return new Response(body.id)\n}\n",
        },
    },
    {
        name: "the Connection",
        files: {
            "src/app/webhooks/crm/deal.webhook.ts":
                'import type {Connection} from "attio/server"\n\nexport default async function deal(connection: Connection) {\n    return new Response(connection.id)\n}\n',
        },
    },
    {
        name: "an object literal type",
        files: {
            "src/webhooks/a.webhook.ts":
                "export default async function handler({body}: {body: string}) {\n    return new Response(null)\n}\n",
        },
    },
    {
        name: "a string",
        files: {
            "src/webhooks/a.webhook.ts":
                "export default async function handler(req: string) {\n    return new Response(null)\n}\n",
        },
    },
    {
        name: "a further required parameter",
        files: {
            "src/webhooks/a.webhook.ts":
                "export default async function handler(req: Request, secret: string) {\n    return new Response(null)\n}\n",
        },
    },
    {
        name: "declared Promise<void>",
        files: {
            "src/webhooks/a.webhook.ts":
                "export default async function handler(req: Request): Promise<void> {\n    return new Response(null)\n}\n",
        },
    },
    {
        name: "declared Promise<string>",
        files: {
            "src/webhooks/a.webhook.ts":
                'export default async function handler(req: Request): Promise<string> {\n    return "ok"\n}\n',
        },
    },
    {
        name: "a declared alias that is no Response (type information)",
        files: {
            "src/webhooks/a.webhook.ts":
                'type Reply = Promise<string>\n\nexport default async function handler(req: Request): Reply {\n    return "ok"\n}\n',
        },
    },
    {
        name: "an inferred string (type information)",
        files: {
            "src/webhooks/a.webhook.ts":
                "export default async function handler(req: Request) {\n    const text = await req.text()\n    return text\n}\n",
        },
    },
    {
        name: "a Request alias that is something else (type information)",
        files: {
            "src/webhooks/a.webhook.ts":
                "type Incoming = {id: string}\n\nexport default async function handler(req: Incoming) {\n    return new Response(req.id)\n}\n",
        },
    },
    {
        name: "a Request imported from a package other than the Fetch API's",
        files: {
            "src/webhooks/a.webhook.ts":
                'import type {Request} from "express"\n\nexport default async function handler(req: Request) {\n    return new Response(null)\n}\n',
        },
    },
    {
        name: "a local interface named Request",
        files: {
            "src/webhooks/a.webhook.ts":
                "interface Request {\n    body: string\n}\n\nexport default async function handler(req: Request) {\n    return new Response(req.body)\n}\n",
        },
    },
    {
        name: "a Request from a module of the app that is a look-alike (type information)",
        files: {
            "src/webhooks/a.webhook.ts":
                'import type {Request} from "../lib/http.js"\n\nexport default async function handler(req: Request) {\n    return new Response(req.body)\n}\n',
            "src/lib/http.ts": "export interface Request {\n    body: string\n}\n",
        },
    },
    {
        name: "a declared Promise of a look-alike Response class",
        files: {
            "src/webhooks/a.webhook.ts":
                "class Response {\n    constructor(readonly body: string | null) {}\n}\n\nexport default async function handler(req: Request): Promise<Response> {\n    return new Response(null)\n}\n",
        },
    },
    {
        name: "a declared Promise of an app class that does not extend Response (type information)",
        files: {
            "src/webhooks/a.webhook.ts":
                "class Reply {\n    constructor(readonly body: string) {}\n}\n\nexport default async function handler(req: Request): Promise<Reply> {\n    return new Reply(req.url)\n}\n",
        },
    },
    {
        name: "a re-exported implementation is reported where it is defined",
        files: {
            "src/app/webhooks/c.webhook.ts": 'export {default} from "./impl.js"\n',
            "src/app/webhooks/impl.ts":
                "export default async function impl(payload: {id: string}) {\n    return new Response(payload.id)\n}\n",
        },
    },
    {
        name: "several problems in one handler",
        files: {
            "src/webhooks/a.webhook.ts":
                "export default async function handler(body: string, token: string): Promise<void> {\n    return new Response(null)\n}\n",
        },
    },
]

export default cases
