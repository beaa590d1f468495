import asyncHandler from "../../src/lint/rules/async-handler.js"
import {event, REAL_WORLD_APPS, webhook} from "../support/apps.js"
import {ruleTester} from "../support/rule-tester.js"

ruleTester(asyncHandler, {
    valid: [
        ...REAL_WORLD_APPS,
        {
            name: "async webhook and event, both layouts",
            files: {"src/webhooks/a.webhook.ts": webhook(), "src/app/events/connection-added.event.ts": event()},
        },
        {
            name: "nested async handlers",
            files: {"src/app/webhooks/crm/deal.webhook.ts": webhook(), "src/webhooks/crm/person.webhook.ts": webhook()},
        },
        {
            name: "declared Promise<Response> without async",
            files: {
                "src/webhooks/a.webhook.ts":
                    'export default function proxy(req: Request): Promise<Response> {\n    return fetch("https://example.com", {method: "POST", body: req.body})\n}\n',
            },
        },
        {
            name: "declared Promise<void> event without async",
            files: {
                "src/events/connection-removed.event.ts":
                    "export default function removed(): Promise<void> {\n    return Promise.resolve()\n}\n",
            },
        },
        {
            name: "async arrow",
            files: {"src/app/webhooks/a.webhook.ts": "export default async (req: Request) => new Response(null)\n"},
        },
        {
            name: "async .js handlers",
            files: {
                "src/webhooks/a.webhook.js":
                    "export default async function a(req) {\n    return new Response(null)\n}\n",
                "src/events/connection-added.event.js": "export default async ({connection}) => {}\n",
            },
        },
        {
            name: "export {h as default} of an async function",
            files: {
                "src/webhooks/a.webhook.ts":
                    "async function h(req: Request) {\n    return new Response(null)\n}\n\nexport {h as default}\n",
            },
        },
        {
            name: "export {default} from an async implementation",
            files: {
                "src/webhooks/a.webhook.ts": 'export {default} from "./impl.js"\n',
                "src/webhooks/impl.ts": webhook(),
            },
        },
        {
            name: "a sync default in a test file beside a handler",
            files: {
                "src/webhooks/a.webhook.ts": webhook(),
                "src/webhooks/a.webhook.test.ts": "export default function helper() {}\n",
            },
        },
        {
            name: "a sync helper in a root is no handler",
            files: {
                "src/webhooks/parse.ts":
                    "export default function parse(text: string) {\n    return JSON.parse(text)\n}\n",
            },
        },
        {
            name: "a sync handler outside the roots is webhook-location's business",
            files: {
                "src/handlers/a.webhook.ts":
                    "export default function a(req: Request) {\n    return new Response(null)\n}\n",
            },
        },
        {
            name: "not async but returning a Promise of a Response on every path (the platform awaits it)",
            files: {
                "src/webhooks/a.webhook.ts":
                    'export default function proxy(req: Request) {\n    return fetch("https://example.com", {method: "POST", body: req.body})\n}\n',
                "src/webhooks/b.webhook.ts":
                    "export default (req: Request) => Promise.resolve(new Response(req.url))\n",
                "src/webhooks/c.webhook.ts": [
                    "export default function c(req: Request) {",
                    '    if (req.method !== "POST") return Promise.resolve(new Response(null, {status: 405}))',
                    "    return req",
                    "        .json()",
                    "        .then((body) => {",
                    '            if (!body) throw new Error("empty")',
                    "            return Response.json(body)",
                    "        })",
                    "        .catch(() => new Response(null, {status: 400}))",
                    "        .finally(() => console.log(req.url))",
                    "}",
                    "",
                ].join("\n"),
                "src/app/webhooks/d.webhook.js":
                    'export default (req) => fetch("https://example.com").then((res) => new Response(res.body, {status: res.status}))\n',
            },
        },
        {
            name: "a non-async event returning a Promise on every path",
            files: {
                "src/events/connection-removed.event.ts":
                    'export default function removed() {\n    return fetch("https://example.com", {method: "DELETE"}).then(() => undefined)\n}\n',
                "src/app/events/connection-added.event.js":
                    "export default ({connection}) => new Promise((resolve) => resolve(connection))\n",
            },
        },
    ],
    invalid: [
        {
            name: "not async, and not a Promise of a Response on every path (syntax cannot tell, or it is not)",
            files: {
                "src/webhooks/a.webhook.ts":
                    'export default function a(req: Request) {\n    if (req.method === "GET") return new Response(null)\n    return fetch(req.url)\n}\n',
                "src/webhooks/b.webhook.ts":
                    "export default (req: Request) => req.json().then((body) => JSON.stringify(body))\n",
                "src/webhooks/c.webhook.ts": "export default (req: Request) => Promise.resolve(req.url)\n",
                "src/webhooks/d.webhook.ts":
                    "export default (req: Request) => req.json().catch(() => new Response(null))\n",
                "src/webhooks/e.webhook.ts":
                    'export default function e(req: Request) {\n    if (req.method === "GET") return fetch(req.url)\n}\n',
                "src/webhooks/f.webhook.ts":
                    "export default (req: Request) => forward(req)\n\nasync function forward(req: Request) {\n    return fetch(req.url)\n}\n",
                "src/events/connection-added.event.ts": "export default function added() {\n    console.log(1)\n}\n",
            },
            errors: [
                {messageId: "notAsync", file: "src/events/connection-added.event.ts"},
                {messageId: "notAsync", file: "src/webhooks/a.webhook.ts"},
                {messageId: "notAsync", file: "src/webhooks/b.webhook.ts"},
                {messageId: "notAsync", file: "src/webhooks/c.webhook.ts"},
                {messageId: "notAsync", file: "src/webhooks/d.webhook.ts"},
                {messageId: "notAsync", file: "src/webhooks/e.webhook.ts"},
                {messageId: "notAsync", file: "src/webhooks/f.webhook.ts"},
            ],
            output: null,
        },
        {
            name: "a sync webhook function",
            files: {
                "src/webhooks/a.webhook.ts":
                    "export default function handler(req: Request) {\n    return new Response(null)\n}\n",
            },
            errors: [
                {messageId: "notAsync", line: 1, column: 25, message: "This webhook handler", hint: "Add `async`"},
            ],
            output: {
                "src/webhooks/a.webhook.ts":
                    "export default async function handler(req: Request) {\n    return new Response(null)\n}\n",
            },
        },
        {
            name: "a sync webhook declared to return Response",
            files: {
                "src/app/webhooks/crm/deal.webhook.ts":
                    "export default function deal(req: Request): Response {\n    return new Response(null)\n}\n",
            },
            errors: [{messageId: "notAsync", line: 1, column: 25}],
            output: null,
        },
        {
            name: "a sync event",
            files: {
                "src/events/connection-added.event.ts":
                    "export default function added({connection}: {connection: unknown}) {\n    console.log(connection)\n}\n",
            },
            errors: [{messageId: "notAsync", message: "This event handler"}],
            output: null,
        },
        {
            name: "a sync arrow in a .js handler",
            files: {"src/app/webhooks/a.webhook.js": "export default (req) => new Response(null)\n"},
            errors: [{messageId: "notAsync", line: 1, column: 16}],
            output: {"src/app/webhooks/a.webhook.js": "export default async (req) => new Response(null)\n"},
        },
        {
            name: "a sync function behind export {h as default}",
            files: {
                "src/webhooks/a.webhook.ts":
                    "function h(req: Request) {\n    return new Response(null)\n}\n\nexport {h as default}\n",
            },
            errors: [{messageId: "notAsync", line: 1, column: 10}],
            output: {
                "src/webhooks/a.webhook.ts":
                    "async function h(req: Request) {\n    return new Response(null)\n}\n\nexport {h as default}\n",
            },
        },
        {
            name: "a sync implementation re-exported: reported where it is defined",
            files: {
                "src/app/events/connection-removed.event.ts": 'export {default} from "../../cleanup.js"\n',
                "src/cleanup.ts": "export default function cleanup() {}\n",
            },
            errors: [{messageId: "notAsync", file: "src/cleanup.ts", line: 1, column: 25}],
            output: null,
        },
    ],
})
