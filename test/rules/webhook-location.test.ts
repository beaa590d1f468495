import webhookLocation from "../../src/lint/rules/webhook-location.js"
import fs from "node:fs"
import path from "node:path"

import {describe, expect, it} from "vitest"

import {REAL_WORLD_APPS, webhook} from "../support/apps.js"
import {lintWithOnly, ruleTester, writeApp} from "../support/rule-tester.js"

ruleTester(webhookLocation, {
    valid: [
        ...REAL_WORLD_APPS,
        {name: "documented layout", files: {"src/webhooks/a.webhook.ts": webhook()}},
        {
            name: "a handler's implementation beside it, re-exported by the handler",
            files: {
                "src/app/webhooks/stripe-impl.ts":
                    "export default async function stripe(req: Request): Promise<Response> {\n    return new Response(null)\n}\n",
                "src/app/webhooks/stripe.webhook.ts": 'export {default} from "./stripe-impl"\n',
            },
        },
        {name: "src/app layout", files: {"src/app/webhooks/a.webhook.ts": webhook()}},
        {
            name: "nested id in both layouts",
            files: {
                "src/webhooks/crm/deal.webhook.ts": webhook(),
                "src/app/webhooks/crm/person/updated.webhook.ts": webhook(),
            },
        },
        {
            name: "a .js handler",
            files: {
                "src/webhooks/a.webhook.js":
                    "export default async function a(req) {\n    return new Response(null)\n}\n",
            },
        },
        {
            name: "tests beside handlers",
            files: {
                "src/webhooks/a.webhook.ts": webhook(),
                "src/webhooks/a.webhook.test.ts":
                    'import a from "./a.webhook.js"\n\nexport default async function helper(req: Request) {\n    return a(req)\n}\n',
                "src/app/webhooks/b.webhook.spec.js": "export default async (req) => new Response(null)\n",
            },
        },
        {
            name: "schemas and helpers in a webhook root",
            files: {
                "src/webhooks/a.webhook.ts": webhook(),
                "src/webhooks/schema.ts": 'export const schema = {type: "object"}\n',
                "src/webhooks/parse.ts":
                    "export default function parse(text: string) {\n    return JSON.parse(text)\n}\n",
            },
        },
        {
            name: "a helper in a webhook root that takes the Request and more",
            files: {
                "src/webhooks/verify.ts":
                    'export default function verify(req: Request, secret: string): boolean {\n    return req.headers.get("x-signature") === secret\n}\n',
            },
        },
        {
            name: "a helper in a webhook root that takes the Request and declares another result",
            files: {
                "src/app/webhooks/log.ts":
                    "export default async function log(request: Request): Promise<void> {\n    console.log(request.url)\n}\n",
            },
        },
        {
            name: "a declaration file",
            files: {"src/webhooks/a.webhook.d.ts": "export default function a(req: Request): Promise<Response>\n"},
        },
        {
            name: "an event file is not this rule's business",
            files: {"src/connection-added.event.ts": "export default async function a() {}\n"},
        },
        {name: "handler-like modules outside the roots are just modules", files: {"src/lib/handler.ts": webhook()}},
        {
            name: "the build's glob picks up folders named like handlers and tests folders inside a root",
            files: {
                "src/webhooks/__tests__/deal.webhook.ts": webhook(),
                "src/webhooks/deal.test.webhook.ts": webhook(),
                "src/app/webhooks/v2.webhook.ts/deal.webhook.ts": webhook(),
            },
        },
        {
            name: "near-miss suffixes outside the roots and other dotted names in a root are not this rule's business",
            files: {
                "src/lib/deal.webhooks.ts": webhook(),
                "src/webhooks/deal.schema.ts": 'export const schema = {type: "object"}\n',
                "src/webhooks/deal.webhooks.test.ts": 'import {it} from "vitest"\n\nit("runs", () => {})\n',
            },
        },
    ],
    invalid: [
        {
            name: "a webhook outside both roots (documented layout suggested)",
            files: {"src/handlers/prospect-updated.webhook.ts": webhook()},
            errors: [
                {
                    messageId: "outsideRoot",
                    line: 1,
                    column: 1,
                    message: "src/handlers/prospect-updated.webhook.ts",
                    hint: "Move it to src/webhooks/prospect-updated.webhook.ts",
                },
            ],
        },
        {
            name: "a webhook outside both roots of an app using src/app",
            files: {
                "src/app/events/connection-added.event.ts": "export default async function a() {}\n",
                "src/webhook/deal.webhook.js": webhook(),
            },
            errors: [
                {
                    messageId: "outsideRoot",
                    file: "src/webhook/deal.webhook.js",
                    hint: "Move it to src/app/webhooks/deal.webhook.js",
                },
            ],
        },
        {
            name: "a webhook in an event root",
            files: {"src/events/deal.webhook.ts": webhook()},
            errors: [{messageId: "outsideRoot", hint: "src/webhooks/deal.webhook.ts"}],
        },
        {
            name: "a .webhook.tsx in a root",
            files: {"src/webhooks/crm/deal.webhook.tsx": webhook()},
            errors: [
                {
                    messageId: "ignoredSuffix",
                    file: "src/webhooks/crm/deal.webhook.tsx",
                    message: "`src/webhooks/crm/deal.webhook.tsx`",
                    hint: "Rename it to src/webhooks/crm/deal.webhook.ts",
                },
            ],
        },
        {
            name: "a .webhook.mjs in the src/app root",
            files: {"src/app/webhooks/deal.webhook.mjs": webhook()},
            errors: [{messageId: "ignoredSuffix", hint: "Rename it to src/app/webhooks/deal.webhook.js"}],
        },
        {
            name: "a plural, misspelt or differently cased suffix in a root, with a did-you-mean",
            files: {
                "src/webhooks/deal.webhooks.ts": webhook(),
                "src/app/webhooks/crm/deal.webhok.js": webhook(),
                "src/app/webhooks/lead.Webhook.ts": webhook(),
                "src/webhooks/person.wehbook.tsx": webhook(),
            },
            errors: [
                {
                    messageId: "ignoredSuffix",
                    file: "src/app/webhooks/crm/deal.webhok.js",
                    hint: "Did you mean deal.webhook.js? Rename it to src/app/webhooks/crm/deal.webhook.js.",
                },
                {
                    messageId: "ignoredSuffix",
                    file: "src/app/webhooks/lead.Webhook.ts",
                    hint: "Did you mean lead.webhook.ts?",
                },
                {
                    messageId: "ignoredSuffix",
                    file: "src/webhooks/deal.webhooks.ts",
                    message: "`src/webhooks/deal.webhooks.ts` is silently ignored",
                    hint: "Did you mean deal.webhook.ts? Rename it to src/webhooks/deal.webhook.ts.",
                },
                {
                    messageId: "ignoredSuffix",
                    file: "src/webhooks/person.wehbook.tsx",
                    hint: "src/webhooks/person.webhook.ts",
                },
            ],
        },
        {
            name: "a directory named like a handler",
            files: {"src/webhooks/deal.webhook.ts/README.md": "# not a handler\n"},
            errors: [{messageId: "directory", file: "src/webhooks/deal.webhook.ts"}],
        },
        {
            name: "a handler without the suffix (Request parameter)",
            files: {
                "src/app/webhooks/deal.ts":
                    "export default async function deal(req: Request) {\n    return new Response(null)\n}\n",
            },
            errors: [
                {
                    messageId: "missingSuffix",
                    line: 1,
                    column: 31,
                    hint: "Rename it to src/app/webhooks/deal.webhook.ts",
                },
            ],
        },
        {
            name: "a nested .js handler without the suffix (named `request`)",
            files: {
                "src/webhooks/crm/deal.js":
                    "export default async function deal(request) {\n    return new Response(null)\n}\n",
            },
            errors: [{messageId: "missingSuffix", hint: "src/webhooks/crm/deal.webhook.js"}],
        },
        {
            name: "an arrow declared to return Promise<Response>, without the suffix",
            files: {
                "src/webhooks/deal.ts":
                    "const deal = async (body: unknown): Promise<Response> => new Response(null)\nexport default deal\n",
            },
            errors: [{messageId: "missingSuffix", line: 1}],
        },
        {
            name: "the seed's handler saved without the suffix, named `_request`",
            files: {
                "src/webhooks/prospect-updated.ts":
                    "export default async function handle(_request: Request) {\n    return new Response(null)\n}\n",
            },
            errors: [{messageId: "missingSuffix", file: "src/webhooks/prospect-updated.ts"}],
        },
    ],
})

