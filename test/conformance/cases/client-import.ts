/** The invalid cases of test/rules/client-import.test.ts (copied by copy-cases.js: the rule tests build their apps in code). */
import type {Case} from "./case.js"

const cases: Case[] = [
    {
        name: "a handler importing a module that imports attio/client (directly or further down)",
        files: {
            "src/app/webhooks/a.webhook.ts":
                'import {label} from "../../lib/ui.js"\n\nexport default async function a(req: Request) {\n    return new Response(label)\n}\n',
            "src/app/events/connection-added.event.ts":
                'import {sync} from "../../lib/sync.js"\n\nexport default async function added() {\n    await sync()\n}\n',
            "src/lib/sync.ts": 'export * from "./ui.js"\n\nexport async function sync() {}\n',
            "src/lib/ui.ts":
                'import {showToast} from "attio/client"\n\nexport const label = "x"\n\nexport function toast() {\n    showToast({title: "x", variant: "success"})\n}\n',
        },
    },
    {
        name: "a webhook handler",
        files: {
            "src/webhooks/a.webhook.ts":
                'import {showToast} from "attio/client"\n\nexport default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n',
        },
    },
    {
        name: "a nested .js webhook in the src/app layout",
        files: {
            "src/app/webhooks/crm/deal.webhook.js":
                'import {showToast} from "attio/client"\n\nexport default async (req) => new Response(null)\n',
        },
    },
    {
        name: "an event handler",
        files: {
            "src/events/connection-added.event.ts":
                'import type {Connection} from "attio/server"\nimport {showToast} from "attio/client"\n\nexport default async function added({connection}: {connection: Connection}) {}\n',
        },
    },
    {
        name: "a .server.ts file",
        files: {
            "src/functions/sync.server.ts":
                'import {showToast} from "attio/client"\n\nexport default async function sync() {}\n',
        },
    },
    {
        name: "a .server.js file",
        files: {
            "src/sync.server.js": 'import {showToast} from "attio/client"\n\nexport default async function sync() {}\n',
        },
    },
    {
        name: "a dynamic import",
        files: {
            "src/webhooks/a.webhook.ts":
                'export default async function a(req: Request) {\n    const {showToast} = await import("attio/client")\n    return new Response(String(showToast))\n}\n',
        },
    },
    {
        name: "a re-export",
        files: {
            "src/webhooks/a.webhook.ts":
                'export {showToast} from "attio/client"\nexport default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n',
        },
    },
    {
        name: "a side-effect import and a star re-export keep the module",
        files: {
            "src/webhooks/a.webhook.ts":
                'import "attio/client"\nexport default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n',
            "src/webhooks/b.webhook.ts":
                'export * from "attio/client"\nexport default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n',
        },
    },
    {
        name: "a subpath",
        files: {
            "src/webhooks/a.webhook.ts":
                'import {x} from "attio/client/forms"\nexport default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n',
        },
    },
    {
        name: "types from attio/client, under a tsconfig with verbatimModuleSyntax (the bundler keeps such imports)",
        files: {
            "tsconfig.json": '{"extends": "./tsconfig.base.json"}\n',
            "tsconfig.base.json": '{"compilerOptions": {"verbatimModuleSyntax": true}}\n',
            "src/app/webhooks/a.webhook.ts":
                'import {type ToastOptions} from "attio/client"\n\nexport type Options = ToastOptions\nexport default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n',
            "src/app/webhooks/b.webhook.ts":
                'import {showToast} from "attio/client"\n\nexport type Toast = typeof showToast\nexport default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n',
            "src/app/webhooks/c.webhook.ts":
                'import type {ToastOptions} from "attio/client"\n\nexport type Options = ToastOptions\nexport default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n',
        },
    },
    {
        name: "a type re-exported with an inline `type` keeps the module, a value used only as a type in a .js file too",
        files: {
            "src/app/webhooks/a.webhook.ts":
                'export {type ToastOptions} from "attio/client"\nexport default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n',
            "src/app/webhooks/b.webhook.js":
                'import {showToast} from "attio/client"\n\n/** @type {typeof showToast} */\nexport default async (req) => new Response(null)\n',
        },
    },
]

export default cases
