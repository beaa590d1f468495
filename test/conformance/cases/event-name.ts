/** The invalid cases of test/rules/event-name.test.ts (copied by copy-cases.js: the rule tests build their apps in code). */
import type {Case} from "./case.js"

const cases: Case[] = [
    {
        name: "a typo, with a did-you-mean",
        files: {
            "src/events/connection-add.event.ts":
                'import type {Connection} from "attio/server"\n\nexport default async function connectionEvent({connection}: {connection: Connection}) {\n    console.log(connection.id)\n}\n',
        },
    },
    {
        name: "camelCase in the src/app layout, .js",
        files: {
            "src/app/events/connectionRemoved.event.js": "export default async function removed({connection}) {}\n",
        },
    },
    {
        name: "snake_case",
        files: {
            "src/events/connection_added.event.ts":
                'import type {Connection} from "attio/server"\n\nexport default async function connectionEvent({connection}: {connection: Connection}) {\n    console.log(connection.id)\n}\n',
        },
    },
    {
        name: "a nested event must move to the root",
        files: {
            "src/events/crm/connection-added.event.ts":
                'import type {Connection} from "attio/server"\n\nexport default async function connectionEvent({connection}: {connection: Connection}) {\n    console.log(connection.id)\n}\n',
        },
    },
    {
        name: "a name like no event",
        files: {
            "src/app/events/sync-deals.event.ts":
                'import type {Connection} from "attio/server"\n\nexport default async function connectionEvent({connection}: {connection: Connection}) {\n    console.log(connection.id)\n}\n',
        },
    },
    {
        name: "a nested name like no event",
        files: {
            "src/events/crm/sync.event.js": "export default async () => {}\n",
        },
    },
    {
        name: "one report per file",
        files: {
            "src/events/connection-add.event.ts":
                'import type {Connection} from "attio/server"\n\nexport default async function connectionEvent({connection}: {connection: Connection}) {\n    console.log(connection.id)\n}\n',
            "src/app/events/connection-add.event.ts":
                'import type {Connection} from "attio/server"\n\nexport default async function connectionEvent({connection}: {connection: Connection}) {\n    console.log(connection.id)\n}\n',
            "src/events/connection-removed.event.ts":
                'import type {Connection} from "attio/server"\n\nexport default async function connectionEvent({connection}: {connection: Connection}) {\n    console.log(connection.id)\n}\n',
        },
    },
]

export default cases
