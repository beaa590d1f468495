import webhookSignature from "../../src/lint/rules/webhook-signature.js"
import {REAL_WORLD_APPS, webhook} from "../support/apps.js"
import {ruleTester} from "../support/rule-tester.js"

const W = "src/webhooks/a.webhook.ts"
const handler = (signature: string, body = "    return new Response(null)") => ({
    [W]: `export default async function handler${signature} {\n${body}\n}\n`,
})

ruleTester(webhookSignature, {
    valid: [
        ...REAL_WORLD_APPS,
        {
            name: "(req: Request): Promise<Response>, both layouts",
            files: {"src/webhooks/a.webhook.ts": webhook(), "src/app/webhooks/crm/b.webhook.ts": webhook()},
        },
        {
            name: "`request` and `_request`",
            files: {
                ...handler("(request: Request)"),
                "src/app/webhooks/b.webhook.ts":
                    "export default async function b(_request: Request) {\n    return new Response(null, {status: 204})\n}\n",
            },
        },
        {name: "no parameter", files: handler("()")},
        {
            name: "globalThis.Request and globalThis.Response",
            files: handler("(req: globalThis.Request): Promise<globalThis.Response>"),
        },
        {name: "a further optional parameter", files: handler("(req: Request, context?: {retry: number})")},
        {
            name: "declared Response",
            files: {
                [W]: "export default function handler(req: Request): Response {\n    return new Response(null)\n}\n",
            },
        },
        {
            name: "Response.json and Response.redirect",
            files: handler(
                "(req: Request)",
                '    if (req.method === "GET") return Response.redirect("https://example.com")\n    return Response.json({ok: true})'
            ),
        },
        {
            name: "a Response held in a variable (type information)",
            files: handler(
                "(req: Request)",
                "    const response = new Response(await req.text())\n    return response"
            ),
        },
        {
            name: "returning fetch (type information)",
            files: handler(
                "(req: Request)",
                '    return await fetch("https://example.com", {method: "POST", body: await req.text()})'
            ),
        },
        {
            name: "a Request type alias (type information)",
            files: {
                [W]: "type Incoming = Request\n\nexport default async function handler(req: Incoming) {\n    return new Response(null)\n}\n",
            },
        },
        {
            name: "a Response type alias in the declared return (type information)",
            files: {
                [W]: "type Reply = Promise<Response>\n\nexport default async function handler(req: Request): Reply {\n    return new Response(null)\n}\n",
            },
        },
        {
            name: "a `this: void` parameter, and a type parameter constrained to Request (type information)",
            files: {
                [W]: "export default async function handler(this: void, req: Request): Promise<Response> {\n    return new Response(req.url)\n}\n",
                "src/webhooks/b.webhook.ts":
                    "export default async function b<T extends Request>(req: T): Promise<Response> {\n    return new Response(req.method)\n}\n",
            },
        },
        {
            name: "a subclass of Response, declared and inferred (type information)",
            files: {
                "src/app/lib/http.ts":
                    'export class JsonResponse extends Response {\n    constructor(body: unknown) {\n        super(JSON.stringify(body), {headers: {"content-type": "application/json"}})\n    }\n}\n',
                "src/app/webhooks/a.webhook.ts":
                    'import {JsonResponse} from "../lib/http"\n\nexport default async function a(req: Request): Promise<JsonResponse> {\n    return new JsonResponse({url: req.url})\n}\n',
                "src/app/webhooks/b.webhook.ts":
                    'import {JsonResponse} from "../lib/http"\n\nconst reply = (body: unknown) => new JsonResponse(body)\n\nexport default async function b(req: Request) {\n    return reply(req.url)\n}\n',
            },
        },
        {
            name: "a value from a package that is not installed",
            files: handler(
                "(req: Request)",
                '    const {respond} = await import("some-uninstalled-package")\n    return respond(req)'
            ),
        },
        {
            name: "export {h as default}, export default ident and export {default} from",
            files: {
                "src/webhooks/a.webhook.ts":
                    "async function h(req: Request) {\n    return new Response(null)\n}\n\nexport {h as default}\n",
                "src/webhooks/b.webhook.ts":
                    "const b = async (request: Request): Promise<Response> => new Response(null)\n\nexport default b\n",
                "src/app/webhooks/c.webhook.ts": 'export {default} from "./impl.js"\n',
                "src/app/webhooks/impl.ts": webhook(),
            },
        },
        {
            name: "an untyped .js handler",
            files: {
                "src/app/webhooks/a.webhook.js":
                    "export default async function handler(req) {\n    return new Response(await req.text())\n}\n",
            },
        },
        {
            name: "Request and Response from undici-types and undici are the Fetch API's",
            files: {
                [W]: 'import type {Request} from "undici-types"\nimport {Response} from "undici"\n\nexport default async function handler(req: Request): Promise<Response> {\n    return new Response(null)\n}\n',
            },
        },
        {
            name: "a local alias of globalThis.Request (decided without type information)",
            files: {
                [W]: "type Request = globalThis.Request\n\nexport default async function handler(req: Request) {\n    return new Response(null)\n}\n",
            },
        },
        {
            name: "a Request re-exported by a module of the app (type information)",
            files: {
                [W]: 'import type {Request} from "../lib/http.js"\n\nexport default async function handler(req: Request) {\n    return new Response(null)\n}\n',
                "src/lib/http.ts": "export type Request = globalThis.Request\n",
            },
        },
        {name: "untyped `any` parameter", files: handler("(req: any)")},
        {
            name: "a test file with another signature beside a handler",
            files: {
                [W]: webhook(),
                "src/webhooks/a.webhook.test.ts":
                    "export default async function helper(payload: string, token: string) {\n    return {payload, token}\n}\n",
            },
        },
    ],
    invalid: [
        {
            name: "a generator function",
            files: {[W]: "export default async function* handler(req: Request) {\n    return new Response(null)\n}\n"},
            errors: [{messageId: "generator", line: 1, column: 32, hint: "Drop the `*`"}],
        },
        {
            name: "a payload type instead of Request",
            files: {
                [W]: "type Payload = {id: string}\n\nexport default async function handler(body: Payload) {\n    return new Response(body.id)\n}\n",
            },
            errors: [{messageId: "firstParam", line: 3, column: 39, message: "not `Payload`", hint: "`req: Request`"}],
        },
        {
            name: "the Connection",
            files: {
                "src/app/webhooks/crm/deal.webhook.ts":
                    'import type {Connection} from "attio/server"\n\nexport default async function deal(connection: Connection) {\n    return new Response(connection.id)\n}\n',
            },
            errors: [{messageId: "firstParam", message: "not `Connection`"}],
        },
        {
            name: "an object literal type",
            files: handler("({body}: {body: string})"),
            errors: [{messageId: "firstParam", message: "not `an object`"}],
        },
        {
            name: "a string",
            files: handler("(req: string)"),
            errors: [{messageId: "firstParam", message: "not `string`"}],
        },
        {
            name: "a further required parameter",
            files: handler("(req: Request, secret: string)"),
            errors: [{messageId: "extraParam", line: 1, column: 53, message: "`secret: string` is required"}],
        },
        {
            name: "declared Promise<void>",
            files: handler("(req: Request): Promise<void>"),
            errors: [{messageId: "declaredReturn", line: 1, column: 31, message: "not `Promise<void>`"}],
        },
        {
            name: "declared Promise<string>",
            files: handler("(req: Request): Promise<string>", '    return "ok"'),
            errors: [{messageId: "declaredReturn", message: "not `Promise<string>`"}],
        },
        {
            name: "a declared alias that is no Response (type information)",
            files: {
                [W]: 'type Reply = Promise<string>\n\nexport default async function handler(req: Request): Reply {\n    return "ok"\n}\n',
            },
            errors: [{messageId: "declaredReturn", line: 3, message: "not `Reply`"}],
        },
        {
            name: "an inferred string (type information)",
            files: handler("(req: Request)", "    const text = await req.text()\n    return text"),
            errors: [{messageId: "inferredReturn", line: 1, column: 31}],
        },
        {
            name: "a Request alias that is something else (type information)",
            files: {
                [W]: "type Incoming = {id: string}\n\nexport default async function handler(req: Incoming) {\n    return new Response(req.id)\n}\n",
            },
            errors: [{messageId: "firstParam", message: "not `Incoming`"}],
        },
        {
            name: "a Request imported from a package other than the Fetch API's",
            files: {
                [W]: 'import type {Request} from "express"\n\nexport default async function handler(req: Request) {\n    return new Response(null)\n}\n',
            },
            errors: [{messageId: "firstParam", line: 3, column: 39, message: 'not `Request (from "express")`'}],
        },
        {
            name: "a local interface named Request",
            files: {
                [W]: "interface Request {\n    body: string\n}\n\nexport default async function handler(req: Request) {\n    return new Response(req.body)\n}\n",
            },
            errors: [{messageId: "firstParam", line: 5, message: "`Request (declared in this file)`"}],
        },
        {
            name: "a Request from a module of the app that is a look-alike (type information)",
            files: {
                [W]: 'import type {Request} from "../lib/http.js"\n\nexport default async function handler(req: Request) {\n    return new Response(req.body)\n}\n',
                "src/lib/http.ts": "export interface Request {\n    body: string\n}\n",
            },
            errors: [{messageId: "firstParam", line: 3, message: "not `Request`"}],
        },
        {
            name: "a declared Promise of a look-alike Response class",
            files: {
                [W]: "class Response {\n    constructor(readonly body: string | null) {}\n}\n\nexport default async function handler(req: Request): Promise<Response> {\n    return new Response(null)\n}\n",
            },
            errors: [{messageId: "declaredReturn", line: 5, message: "not the Fetch API's Response"}],
        },
        {
            name: "a declared Promise of an app class that does not extend Response (type information)",
            files: {
                [W]: "class Reply {\n    constructor(readonly body: string) {}\n}\n\nexport default async function handler(req: Request): Promise<Reply> {\n    return new Reply(req.url)\n}\n",
            },
            errors: [{messageId: "declaredReturn", line: 5}],
        },
        {
            name: "a re-exported implementation is reported where it is defined",
            files: {
                "src/app/webhooks/c.webhook.ts": 'export {default} from "./impl.js"\n',
                "src/app/webhooks/impl.ts":
                    "export default async function impl(payload: {id: string}) {\n    return new Response(payload.id)\n}\n",
            },
            errors: [{messageId: "firstParam", file: "src/app/webhooks/impl.ts", line: 1, column: 36}],
        },
        {
            name: "several problems in one handler",
            files: handler("(body: string, token: string): Promise<void>"),
            errors: [
                {messageId: "declaredReturn", column: 31},
                {messageId: "firstParam", column: 39},
                {messageId: "extraParam", column: 53},
            ],
        },
    ],
})
