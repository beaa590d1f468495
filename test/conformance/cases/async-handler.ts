/** The invalid cases of test/rules/async-handler.test.ts (copied by copy-cases.js: the rule tests build their apps in code). */
import type {Case} from "./case.js"

const cases: Case[] = [
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
    },
    {
        name: "a sync webhook function",
        files: {
            "src/webhooks/a.webhook.ts":
                "export default function handler(req: Request) {\n    return new Response(null)\n}\n",
        },
    },
    {
        name: "a sync webhook declared to return Response",
        files: {
            "src/app/webhooks/crm/deal.webhook.ts":
                "export default function deal(req: Request): Response {\n    return new Response(null)\n}\n",
        },
    },
    {
        name: "a sync event",
        files: {
            "src/events/connection-added.event.ts":
                "export default function added({connection}: {connection: unknown}) {\n    console.log(connection)\n}\n",
        },
    },
    {
        name: "a sync arrow in a .js handler",
        files: {
            "src/app/webhooks/a.webhook.js": "export default (req) => new Response(null)\n",
        },
    },
    {
        name: "a sync function behind export {h as default}",
        files: {
            "src/webhooks/a.webhook.ts":
                "function h(req: Request) {\n    return new Response(null)\n}\n\nexport {h as default}\n",
        },
    },
    {
        name: "a sync implementation re-exported: reported where it is defined",
        files: {
            "src/app/events/connection-removed.event.ts": 'export {default} from "../../cleanup.js"\n',
            "src/cleanup.ts": "export default function cleanup() {}\n",
        },
    },
]

export default cases
