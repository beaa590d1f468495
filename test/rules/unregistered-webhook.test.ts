import unregisteredWebhook from "../../src/lint/rules/unregistered-webhook.js"
import {creates, REAL_WORLD_APPS, webhook} from "../support/apps.js"
import {ruleTester} from "../support/rule-tester.js"

const ADDED = "src/events/connection-added.event.ts"
const SDK = 'import {createWebhookHandler} from "attio/server"\n'

ruleTester(unregisteredWebhook, {
    valid: [
        ...REAL_WORLD_APPS,
        {name: "no webhooks at all", files: {[ADDED]: "export default async function added() {}\n"}},
        {
            name: "both layouts, a nested id and a .js handler, each named by a literal",
            files: {
                "src/webhooks/a.webhook.ts": webhook(),
                "src/app/webhooks/crm/deal.webhook.ts": webhook(),
                "src/app/webhooks/b.webhook.js": "export default async (req) => new Response(null)\n",
                [ADDED]: creates('"a"', '"crm/deal"', '"b"'),
            },
        },
        {
            name: "created through a dynamic import of attio/server, with options held in a const",
            files: {
                "src/webhooks/a.webhook.ts": webhook(),
                "src/webhooks/b.webhook.ts": webhook(),
                [ADDED]:
                    'export default async function added() {\n    const sdk = await import("attio/server")\n    await sdk.createWebhookHandler({fileName: "a"})\n    const options = {fileName: "b"}\n    const {createWebhookHandler} = await import("attio/server")\n    await createWebhookHandler(options)\n}\n',
            },
        },
        {
            name: "named by an imported const, a loop over an `as const` array and Promise.all in a helper",
            files: {
                "src/events/connection-added.event.ts":
                    'import {register} from "../server/register.js"\n\nexport default async function added() {\n    await register()\n}\n',
                "src/webhooks/a.webhook.ts": webhook(),
                "src/webhooks/b.webhook.ts": webhook(),
                "src/webhooks/c.webhook.ts": webhook(),
                "src/webhooks/d.webhook.ts": webhook(),
                "src/hooks.ts": 'export const A = "a"\n',
                "src/server/register.ts": `${SDK}import {A} from "../hooks.js"\n\nconst REST = ["b", "c"] as const\n\nexport async function register() {\n    await createWebhookHandler({fileName: A})\n    for (const fileName of REST) await createWebhookHandler({fileName})\n    await Promise.all([createWebhookHandler({fileName: "d"}), createWebhookHandler({fileName: "a"})])\n}\n`,
            },
        },
        {
            name: "named through a renamed and a namespace import",
            files: {
                "src/webhooks/a.webhook.ts": webhook(),
                "src/webhooks/b.webhook.ts": webhook(),
                [ADDED]:
                    'import {createWebhookHandler as create} from "attio/server"\nimport * as attio from "attio/server"\n\nexport default async function added() {\n    await create({fileName: "a"})\n    await attio.createWebhookHandler({fileName: "b"})\n}\n',
            },
        },
        {
            name: "named through a module that re-exports the SDK, in a helper that never mentions attio/",
            files: {
                "src/events/connection-added.event.ts":
                    'import {register} from "../server/register.js"\n\nexport default async function added() {\n    await register()\n}\n',
                "src/webhooks/a.webhook.ts": webhook(),
                "src/webhooks/b.webhook.ts": webhook(),
                "src/platform/index.ts": 'export * from "./sdk.js"\n',
                "src/platform/sdk.ts": 'export {createWebhookHandler as create} from "attio/server"\n',
                "src/server/register.ts":
                    'import * as platform from "../platform/index.js"\n\nexport async function register() {\n    const {create} = platform\n    await create({fileName: "a"})\n    await platform.create({fileName: "b"})\n}\n',
            },
        },
        {
            name: "silent when some call is dynamic",
            files: {
                "src/webhooks/a.webhook.ts": webhook(),
                "src/webhooks/b.webhook.ts": webhook(),
                [ADDED]: `${SDK}\nexport default async function added(id: string) {\n    await createWebhookHandler({fileName: id})\n}\n`,
            },
        },
        {
            name: "a test file beside a handler is no handler",
            files: {
                "src/webhooks/a.webhook.ts": webhook(),
                "src/webhooks/a.webhook.test.ts": webhook(),
                [ADDED]: creates('"a"'),
            },
        },
        {
            name: "a file the build ignores is webhook-location's business",
            files: {"src/handlers/a.webhook.ts": webhook(), "src/webhooks/b.webhook.tsx": webhook()},
        },
    ],
    invalid: [
        {
            name: "registered only from files the build ignores (a misnamed event, one outside the roots)",
            files: {
                "src/app/webhooks/a.webhook.ts": webhook(),
                "src/app/webhooks/b.webhook.ts": webhook(),
                "src/app/webhooks/c.webhook.ts": webhook(),
                "src/app/events/connection-added.events.ts": creates('"a"'),
                "src/connection-added.event.ts": creates('"b"'),
                // Imported by a handler, a misnamed file is bundled all the same.
                "src/app/events/register.event.tsx": `${SDK}\nexport const register = () => createWebhookHandler({fileName: "c"})\n`,
                "src/app/events/connection-added.event.ts":
                    'import {register} from "./register.event"\n\nexport default async function added() {\n    await register()\n}\n',
            },
            errors: [
                {messageId: "unregistered", file: "src/app/webhooks/a.webhook.ts"},
                {messageId: "unregistered", file: "src/app/webhooks/b.webhook.ts"},
            ],
        },
        {
            name: "a call in a module no handler imports registers nothing (the bundle leaves it out)",
            files: {
                "src/webhooks/a.webhook.ts": webhook(),
                "src/server/register.ts": `${SDK}\nexport async function register() {\n    await createWebhookHandler({fileName: "a"})\n}\n`,
            },
            errors: [{messageId: "unregistered", file: "src/webhooks/a.webhook.ts"}],
        },
        {
            name: "a call of a look-alike re-exported under the SDK's name registers nothing",
            files: {
                "src/webhooks/a.webhook.ts": webhook(),
                "src/platform.ts": 'export {register as createWebhookHandler} from "./fake.js"\n',
                "src/fake.ts": "export async function register(o: {fileName: string}) {\n    return o\n}\n",
                [ADDED]:
                    'import {createWebhookHandler} from "../platform.js"\n\nexport default async function added() {\n    await createWebhookHandler({fileName: "a"})\n}\n',
            },
            errors: [{messageId: "unregistered", file: "src/webhooks/a.webhook.ts"}],
        },
        {
            name: "a webhook nobody creates",
            files: {
                "src/webhooks/a.webhook.ts": webhook("handleA"),
                "src/webhooks/b.webhook.ts": webhook(),
                [ADDED]: creates('"b"'),
            },
            errors: [
                {
                    messageId: "unregistered",
                    file: "src/webhooks/a.webhook.ts",
                    line: 1,
                    column: 31,
                    message: "`a`",
                    hint: 'createWebhookHandler({fileName: "a"})',
                },
            ],
        },
        {
            name: "a fileName close to an unregistered handler's id: the hint is to fix it, not to register again",
            files: {
                "src/webhooks/deal-updated.webhook.ts": webhook(),
                [ADDED]: creates('"deal-update"'),
            },
            errors: [
                {
                    messageId: "unregistered",
                    message: "`deal-updated`",
                    hint: `${ADDED} calls createWebhookHandler({fileName: "deal-update"}), which names no handler: fix that fileName to "deal-updated" rather than registering "deal-updated" a second time.`,
                },
            ],
        },
        {
            name: "a fileName with the handler's folder and suffix: the hint is to fix it",
            files: {
                "src/webhooks/deal-updated.webhook.ts": webhook(),
                [ADDED]: creates('"src/webhooks/deal-updated.webhook.ts"'),
            },
            errors: [{messageId: "unregistered", hint: 'fix that fileName to "deal-updated"'}],
        },
        {
            name: "a nested .js webhook in the src/app layout when the app creates none",
            files: {
                "src/app/webhooks/crm/deal.webhook.js":
                    "export default async function deal(req) {\n    return new Response(null)\n}\n",
            },
            errors: [
                {
                    messageId: "unregistered",
                    message: "`crm/deal`",
                    hint: "generator-attio-app's `attio-app webhook crm/deal`",
                },
            ],
        },
        {
            name: "every resolvable fileName counts: only the handler no call names is reported",
            files: {
                "src/events/connection-added.event.ts":
                    'import {register} from "../server/register.js"\n\nexport default async function added() {\n    await register()\n}\n',
                "src/webhooks/a.webhook.ts": webhook(),
                "src/webhooks/b.webhook.ts": webhook(),
                "src/app/webhooks/crm/c.webhook.ts": webhook(),
                "src/webhooks/d.webhook.ts": webhook(),
                "src/webhooks/e.webhook.ts": webhook(),
                "src/hooks.ts": 'export const A = "a"\nexport const REST = ["b", "crm/c"] as const\n',
                "src/server/register.ts": `${SDK}import {A, REST} from "../hooks.js"\n\nexport async function register() {\n    await createWebhookHandler({fileName: A})\n    for (const fileName of REST) await createWebhookHandler({fileName})\n    await Promise.all([createWebhookHandler({fileName: "d"}), createWebhookHandler({fileName: "a"})])\n}\n`,
            },
            errors: [{messageId: "unregistered", file: "src/webhooks/e.webhook.ts"}],
        },
        {
            name: "named only by a local look-alike",
            files: {
                "src/webhooks/a.webhook.ts": webhook(),
                "src/server/fake.ts":
                    'function createWebhookHandler(o: {fileName: string}) {\n    return o\n}\n\ncreateWebhookHandler({fileName: "a"})\n',
            },
            errors: [{messageId: "unregistered", file: "src/webhooks/a.webhook.ts"}],
        },
        {
            name: "a wrong fileName names nothing",
            files: {
                "src/webhooks/prospect-updated.webhook.ts": webhook(),
                [ADDED]: creates('"prospect-updated.webhook.ts"'),
            },
            errors: [{messageId: "unregistered", message: "`prospect-updated`"}],
        },
        {
            name: "a re-exported handler is reported at the top of the handler file",
            files: {
                "src/webhooks/a.webhook.ts": 'export {default} from "../impl.js"\n',
                "src/impl.ts": webhook(),
                [ADDED]: creates('"b"'),
                "src/webhooks/b.webhook.ts": webhook(),
            },
            errors: [{messageId: "unregistered", file: "src/webhooks/a.webhook.ts", line: 1, column: 1}],
        },
        {
            name: "the same id in both roots: both files",
            files: {"src/webhooks/a.webhook.ts": webhook(), "src/app/webhooks/a.webhook.ts": webhook()},
            errors: [
                {messageId: "unregistered", file: "src/app/webhooks/a.webhook.ts"},
                {messageId: "unregistered", file: "src/webhooks/a.webhook.ts"},
            ],
        },
    ],
})
