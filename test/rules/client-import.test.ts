import clientImport from "../../src/lint/rules/client-import.js"
import {REAL_WORLD_APPS, webhook} from "../support/apps.js"
import {ruleTester} from "../support/rule-tester.js"

const CLIENT = 'import {showToast} from "attio/client"\n'

ruleTester(clientImport, {
    valid: [
        ...REAL_WORLD_APPS,
        {
            name: "browser code imports attio/client",
            files: {
                "src/app/deal-widget.tsx": `${CLIENT}\nexport const widget = () => showToast({title: "hi"})\n`,
                "src/app/webhooks/a.webhook.ts": webhook(),
            },
        },
        {
            name: "a server function importing attio/server",
            files: {
                "src/functions/sync.server.ts":
                    'import {ATTIO_API_TOKEN} from "attio/server"\n\nexport default async function sync() {\n    return ATTIO_API_TOKEN.length\n}\n',
            },
        },
        {
            name: "a test file beside a handler",
            files: {
                "src/webhooks/a.webhook.ts": webhook(),
                "src/webhooks/a.webhook.test.ts": `${CLIENT}\nshowToast({title: "test"})\n`,
            },
        },
        {
            name: "a spec file beside an event",
            files: {"src/app/events/connection-added.event.spec.ts": `${CLIENT}\nshowToast({title: "test"})\n`},
        },
        {name: "a schema module in a webhook root", files: {"src/webhooks/ui.ts": `${CLIENT}\nexport {showToast}\n`}},
        {
            name: "a mention in a comment or string",
            files: {
                "src/webhooks/a.webhook.ts":
                    '// not "attio/client" here\nexport default async function a(req: Request) {\n    return new Response("attio/client")\n}\n',
            },
        },
        {
            name: "a look-alike package",
            files: {
                "src/webhooks/a.webhook.ts":
                    'import {x} from "attio/clients"\nimport {y} from "my-attio/client"\n\nexport default async function a(req: Request) {\n    return new Response(String(x) + String(y))\n}\n',
            },
        },
        {
            name: "types from attio/client, which the bundler erases (without verbatimModuleSyntax)",
            files: {
                "tsconfig.json": '{"compilerOptions": {"strict": true}}\n',
                "src/app/webhooks/a.webhook.ts": `import type {ToastOptions} from "attio/client"\n\nexport type Options = ToastOptions\n${webhook()}`,
                "src/app/webhooks/b.webhook.ts": `import {type ToastOptions} from "attio/client"\n\nexport type Options = ToastOptions\n${webhook()}`,
                "src/app/webhooks/c.webhook.ts": `${CLIENT}\nexport type Toast = typeof showToast\n${webhook()}`,
                "src/app/webhooks/d.webhook.ts": `import * as client from "attio/client"\n\nexport type Options = client.ToastOptions\n${webhook()}`,
                "src/app/webhooks/e.webhook.ts": `export type {ToastOptions} from "attio/client"\n${webhook()}`,
                "src/app/webhooks/f.webhook.ts": `import {} from "attio/client"\nexport type * from "attio/client"\n${webhook()}`,
                "src/app/sync.server.ts": `import type {ToastOptions} from "attio/client"\n\nexport default async function sync(o: ToastOptions) {}\n`,
            },
        },
        {
            name: "files the build does not bundle as server code",
            files: {
                "src/handlers/a.webhook.ts": `${CLIENT}\n${webhook()}`,
                "src/app/webhooks/b.webhook.tsx": `${CLIENT}\n${webhook()}`,
                "src/app/sync.server.tsx": `${CLIENT}\nexport default async function sync() {}\n`,
                "scripts/seed.server.ts": `${CLIENT}\nexport default async function seed() {}\n`,
            },
        },
        {
            name: "a server file importing a module whose attio/client import is type-only",
            files: {
                "src/app/webhooks/a.webhook.ts":
                    'import {label} from "../../lib/ui.js"\n\nexport default async function a(req: Request) {\n    return new Response(label)\n}\n',
                "src/lib/ui.ts":
                    'import type {ObjectSlug} from "attio/client"\nexport type {AttioRecord} from "attio/client"\n\nexport const label: ObjectSlug = "people"\n',
            },
        },
    ],
    invalid: [
        {
            name: "a handler importing a module that imports attio/client (directly or further down)",
            files: {
                "src/app/webhooks/a.webhook.ts":
                    'import {label} from "../../lib/ui.js"\n\nexport default async function a(req: Request) {\n    return new Response(label)\n}\n',
                "src/app/events/connection-added.event.ts":
                    'import {sync} from "../../lib/sync.js"\n\nexport default async function added() {\n    await sync()\n}\n',
                "src/lib/sync.ts": 'export * from "./ui.js"\n\nexport async function sync() {}\n',
                "src/lib/ui.ts": `${CLIENT}\nexport const label = "x"\n\nexport function toast() {\n    showToast({title: "x", variant: "success"})\n}\n`,
            },
            errors: [
                {
                    messageId: "clientImportThrough",
                    file: "src/app/events/connection-added.event.ts",
                    line: 1,
                    message: '"../../lib/sync.js" imports "attio/client"',
                },
                {
                    messageId: "clientImportThrough",
                    file: "src/app/webhooks/a.webhook.ts",
                    line: 1,
                    message: "bundling it fails",
                },
            ],
        },
        {
            name: "a webhook handler",
            files: {"src/webhooks/a.webhook.ts": `${CLIENT}\n${webhook()}`},
            errors: [
                {
                    messageId: "clientImport",
                    line: 1,
                    column: 1,
                    message: "this webhook handler file runs on the server",
                    hint: 'Import from "attio/server" instead.',
                },
            ],
        },
        {
            name: "a nested .js webhook in the src/app layout",
            files: {
                "src/app/webhooks/crm/deal.webhook.js": `${CLIENT}\nexport default async (req) => new Response(null)\n`,
            },
            errors: [{messageId: "clientImport", file: "src/app/webhooks/crm/deal.webhook.js"}],
        },
        {
            name: "an event handler",
            files: {
                "src/events/connection-added.event.ts": `import type {Connection} from "attio/server"\n${CLIENT}\nexport default async function added({connection}: {connection: Connection}) {}\n`,
            },
            errors: [{messageId: "clientImport", line: 2, column: 1, message: "this event handler file"}],
        },
        {
            name: "a .server.ts file",
            files: {"src/functions/sync.server.ts": `${CLIENT}\nexport default async function sync() {}\n`},
            errors: [{messageId: "clientImport", message: "this server function file"}],
        },
        {
            name: "a .server.js file",
            files: {"src/sync.server.js": `${CLIENT}\nexport default async function sync() {}\n`},
            errors: [{messageId: "clientImport"}],
        },
        {
            name: "a dynamic import",
            files: {
                "src/webhooks/a.webhook.ts":
                    'export default async function a(req: Request) {\n    const {showToast} = await import("attio/client")\n    return new Response(String(showToast))\n}\n',
            },
            errors: [{messageId: "clientImport", line: 2, column: 31}],
        },
        {
            name: "a re-export",
            files: {"src/webhooks/a.webhook.ts": `export {showToast} from "attio/client"\n${webhook()}`},
            errors: [{messageId: "clientImport", line: 1}],
        },
        {
            name: "a side-effect import and a star re-export keep the module",
            files: {
                "src/webhooks/a.webhook.ts": `import "attio/client"\n${webhook()}`,
                "src/webhooks/b.webhook.ts": `export * from "attio/client"\n${webhook()}`,
            },
            errors: [
                {messageId: "clientImport", file: "src/webhooks/a.webhook.ts"},
                {messageId: "clientImport", file: "src/webhooks/b.webhook.ts"},
            ],
        },
        {
            name: "a subpath",
            files: {"src/webhooks/a.webhook.ts": `import {x} from "attio/client/forms"\n${webhook()}`},
            errors: [{messageId: "clientImport"}],
        },
        {
            name: "types from attio/client, under a tsconfig with verbatimModuleSyntax (the bundler keeps such imports)",
            files: {
                "tsconfig.json": '{"extends": "./tsconfig.base.json"}\n',
                "tsconfig.base.json": '{"compilerOptions": {"verbatimModuleSyntax": true}}\n',
                "src/app/webhooks/a.webhook.ts": `import {type ToastOptions} from "attio/client"\n\nexport type Options = ToastOptions\n${webhook()}`,
                "src/app/webhooks/b.webhook.ts": `${CLIENT}\nexport type Toast = typeof showToast\n${webhook()}`,
                "src/app/webhooks/c.webhook.ts": `import type {ToastOptions} from "attio/client"\n\nexport type Options = ToastOptions\n${webhook()}`,
            },
            errors: [
                {
                    messageId: "clientImport",
                    file: "src/app/webhooks/a.webhook.ts",
                    hint: "With verbatimModuleSyntax the build keeps this import",
                },
                {messageId: "clientImport", file: "src/app/webhooks/b.webhook.ts", hint: "import type"},
            ],
        },
        {
            name: "a type re-exported with an inline `type` keeps the module, a value used only as a type in a .js file too",
            files: {
                "src/app/webhooks/a.webhook.ts": `export {type ToastOptions} from "attio/client"\n${webhook()}`,
                "src/app/webhooks/b.webhook.js": `${CLIENT}\n/** @type {typeof showToast} */\nexport default async (req) => new Response(null)\n`,
            },
            errors: [
                {messageId: "clientImport", file: "src/app/webhooks/a.webhook.ts"},
                {messageId: "clientImport", file: "src/app/webhooks/b.webhook.js"},
            ],
        },
    ],
})
