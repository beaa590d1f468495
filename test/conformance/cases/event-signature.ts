/** The invalid cases of test/rules/event-signature.test.ts (copied by copy-cases.js: the rule tests build their apps in code). */
import type {Case} from "./case.js"

const cases: Case[] = [
    {
        name: "a generator function",
        files: {
            "src/events/connection-added.event.ts": "export default async function* connectionAdded() {}\n",
        },
    },
    {
        name: "the Connection itself",
        files: {
            "src/events/connection-added.event.ts":
                'import type {Connection} from "attio/server"\n\nexport default async function added(connection: Connection) {}\n',
        },
    },
    {
        name: "a WorkspaceConnection itself in the src/app layout",
        files: {
            "src/app/events/connection-removed.event.ts":
                'import type {WorkspaceConnection} from "attio/server"\n\nexport default async function removed(c: WorkspaceConnection) {}\n',
        },
    },
    {
        name: "a destructuring without connection",
        files: {
            "src/events/connection-added.event.ts":
                'import type {Connection} from "attio/server"\n\nexport default async function added({token}: {token: string}) {}\n',
        },
    },
    {
        name: "a .js destructuring without connection",
        files: {
            "src/events/connection-added.event.js": "export default async function added({user}) {}\n",
        },
    },
    {
        name: "a wrapper type without connection",
        files: {
            "src/events/connection-added.event.ts":
                'import type {Connection} from "attio/server"\n\nexport default async function added(event: {user: string}) {}\n',
        },
    },
    {
        name: "a Request",
        files: {
            "src/events/connection-added.event.ts":
                'import type {Connection} from "attio/server"\n\nexport default async function added(req: Request) {}\n',
        },
    },
    {
        name: "a string",
        files: {
            "src/events/connection-added.event.ts":
                'import type {Connection} from "attio/server"\n\nexport default async function added(token: string) {}\n',
        },
    },
    {
        name: "a named type without connection (type information)",
        files: {
            "src/events/connection-added.event.ts":
                "type Args = {conn: string}\n\nexport default async function added(args: Args) {}\n",
        },
    },
    {
        name: "the Connection itself behind export {h as default}",
        files: {
            "src/events/connection-added.event.ts":
                'import type {Connection} from "attio/server"\n\nasync function added(connection: Connection) {}\n\nexport {added as default}\n',
        },
    },
    {
        name: "a further required parameter",
        files: {
            "src/events/connection-added.event.ts":
                'import type {Connection} from "attio/server"\n\nexport default async function added({connection}: {connection: Connection}, workspaceId: string) {}\n',
        },
    },
]

export default cases
