import defaultExport from "../../src/lint/rules/default-export.js"
import {event, REAL_WORLD_APPS, webhook} from "../support/apps.js"
import {describe, expect, it} from "vitest"

import {lintWithOnly, ruleTester, writeApp} from "../support/rule-tester.js"

const IMPL =
    "export default async function handler(req: Request): Promise<Response> {\n    return new Response(null)\n}\n"

ruleTester(defaultExport, {
    valid: [
        ...REAL_WORLD_APPS,
        {
            name: "export default async function, both layouts",
            files: {"src/webhooks/a.webhook.ts": webhook(), "src/app/events/connection-added.event.ts": event()},
        },
        {
            name: "an anonymous default function",
            files: {
                "src/webhooks/a.webhook.ts":
                    "export default async function (req: Request) {\n    return new Response(null)\n}\n",
            },
        },
        {
            name: "an arrow",
            files: {"src/app/webhooks/a.webhook.ts": "export default async (req: Request) => new Response(null)\n"},
        },
        {
            name: "export {h as default}",
            files: {
                "src/webhooks/a.webhook.ts":
                    "async function h(req: Request) {\n    return new Response(null)\n}\n\nexport {h as default}\n",
            },
        },
        {
            name: "export default ident (a const arrow)",
            files: {
                "src/webhooks/a.webhook.ts":
                    "const h = async (req: Request) => new Response(null)\n\nexport default h\n",
            },
        },
        {
            name: "export default ident declared after the export",
            files: {"src/app/events/connection-added.event.ts": "export default added\n\nasync function added() {}\n"},
        },
        {
            name: "export {default} from a module in the root",
            files: {"src/webhooks/a.webhook.ts": 'export {default} from "./impl"\n', "src/webhooks/impl.ts": IMPL},
        },
        {
            name: "export {x as default} from a module, through `export *`",
            files: {
                "src/app/webhooks/crm/deal.webhook.ts":
                    'export {handleDeal as default} from "../../../handlers/index.js"\n',
                "src/handlers/index.ts": 'export * from "./deal.js"\n',
                "src/handlers/deal.ts": "export const handleDeal = async (req: Request) => new Response(null)\n",
            },
        },
        {
            name: "export {default} from a module whose default is re-exported from a package",
            files: {
                "src/webhooks/a.webhook.ts": 'export {default} from "./impl.js"\n',
                "src/webhooks/impl.ts": 'export {default} from "@acme/handlers"\n',
            },
        },
        {
            name: "export {x as default} from a module that re-exports a package with `export *`",
            files: {
                "src/webhooks/a.webhook.ts": 'export {handle as default} from "./impl.js"\n',
                "src/webhooks/impl.ts": 'export * from "@acme/handlers"\n',
            },
        },
        {
            name: "a member of a module's namespace, an alias of one and a member of a barrel's `export * as`",
            files: {
                "src/webhooks/a.webhook.ts": 'import * as impl from "../lib/impl.js"\n\nexport default impl.handle\n',
                "src/webhooks/b.webhook.ts":
                    'import * as impl from "../lib/impl.js"\n\nconst {handle} = impl\n\nexport default handle\n',
                "src/webhooks/c.webhook.ts":
                    'import {handlers} from "../lib/index.js"\n\nexport default handlers.handle\n',
                "src/lib/index.ts": 'export * as handlers from "./impl.js"\n',
                "src/lib/impl.ts":
                    "export async function handle(req: Request): Promise<Response> {\n    return new Response(null)\n}\n",
            },
        },
        {
            name: "an imported default, re-exported",
            files: {
                "src/webhooks/a.webhook.ts": 'import handler from "../lib/handler.js"\n\nexport default handler\n',
                "src/lib/handler.ts": IMPL,
            },
        },
        {
            name: "a .js handler and a .js event",
            files: {
                "src/webhooks/a.webhook.js":
                    "export default async function a(req) {\n    return new Response(null)\n}\n",
                "src/events/connection-removed.event.js": "export default async () => {}\n",
            },
        },
        {
            name: "a wrapper from a package that is not installed",
            files: {
                "src/webhooks/a.webhook.ts":
                    'import {withSentry} from "@sentry/serverless"\n\nasync function h(req: Request) {\n    return new Response(null)\n}\n\nexport default withSentry(h)\n',
            },
        },
        {
            name: "a local wrapper that returns a function (type information)",
            files: {
                "src/webhooks/a.webhook.ts":
                    "function wrap(fn: (req: Request) => Promise<Response>) {\n    return async (req: Request) => fn(req)\n}\n\nexport default wrap(async () => new Response(null))\n",
            },
        },
        {
            name: "a test file beside a handler needs no default export",
            files: {
                "src/webhooks/a.webhook.ts": webhook(),
                "src/webhooks/a.webhook.test.ts": 'import {it} from "vitest"\n\nit("works", () => {})\n',
            },
        },
        {name: "a file outside the roots is no handler", files: {"src/handlers/a.webhook.ts": "export const a = 1\n"}},
    ],
    invalid: [
        {
            name: "only a named export",
            files: {
                "src/webhooks/a.webhook.ts":
                    "export async function handler(req: Request) {\n    return new Response(null)\n}\n",
            },
            errors: [
                {
                    messageId: "missing",
                    line: 1,
                    column: 1,
                    message: "Default export not found in module a",
                    hint: "export default async function",
                },
            ],
        },
        {
            name: "a nested handler with no export at all",
            files: {
                "src/app/webhooks/crm/deal.webhook.ts":
                    "async function handler(req: Request) {\n    return new Response(null)\n}\n",
            },
            errors: [{messageId: "missing", message: "module crm/deal"}],
        },
        {
            name: "a .js event with only a named export",
            files: {"src/events/connection-added.event.js": "export const added = async ({connection}) => {}\n"},
            errors: [{messageId: "missing", message: "module connection-added"}],
        },
        {
            name: "an object",
            files: {
                "src/webhooks/a.webhook.ts":
                    "async function handler(req: Request) {\n    return new Response(null)\n}\n\nexport default {handler}\n",
            },
            errors: [
                {
                    messageId: "notFunction",
                    line: 5,
                    column: 1,
                    message: 'is an object, not a function; the platform fails with "a does not export a function"',
                },
            ],
        },
        {
            name: "a class",
            files: {
                "src/app/webhooks/a.webhook.ts":
                    "export default class Handler {\n    async fetch(req: Request) {\n        return new Response(null)\n    }\n}\n",
            },
            errors: [{messageId: "notFunction", message: "a class"}],
        },
        {
            // Undefined at run time (a ReferenceError with const): once read as a stack overflow, "nested too deeply".
            name: "names whose values refer to each other",
            files: {"src/webhooks/a.webhook.ts": "var a = b\nvar b = a\nexport default a\n"},
            errors: [{messageId: "notFunction", line: 3, message: "`a`, whose value refers back to itself"}],
        },
        {
            name: "export {config as default} of an object",
            files: {"src/webhooks/a.webhook.ts": 'const config = {path: "/a"}\n\nexport {config as default}\n'},
            errors: [{messageId: "notFunction", line: 3, column: 9, message: "an object"}],
        },
        {
            name: "export {default} from a module whose default is a string",
            files: {
                "src/webhooks/a.webhook.ts": 'export {default} from "./name.js"\n',
                "src/webhooks/name.ts": 'export default "a"\n',
            },
            errors: [
                {messageId: "notFunction", file: "src/webhooks/a.webhook.ts", line: 1, column: 9, message: "a string"},
            ],
        },
        {
            name: "export {default} from a module that has no default export",
            files: {
                "src/webhooks/a.webhook.ts": 'export {default} from "./impl.js"\n',
                "src/webhooks/impl.ts": "export async function h(req: Request) {\n    return new Response(null)\n}\n",
            },
            errors: [
                {
                    messageId: "missingTarget",
                    file: "src/webhooks/a.webhook.ts",
                    line: 1,
                    column: 9,
                    message: 'comes from "./impl.js", which has no export `default`: `attio build` fails',
                },
            ],
        },
        {
            name: "export {x as default} from a module without x, through `export *`",
            files: {
                "src/app/webhooks/a.webhook.ts": 'export {handleA as default} from "../../handlers/index.js"\n',
                "src/handlers/index.ts": 'export * from "./b.js"\n',
                "src/handlers/b.ts": "export const handleB = async (req: Request) => new Response(null)\n",
            },
            errors: [
                {messageId: "missingTarget", file: "src/app/webhooks/a.webhook.ts", message: "has no export `handleA`"},
            ],
        },
        {
            name: "a member that the namespace of a module lacks",
            files: {
                "src/webhooks/a.webhook.ts": 'import * as impl from "./impl.js"\n\nexport default impl.handle\n',
                "src/webhooks/impl.ts": "export async function h(req: Request) {\n    return new Response(null)\n}\n",
            },
            errors: [{messageId: "missingTarget", message: 'comes from "./impl.js", which has no export `handle`'}],
        },
        {
            name: "a namespace import, default-exported",
            files: {
                "src/webhooks/a.webhook.ts": 'import * as impl from "./impl.js"\n\nexport {impl as default}\n',
                "src/webhooks/impl.ts": IMPL,
            },
            errors: [{messageId: "notFunction", message: "is a module namespace object, not a function"}],
        },
        {
            name: "export {default} from a module that does not exist",
            files: {"src/webhooks/a.webhook.ts": 'export {default} from "./nope.js"\n'},
            errors: [{messageId: "missingTarget", line: 1, message: '"./nope.js", which does not exist'}],
        },
        {
            name: "an imported default that the module lacks",
            files: {
                "src/events/connection-added.event.ts": 'import added from "../lib/added.js"\n\nexport default added\n',
                "src/lib/added.ts": "export async function added() {}\n",
            },
            errors: [{messageId: "missingTarget", file: "src/events/connection-added.event.ts", line: 3}],
        },
        {
            name: "export * as default: a module namespace object",
            files: {
                "src/webhooks/a.webhook.ts": 'export * as default from "./impl.js"\n',
                "src/webhooks/impl.ts": IMPL,
            },
            errors: [{messageId: "notFunction", message: "a module namespace object"}],
        },
        {
            name: "an event whose default is a string",
            files: {"src/events/connection-added.event.ts": 'export default "connection-added"\n'},
            errors: [{messageId: "notFunction", message: "connection-added does not export a function"}],
        },
        {
            name: "a value that only type information shows is no function",
            files: {
                "src/webhooks/a.webhook.ts":
                    "function makeHandler() {\n    return 42\n}\n\nconst handler = makeHandler()\n\nexport default handler\n",
            },
            errors: [{messageId: "notFunction", line: 7, message: "`makeHandler()`"}],
        },
    ],
})

// Not a ruleTester case: the conformance suite would see the build fail in mid.ts, which carries no finding.
describe("default-export along a chain of re-exports", () => {
    it("names the module a deeper re-export lacks from the file that re-exports it", async () => {
        const root = writeApp({
            "src/webhooks/a.webhook.ts": 'export {default} from "../lib/mid.js"\n',
            "src/lib/mid.ts": 'export {default} from "./impl.js"\n',
            "src/lib/impl.ts": "export async function h(req: Request) {\n    return new Response(null)\n}\n",
        })
        const {found} = await lintWithOnly(defaultExport, root)
        // "./impl.js" exists beside mid.ts, not beside the handler.
        expect(found.map((m) => [m.file, m.line, m.message])).toEqual([
            [
                "src/webhooks/a.webhook.ts",
                1,
                'This handler\'s default export comes from "./impl.js", which has no export `default`: `attio build` fails',
            ],
        ])
    })
})
