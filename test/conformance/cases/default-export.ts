/** The invalid cases of test/rules/default-export.test.ts (copied by copy-cases.js: the rule tests build their apps in code). */
import type {Case} from "./case.js"

const cases: Case[] = [
    {
        name: "only a named export",
        files: {
            "src/webhooks/a.webhook.ts":
                "export async function handler(req: Request) {\n    return new Response(null)\n}\n",
        },
    },
    {
        name: "a nested handler with no export at all",
        files: {
            "src/app/webhooks/crm/deal.webhook.ts":
                "async function handler(req: Request) {\n    return new Response(null)\n}\n",
        },
    },
    {
        name: "a .js event with only a named export",
        files: {
            "src/events/connection-added.event.js": "export const added = async ({connection}) => {}\n",
        },
    },
    {
        name: "an object",
        files: {
            "src/webhooks/a.webhook.ts":
                "async function handler(req: Request) {\n    return new Response(null)\n}\n\nexport default {handler}\n",
        },
    },
    {
        name: "a class",
        files: {
            "src/app/webhooks/a.webhook.ts":
                "export default class Handler {\n    async fetch(req: Request) {\n        return new Response(null)\n    }\n}\n",
        },
    },
    {
        name: "export {config as default} of an object",
        files: {
            "src/webhooks/a.webhook.ts": 'const config = {path: "/a"}\n\nexport {config as default}\n',
        },
    },
    {
        name: "export {default} from a module whose default is a string",
        files: {
            "src/webhooks/a.webhook.ts": 'export {default} from "./name.js"\n',
            "src/webhooks/name.ts": 'export default "a"\n',
        },
    },
    {
        name: "export {default} from a module that has no default export",
        files: {
            "src/webhooks/a.webhook.ts": 'export {default} from "./impl.js"\n',
            "src/webhooks/impl.ts": "export async function h(req: Request) {\n    return new Response(null)\n}\n",
        },
    },
    {
        name: "export {x as default} from a module without x, through `export *`",
        files: {
            "src/app/webhooks/a.webhook.ts": 'export {handleA as default} from "../../handlers/index.js"\n',
            "src/handlers/index.ts": 'export * from "./b.js"\n',
            "src/handlers/b.ts": "export const handleB = async (req: Request) => new Response(null)\n",
        },
    },
    {
        name: "a member that the namespace of a module lacks",
        files: {
            "src/webhooks/a.webhook.ts": 'import * as impl from "./impl.js"\n\nexport default impl.handle\n',
            "src/webhooks/impl.ts": "export async function h(req: Request) {\n    return new Response(null)\n}\n",
        },
    },
    {
        name: "a namespace import, default-exported",
        files: {
            "src/webhooks/a.webhook.ts": 'import * as impl from "./impl.js"\n\nexport {impl as default}\n',
            "src/webhooks/impl.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    return new Response(null)\n}\n",
        },
    },
    {
        name: "export {default} from a module that does not exist",
        files: {
            "src/webhooks/a.webhook.ts": 'export {default} from "./nope.js"\n',
        },
    },
    {
        name: "an imported default that the module lacks",
        files: {
            "src/events/connection-added.event.ts": 'import added from "../lib/added.js"\n\nexport default added\n',
            "src/lib/added.ts": "export async function added() {}\n",
        },
    },
    {
        name: "export * as default: a module namespace object",
        files: {
            "src/webhooks/a.webhook.ts": 'export * as default from "./impl.js"\n',
            "src/webhooks/impl.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    return new Response(null)\n}\n",
        },
    },
    {
        name: "an event whose default is a string",
        files: {
            "src/events/connection-added.event.ts": 'export default "connection-added"\n',
        },
    },
    {
        name: "a value that only type information shows is no function",
        files: {
            "src/webhooks/a.webhook.ts":
                "function makeHandler() {\n    return 42\n}\n\nconst handler = makeHandler()\n\nexport default handler\n",
        },
    },
]

export default cases
