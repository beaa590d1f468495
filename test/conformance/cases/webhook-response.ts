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
