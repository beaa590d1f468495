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
    ],
    invalid: [
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
