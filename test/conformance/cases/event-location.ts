/** The invalid cases of test/rules/event-location.test.ts (copied by copy-cases.js: the rule tests build their apps in code). */
import type {Case} from "./case.js"

const cases: Case[] = [
    {
        name: "an event outside both roots (documented layout suggested)",
        files: {
            "src/connection-added.event.ts":
                'import type {Connection} from "attio/server"\n\nexport default async function connectionEvent({connection}: {connection: Connection}) {\n    console.log(connection.id)\n}\n',
        },
    },
    {
        name: "an event outside both roots of an app using src/app",
        files: {
            "src/app/webhooks/a.webhook.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n",
            "src/app/event/connection-removed.event.js": "export default async function removed() {}\n",
        },
    },
    {
        name: "an event in a webhook root",
        files: {
            "src/webhooks/connection-added.event.ts":
                'import type {Connection} from "attio/server"\n\nexport default async function connectionEvent({connection}: {connection: Connection}) {\n    console.log(connection.id)\n}\n',
        },
    },
    {
        name: "a .event.tsx in a root",
        files: {
            "src/app/events/connection-added.event.tsx":
                'import type {Connection} from "attio/server"\n\nexport default async function connectionEvent({connection}: {connection: Connection}) {\n    console.log(connection.id)\n}\n',
        },
    },
    {
        name: "a .event.cjs in a root",
        files: {
            "src/events/connection-removed.event.cjs": "module.exports = async function removed() {}\n",
        },
    },
    {
        name: "a directory named like an event",
        files: {
            "src/events/connection-added.event.ts/README.md": "# not an event\n",
        },
    },
    {
        name: "one report per misplaced file",
        files: {
            "src/events/connection-added.event.ts":
                'import type {Connection} from "attio/server"\n\nexport default async function connectionEvent({connection}: {connection: Connection}) {\n    console.log(connection.id)\n}\n',
            "server/connection-added.event.ts":
                'import type {Connection} from "attio/server"\n\nexport default async function connectionEvent({connection}: {connection: Connection}) {\n    console.log(connection.id)\n}\n',
            "src/connection-removed.event.js": "export default async () => {}\n",
        },
    },
]

export default cases
