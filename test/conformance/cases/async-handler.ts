/** The invalid cases of test/rules/async-handler.test.ts (copied by copy-cases.js: the rule tests build their apps in code). */
import type {Case} from "./case.js"

const cases: Case[] = [
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
