import parseError from "../../src/lint/rules/parse-error.js"
import {REAL_WORLD_APPS, webhook} from "../support/apps.js"
import {ruleTester} from "../support/rule-tester.js"

const BROKEN = "export default async function handler(req: Request) {\n    return new Response(\n"

ruleTester(parseError, {
    valid: [
        ...REAL_WORLD_APPS,
        {
            name: "a broken file that is neither a handler nor calls the SDK",
            files: {"src/webhooks/a.webhook.ts": webhook(), "src/utils/format.ts": "export const = 1\n"},
        },
        {
            name: "a broken schema module inside a webhook root",
            files: {"src/app/webhooks/schemas.ts": "export const schema = {\n"},
        },
        {
            name: "a broken test file beside a handler is no handler",
            files: {"src/webhooks/a.webhook.ts": webhook(), "src/webhooks/a.webhook.test.ts": BROKEN},
        },
        {
            name: "a broken spec file beside an event is no handler",
            files: {"src/app/events/connection-added.event.spec.ts": BROKEN},
        },
        {
            name: "a broken file with a local createWebhookHandler (not from attio/server)",
            files: {
                "src/lib/hooks.ts":
                    'function createWebhookHandler(o: {fileName: string}) {}\ncreateWebhookHandler({fileName: "a"\n',
            },
        },
        {
            name: "a .js handler with plain JavaScript",
            files: {
                "src/app/webhooks/crm/deal.webhook.js":
                    "export default async function deal(req) {\n    return new Response(await req.text())\n}\n",
            },
        },
        {
            name: "a .js handler with modern JavaScript that TypeScript-looking code is not",
            files: {
                "src/app/webhooks/deal.webhook.js": [
                    "/** @param {Request} req @returns {Promise<Response>} */",
                    "export default async function deal(req) {",
                    "    class Parser {",
                    "        #seen = new Set()",
                    "        static of(text) {",
                    "            return text ? JSON.parse(text) : undefined",
                    "        }",
                    "    }",
                    "    const a = 1, b = 2, c = 3",
                    "    const body = Parser.of(await req.text())?.data ?? (a < b > c)",
                    "    return new Response(String(body))",
                    "}",
                    "",
                ].join("\n"),
            },
        },
        {
            name: "a misnamed .mjs handler the build never reads (webhook-location reports it)",
            files: {"src/app/webhooks/deal.webhook.mjs": "export default async function deal(req: Request) {}\n"},
        },
    ],
    invalid: [
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
            errors: [
                {
                    messageId: "syntax",
                    file: "src/app/events/connection-added.event.js",
                    line: 1,
                    message: "'interface' declarations can only be used in TypeScript files",
                },
                {
                    messageId: "syntax",
                    file: "src/app/events/connection-removed.event.js",
                    line: 2,
                    column: 5,
                    message: "The 'private' modifier",
                },
                {
                    messageId: "syntax",
                    file: "src/app/webhooks/a.webhook.js",
                    line: 1,
                    column: 38,
                    message: "Type annotations can only be used in TypeScript files",
                },
                {
                    messageId: "syntax",
                    file: "src/app/webhooks/b.webhook.js",
                    line: 1,
                    message: "Type-only imports and exports",
                },
                {messageId: "syntax", file: "src/app/webhooks/c.webhook.js", message: "Type assertion expressions"},
                {messageId: "syntax", file: "src/app/webhooks/d.webhook.js", message: "'enum' declarations"},
                {messageId: "syntax", file: "src/app/webhooks/e.webhook.js", message: "Non-null assertions"},
                {messageId: "syntax", file: "src/app/webhooks/f.webhook.js", message: "Type parameter declarations"},
                {messageId: "syntax", file: "src/app/webhooks/g.webhook.js", message: "The '?' modifier"},
                {messageId: "syntax", file: "src/app/webhooks/h.webhook.js", column: 29, message: "Type annotations"},
                {messageId: "syntax", file: "src/app/webhooks/i.webhook.js", column: 19, message: "Type annotations"},
                {messageId: "syntax", file: "src/app/webhooks/j.webhook.js", message: "Type arguments"},
            ],
        },
        {
            name: "a module a handler bundles (imported, re-exported, further down) that does not parse",
            files: {
                "src/app/webhooks/deal.webhook.js":
                    'import {parse} from "../lib/parse.js"\n\nexport default async (req) => new Response(parse(await req.text()))\n',
                "src/app/lib/parse.js":
                    'export {format} from "./format.js"\nexport const parse = (text: string) => text\n',
                "src/app/lib/format.js": "export const format = (text) => text as string\n",
                "src/app/lib/unused.js": "export const unused = (text: string) => text\n",
            },
            errors: [
                {messageId: "syntax", file: "src/app/lib/format.js", message: "Type assertion expressions"},
                {messageId: "syntax", file: "src/app/lib/parse.js", line: 2, message: "Type annotations"},
            ],
        },
        {
            name: "JSX in a .js handler: the build's JavaScript loader has JSX off",
            files: {
                "src/webhooks/page.webhook.js":
                    "const page = <p>hi</p>\n\nexport default async (req) => new Response(String(page))\n",
            },
            errors: [
                {
                    messageId: "syntax",
                    line: 1,
                    column: 14,
                    message: "The JSX syntax extension is not enabled in .js files",
                },
            ],
        },
        {
            name: "a webhook handler that does not parse",
            files: {"src/webhooks/a.webhook.ts": BROKEN},
            errors: [{messageId: "syntax", file: "src/webhooks/a.webhook.ts", line: 3, message: "does not parse"}],
        },
        {
            name: "an event handler in the src/app layout that does not parse",
            files: {
                "src/app/events/connection-added.event.ts":
                    "export default async function ({connection}) {\n    if (connection {\n    }\n}\n",
            },
            errors: [
                {
                    messageId: "syntax",
                    file: "src/app/events/connection-added.event.ts",
                    line: 2,
                    column: 20,
                    message: "')' expected",
                },
            ],
        },
        {
            name: "a nested .js handler that does not parse",
            files: {
                "src/webhooks/crm/deal.webhook.js":
                    "export default async function deal(req) {\n    return new Response(null, {status: 200)\n}\n",
            },
            errors: [{messageId: "syntax", file: "src/webhooks/crm/deal.webhook.js", line: 2}],
        },
        {
            name: "a helper outside the handler roots that calls createWebhookHandler",
            files: {
                "src/app/webhooks/a.webhook.ts": webhook(),
                "src/server/register.ts":
                    'import {createWebhookHandler} from "attio/server"\n\nexport async function register() {\n    await createWebhookHandler({fileName: "a"}\n}\n',
            },
            errors: [{messageId: "syntax", file: "src/server/register.ts", line: 5}],
        },
        {
            name: "every broken handler is reported, the good ones are still checked",
            files: {
                "src/webhooks/a.webhook.ts": BROKEN,
                "src/webhooks/b.webhook.ts": webhook(),
                "src/app/webhooks/c.webhook.ts":
                    "export default async function c(req: Request) {\n    return new Response(null\n}\n",
            },
            errors: [
                {messageId: "syntax", file: "src/app/webhooks/c.webhook.ts"},
                {messageId: "syntax", file: "src/webhooks/a.webhook.ts"},
            ],
        },
        {
            name: "a binary handler file",
            files: {"src/webhooks/a.webhook.ts": "\u0000\u0001\u0002binary"},
            errors: [{messageId: "unreadable", line: 1, column: 1, message: "is not a text file"}],
        },
    ],
})
