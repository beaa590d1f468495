/** The invalid cases of test/rules/webhook-response.test.ts (copied by copy-cases.js: the rule tests build their apps in code). */
import type {Case} from "./case.js"

const cases: Case[] = [
    {
        name: "falls off the end",
        files: {
            "src/webhooks/hook.webhook.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    await req.text()\n}\n",
        },
    },
    {
        name: "bare return",
        files: {
            "src/webhooks/hook.webhook.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    if (!req.body) return\n    return new Response(null)\n}\n",
        },
    },
    {
        name: "catch block without return",
        files: {
            "src/webhooks/hook.webhook.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    try {\n        return new Response(null)\n    } catch (error) {\n        console.error(error)\n    }\n}\n",
        },
    },
    {
        name: "if without else",
        files: {
            "src/webhooks/hook.webhook.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    if (req.body) {\n        return new Response(null)\n    }\n}\n",
        },
    },
    {
        name: "switch without default",
        files: {
            "src/webhooks/hook.webhook.ts":
                'export default async function handler(req: Request): Promise<Response> {\n    switch (req.method) {\n        case "POST":\n            return new Response(null)\n    }\n}\n',
        },
    },
    {
        name: "a switch that is not exhaustive, and a call that returns (type information)",
        files: {
            "src/app/webhooks/a.webhook.ts":
                'type Kind = "read" | "write" | "delete"\n\nexport default async function a(req: Request): Promise<Response> {\n    const kind = req.headers.get("x-kind") as Kind\n    switch (kind) {\n        case "read":\n            return new Response("read")\n        case "write":\n            return new Response("write")\n    }\n}\n',
            "src/app/webhooks/b.webhook.ts":
                'function log(message: string) {\n    return message.length\n}\n\nexport default async function b(req: Request) {\n    if (req.method === "POST") return new Response("ok")\n    log("unexpected method")\n}\n',
            "src/app/webhooks/c.webhook.ts":
                'export default async function c(req: Request): Promise<Response> {\n    const items = (await req.json()) as string[]\n    items.forEach((item) => {\n        if (item === "stop") return new Response("stopped")\n    })\n}\n',
        },
    },
    {
        name: "ends the checker does not report: no return at all, and a .js handler (type information)",
        files: {
            "src/app/webhooks/a.webhook.ts":
                "function handle(req: Request) {\n    console.log(req.url)\n}\n\nexport default async function a(req: Request) {\n    handle(req)\n}\n",
            "src/app/webhooks/b.webhook.ts":
                'type Kind = "x" | "y"\n\nexport default async function b(req: Request) {\n    const kind = req.headers.get("k") as Kind\n    switch (kind) {\n        case "x":\n            console.log("x")\n    }\n}\n',
            "src/app/webhooks/c.webhook.ts":
                "export default async (req: Request) => {\n    void req\n    queueMicrotask(() => {})\n}\n",
            "src/app/webhooks/j.webhook.js":
                'function log(req) {\n    console.log(req.url)\n}\n\nexport default async function j(req) {\n    if (req.method === "GET") return new Response("ok")\n    log(req)\n}\n',
        },
    },
    {
        name: "break out of switch",
        files: {
            "src/webhooks/hook.webhook.ts":
                'export default async function handler(req: Request): Promise<Response> {\n    switch (req.method) {\n        case "POST":\n            break\n        default:\n            return new Response(null)\n    }\n}\n',
        },
    },
    {
        name: "a nested .js handler in the src/app layout falls off the end",
        files: {
            "src/app/webhooks/crm/deal.webhook.js":
                "export default async function deal(req) {\n    console.log(await req.text())\n}\n",
        },
    },
    {
        name: "the seed's shape with the catch's return forgotten",
        files: {
            "src/webhooks/hook.webhook.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    try {\n        await req.json()\n        return new Response(null, {status: 200})\n    } catch (error) {\n        console.error(error)\n    }\n}\n",
        },
    },
    {
        name: "a re-exported implementation is reported where it is defined",
        files: {
            "src/webhooks/a.webhook.ts": 'export {default} from "../impl/a.js"\n',
            "src/impl/a.ts": "export default async function a(req: Request) {\n    await req.text()\n}\n",
        },
    },
    {
        name: "return null",
        files: {
            "src/webhooks/hook.webhook.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    return null\n}\n",
        },
    },
    {
        name: "return undefined and return void 0",
        files: {
            "src/webhooks/hook.webhook.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    if (!req.body) return undefined\n    return void 0\n}\n",
        },
    },
    {
        name: "a returned object, string and number (no declared type)",
        files: {
            "src/app/webhooks/a.webhook.ts":
                'export default async function handler(req: Request) {\n    if (req.method === "GET") return {ok: true}\n    if (req.method === "HEAD") return 204\n    return "ok"\n}\n',
        },
    },
    {
        name: "a string from a .js handler",
        files: {
            "src/webhooks/a.webhook.js": 'export default async function handler(req) {\n    return "ok"\n}\n',
        },
    },
    {
        name: "an arrow whose body is null",
        files: {
            "src/webhooks/a.webhook.ts": "export default async (req: Request) => null\n",
        },
    },
    {
        name: "a look-alike Response class declared in the file",
        files: {
            "src/webhooks/a.webhook.ts":
                "class Response {\n    constructor(readonly body: string) {}\n}\n\nexport default async function handler(req: Request) {\n    return new Response(await req.text())\n}\n",
        },
    },
    {
        name: "Response imported from a package that is not the Fetch API",
        files: {
            "src/webhooks/a.webhook.ts":
                'import {Response} from "express"\n\nexport default async function handler(req: Request) {\n    return Response.json({ok: true})\n}\n',
        },
    },
    {
        name: "a bare return deep in loops, labels, try and switch",
        files: {
            "src/webhooks/hook.webhook.ts":
                'export default async function handler(req: Request): Promise<Response> {\n    outer: for (const part of await req.formData()) {\n        try {\n            switch (part[0]) {\n                case "stop":\n                    return\n            }\n        } finally {\n            continue outer\n        }\n    }\n    return new Response(null)\n}\n',
        },
    },
    {
        name: "a bare return in each kind of loop, a catch clause and a default clause",
        files: {
            "src/webhooks/hook.webhook.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    while (await req.text()) {\n        return\n    }\n    do {\n        return\n    } while (false)\n    for (;;) {\n        return\n    }\n    for (const key in req.headers) {\n        return\n    }\n    try {\n        await req.json()\n    } catch {\n        return\n    }\n    switch (req.method) {\n        default:\n            return\n    }\n}\n",
        },
    },
    {
        name: "several bare returns",
        files: {
            "src/webhooks/hook.webhook.ts":
                'export default async function handler(req: Request): Promise<Response> {\n    if (req.method === "GET") return\n    if (req.method === "HEAD") {\n        return\n    }\n    return new Response(null)\n}\n',
        },
    },
]

export default cases