describe("webhook-location and links", () => {
    it("a handler reached through a linked folder is judged where it really is; a linked file is a handler", async () => {
        const root = writeApp({
            "src/app/webhooks/a.webhook.ts": webhook(),
            "shared/deal.webhook.txt": "not source\n",
            "shared/crm/person.webhook.ts": webhook(),
            "shared/lead.ts": "export {}\n",
        })
        const elsewhere = writeApp({"deal.webhook.ts": webhook()})
        try {
            // The root itself a link and a linked folder inside a root (which the build does not follow), and a linked
            // file (which it does), all inside the app: a linked folder's files are judged at their real path. A link
            // to a folder outside the app is not walked at all (nothing outside the app is read).
            fs.symlinkSync(path.join(root, "shared"), path.join(root, "src/webhooks"))
            fs.symlinkSync(path.join(root, "shared/crm"), path.join(root, "src/app/webhooks/crm"))
            fs.symlinkSync(path.join(root, "shared/lead.ts"), path.join(root, "src/app/webhooks/lead.webhook.ts"))
            fs.symlinkSync(elsewhere, path.join(root, "src/app/webhooks/outside"))
            const {found} = await lintWithOnly(webhookLocation, root)
            expect(found.map((m) => [m.file, m.messageId])).toEqual([["shared/crm/person.webhook.ts", "outsideRoot"]])
        } finally {
            fs.rmSync(root, {recursive: true, force: true})
            fs.rmSync(elsewhere, {recursive: true, force: true})
        }
    })
})
