import webhookResponse from "../../src/lint/rules/webhook-response.js"
import {REAL_WORLD_APPS} from "../support/apps.js"
import fs from "node:fs"

import {expect, it} from "vitest"

import {lint} from "../../src/index.js"
import {RULE_IDS} from "../../src/lint/rules/index.js"
import {ruleTester, writeApp} from "../support/rule-tester.js"

const handler = (body: string) => ({
    "src/webhooks/hook.webhook.ts": `export default async function handler(req: Request): Promise<Response> {\n${body}\n}\n`,
})

ruleTester(webhookResponse, {
    valid: [
        ...REAL_WORLD_APPS,
        {name: "returns a Response", files: handler("    return new Response(null, {status: 200})")},
        {
            name: "try/catch both returning (the seed's shape)",
            files: handler(
                "    try {\n        await req.json()\n        return new Response(null, {status: 200})\n    } catch (error) {\n        console.error(error)\n        return new Response(null, {status: 500})\n    }"
            ),
        },
        {
            name: "early returns from switch cases with a default",
            files: handler(
                '    const body = await req.json()\n    switch (body.type) {\n        case "a":\n            return new Response("a")\n        case "b":\n        case "c":\n            return new Response("bc")\n        default:\n            return new Response(null, {status: 400})\n    }'
            ),
        },
        {
            name: "throw counts as leaving",
            files: handler('    if (!req.body) throw new Error("no body")\n    return Response.json({ok: true})'),
        },
        {
            name: "if/else both returning",
            files: handler(
                '    if (req.method === "POST") {\n        return new Response("p")\n    } else {\n        return new Response("g")\n    }'
            ),
        },
        {
            name: "arrow with expression body",
            files: {"src/app/webhooks/a.webhook.ts": "export default async (req: Request) => new Response(null)\n"},
        },
        {
            name: "nested functions' bare returns are theirs",
            files: handler("    const f = () => {\n        return\n    }\n    f()\n    return new Response(null)"),
        },
        {
            name: "bare returns in callbacks and class methods inside expressions are theirs",
            files: handler(
                "    const items: string[] = await req.json()\n    items.forEach((item) => {\n        if (!item) return\n    })\n    const Box = class {\n        open() {\n            return\n        }\n    }\n    new Box().open()\n    return new Response(null)"
            ),
        },
        {
            name: "a .js handler",
            files: {
                "src/webhooks/a.webhook.js":
                    "export default async function handler(req) {\n    return new Response(null)\n}\n",
            },
        },
        {
            name: "a return in finally covers the paths",
            files: handler(
                "    try {\n        await req.json()\n    } finally {\n        return new Response(null)\n    }"
            ),
        },
        {
            name: "a catch that throws",
            files: handler(
                '    try {\n        return new Response(await req.text())\n    } catch (error) {\n        throw new Error("bad body", {cause: error})\n    }'
            ),
        },
        {
            name: "an endless loop that returns",
            files: handler("    while (true) {\n        if (await req.text()) return new Response(null)\n    }"),
        },
        {
            name: "export {h as default}",
            files: {
                "src/app/webhooks/crm/deal.webhook.ts":
                    "async function h(req: Request) {\n    return new Response(null)\n}\n\nexport {h as default}\n",
            },
        },
        {
            name: "a helper in a root and a test beside a handler may fall off the end",
            files: {
                "src/webhooks/log.ts":
                    "export default async function log(req: Request) {\n    console.log(req.url)\n}\n",
                "src/webhooks/a.webhook.test.ts":
                    "export default async function t(req: Request) {\n    await req.text()\n}\n",
            },
        },
        {
            name: "Response imported from undici is the Fetch API's",
            files: {
                "src/webhooks/hook.webhook.ts":
                    'import {Response} from "undici"\n\nexport default async function handler(req: Request) {\n    return Response.json({ok: true})\n}\n',
            },
        },
        {
            name: "a Response from a module of the app may be the Fetch API's (no syntactic finding)",
            files: {
                "src/webhooks/hook.webhook.ts":
                    'import {Response} from "../lib/http.js"\n\nexport default async function handler(req: Request) {\n    return new Response(null)\n}\n',
                "src/lib/http.ts": "export const Response = globalThis.Response\n",
            },
        },
        {
            name: "a switch exhaustive over a union, and a call of a function returning never (type information)",
            files: {
                "src/app/lib/fail.ts":
                    "export function fail(message: string): never {\n    throw new Error(message)\n}\n",
                "src/app/webhooks/a.webhook.ts":
                    'type Kind = "read" | "write"\n\nexport default async function a(req: Request): Promise<Response> {\n    const kind: Kind = req.method === "GET" ? "read" : "write"\n    switch (kind) {\n        case "read":\n            return new Response("read")\n        case "write":\n            return new Response("write")\n    }\n}\n',
                "src/app/webhooks/b.webhook.ts":
                    'import {fail} from "../lib/fail"\n\nexport default async function b(req: Request) {\n    if (req.method === "POST") return new Response("ok")\n    fail("unexpected method")\n}\n',
            },
        },
        {
            name: "events return nothing",
            files: {"src/events/connection-added.event.ts": "export default async function added() {\n    return\n}\n"},
        },
    ],
    invalid: [
        {name: "falls off the end", files: handler("    await req.text()"), errors: [{messageId: "end", line: 3}]},
        {
            name: "bare return",
            files: handler("    if (!req.body) return\n    return new Response(null)"),
            errors: [{messageId: "bare-return", line: 2, column: 20}],
        },
        {
            name: "catch block without return",
            files: handler(
                "    try {\n        return new Response(null)\n    } catch (error) {\n        console.error(error)\n    }"
            ),
            errors: [{messageId: "catch", line: 4, column: 7}],
        },
        {
            name: "if without else",
            files: handler("    if (req.body) {\n        return new Response(null)\n    }"),
            errors: [{messageId: "if", line: 2}],
        },
        {
            name: "switch without default",
            files: handler(
                '    switch (req.method) {\n        case "POST":\n            return new Response(null)\n    }'
            ),
            errors: [{messageId: "end"}],
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
            errors: [
                {messageId: "end", file: "src/app/webhooks/a.webhook.ts", line: 11},
                {messageId: "end", file: "src/app/webhooks/b.webhook.ts", line: 8},
                {messageId: "end", file: "src/app/webhooks/c.webhook.ts", line: 6},
            ],
        },
        {
            // The checker is silent on these (no declared return type and no `return`; JavaScript is not type-checked),
            // so its silence must not count as "the end is not reached".
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
            errors: [
                {messageId: "end", file: "src/app/webhooks/a.webhook.ts", line: 7},
                {messageId: "end", file: "src/app/webhooks/b.webhook.ts", line: 9},
                {messageId: "end", file: "src/app/webhooks/c.webhook.ts", line: 4},
                {messageId: "end", file: "src/app/webhooks/j.webhook.js", line: 8},
            ],
        },
        {
            name: "break out of switch",
            files: handler(
                '    switch (req.method) {\n        case "POST":\n            break\n        default:\n            return new Response(null)\n    }'
            ),
            errors: [{messageId: "end"}],
        },
        {
            name: "a nested .js handler in the src/app layout falls off the end",
            files: {
                "src/app/webhooks/crm/deal.webhook.js":
                    "export default async function deal(req) {\n    console.log(await req.text())\n}\n",
            },
            errors: [
                {
                    messageId: "end",
                    file: "src/app/webhooks/crm/deal.webhook.js",
                    line: 3,
                    column: 1,
                    hint: "Return a Response",
                },
            ],
        },
        {
            name: "the seed's shape with the catch's return forgotten",
            files: handler(
                "    try {\n        await req.json()\n        return new Response(null, {status: 200})\n    } catch (error) {\n        console.error(error)\n    }"
            ),
            errors: [{messageId: "catch", line: 5, column: 7}],
        },
        {
            name: "a re-exported implementation is reported where it is defined",
            files: {
                "src/webhooks/a.webhook.ts": 'export {default} from "../impl/a.js"\n',
                "src/impl/a.ts": "export default async function a(req: Request) {\n    await req.text()\n}\n",
            },
            errors: [{messageId: "end", file: "src/impl/a.ts", line: 3}],
        },
        {
            name: "return null",
            files: handler("    return null"),
            errors: [{messageId: "notResponse", line: 2, column: 12, message: "returns `null`, not a Response"}],
        },
        {
            name: "return undefined and return void 0",
            files: handler("    if (!req.body) return undefined\n    return void 0"),
            errors: [
                {messageId: "notResponse", line: 2, column: 27},
                {messageId: "notResponse", line: 3},
            ],
        },
        {
            name: "a returned object, string and number (no declared type)",
            files: {
                "src/app/webhooks/a.webhook.ts":
                    'export default async function handler(req: Request) {\n    if (req.method === "GET") return {ok: true}\n    if (req.method === "HEAD") return 204\n    return "ok"\n}\n',
            },
            errors: [
                {messageId: "notResponse", line: 2, column: 38, message: "`{ok: true}`"},
                {messageId: "notResponse", line: 3, column: 39},
                {messageId: "notResponse", line: 4, column: 12},
            ],
        },
        {
            name: "a string from a .js handler",
            files: {"src/webhooks/a.webhook.js": 'export default async function handler(req) {\n    return "ok"\n}\n'},
            errors: [{messageId: "notResponse", message: '`"ok"`'}],
        },
        {
            name: "an arrow whose body is null",
            files: {"src/webhooks/a.webhook.ts": "export default async (req: Request) => null\n"},
            errors: [{messageId: "notResponse", line: 1, column: 40}],
        },
        {
            name: "a look-alike Response class declared in the file",
            files: {
                "src/webhooks/a.webhook.ts":
                    "class Response {\n    constructor(readonly body: string) {}\n}\n\nexport default async function handler(req: Request) {\n    return new Response(await req.text())\n}\n",
            },
            errors: [{messageId: "notResponse", line: 6, column: 12}],
        },
        {
            name: "Response imported from a package that is not the Fetch API",
            files: {
                "src/webhooks/a.webhook.ts":
                    'import {Response} from "express"\n\nexport default async function handler(req: Request) {\n    return Response.json({ok: true})\n}\n',
            },
            errors: [{messageId: "notResponse", line: 4}],
        },
        {
            name: "a bare return deep in loops, labels, try and switch",
            files: handler(
                '    outer: for (const part of await req.formData()) {\n        try {\n            switch (part[0]) {\n                case "stop":\n                    return\n            }\n        } finally {\n            continue outer\n        }\n    }\n    return new Response(null)'
            ),
            errors: [{messageId: "bare-return", line: 6, column: 21}],
        },
        {
            name: "a bare return in each kind of loop, a catch clause and a default clause",
            files: handler(
                [
                    "    while (await req.text()) {\n        return\n    }",
                    "    do {\n        return\n    } while (false)",
                    "    for (;;) {\n        return\n    }",
                    "    for (const key in req.headers) {\n        return\n    }",
                    "    try {\n        await req.json()\n    } catch {\n        return\n    }",
                    "    switch (req.method) {\n        default:\n            return\n    }",
                ].join("\n")
            ),
            errors: [3, 6, 9, 12, 17, 21].map((line) => ({messageId: "bare-return", line})),
        },
        {
            name: "several bare returns",
            files: handler(
                '    if (req.method === "GET") return\n    if (req.method === "HEAD") {\n        return\n    }\n    return new Response(null)'
            ),
            errors: [
                {messageId: "bare-return", line: 2, column: 31},
                {messageId: "bare-return", line: 4, column: 9},
            ],
        },
    ],
})

it("judges handlers without type information, even where a default export needs it to be judged a function", async () => {
    const root = writeApp({
        "src/webhooks/a.webhook.ts":
            "function wrap(fn: (req: Request) => Promise<Response>) {\n    return fn\n}\n\nexport default wrap(async () => new Response(null))\n",
        "src/webhooks/b.webhook.ts": "export default async function b(req: Request) {\n    await req.text()\n}\n",
    })
    try {
        const rules = Object.fromEntries(
            RULE_IDS.map((id) => [id, id === "webhook-response" ? "error" : "off"] as const)
        )
        const report = await lint({cwd: root, rules})
        expect(report.errorCount).toBe(1)
        expect(report.stats.typeCheckedFiles).toEqual([])
    } finally {
        fs.rmSync(root, {recursive: true, force: true})
    }
})
