import eventSignature from "../../src/lint/rules/event-signature.js"
import {event, REAL_WORLD_APPS} from "../support/apps.js"
import {ruleTester} from "../support/rule-tester.js"

const E = "src/events/connection-added.event.ts"
const added = (params: string, imports = 'import type {Connection} from "attio/server"\n\n') => ({
    [E]: `${imports}export default async function added${params} {}\n`,
})

ruleTester(eventSignature, {
    valid: [
        ...REAL_WORLD_APPS,
        {
            name: "{connection}: {connection: Connection}, both layouts",
            files: {[E]: event(), "src/app/events/connection-removed.event.ts": event()},
        },
        {
            name: "the combined import",
            files: added(
                "({connection}: {connection: Connection})",
                'import {type Connection, createWebhookHandler} from "attio/server"\n\n'
            ),
        },
        {
            name: "import type plus a separate value import",
            files: added(
                "({connection}: {connection: Connection})",
                'import type {Connection} from "attio/server"\nimport {updateWebhookHandler} from "attio/server"\n\n'
            ),
        },
        {name: "no parameter", files: added("()")},
        {name: "a renamed binding", files: added("({connection: conn}: {connection: Connection})")},
        {
            name: "a rest binding beside connection",
            files: added("({connection, ...rest}: {connection: Connection; [key: string]: unknown})"),
        },
        {
            name: "a hand-written shape the Connection has",
            files: added("({connection}: {connection: {value: string; readonly id: string}})", ""),
        },
        {name: "Connection or undefined", files: added("({connection}: {connection: Connection | undefined})")},
        {name: "any connection", files: added("({connection}: {connection: any})", "")},
        {
            name: "a Connection re-exported by a module of the app (type information)",
            files: {
                ...added("({connection}: {connection: Connection})", 'import type {Connection} from "../types.js"\n\n'),
                "src/types.ts": 'export type {Connection} from "attio/server"\n',
            },
        },
        {
            name: "a namespace-qualified Connection",
            files: added(
                "({connection}: {connection: attio.WorkspaceConnection})",
                'import type * as attio from "attio/server"\n\n'
            ),
        },
        {name: "an undestructured wrapper", files: added("(event: {connection: Connection})")},
        {
            name: "UserConnection inside the wrapper",
            files: added(
                "({connection}: {connection: UserConnection})",
                'import type {UserConnection} from "attio/server"\n\n'
            ),
        },
        {
            name: "a named wrapper type (type information)",
            files: added(
                "({connection}: Args)",
                'import type {Connection} from "attio/server"\n\ntype Args = {connection: Connection}\n\n'
            ),
        },
        {
            name: "an interface from another module (type information)",
            files: {
                ...added("(args: EventArgs)", 'import type {EventArgs} from "../types.js"\n\n'),
                "src/types.ts": "export interface EventArgs {\n    connection: {id: string; value: string}\n}\n",
            },
        },
        {
            name: "a type from a package that is not installed",
            files: added("(args: EventArgs)", 'import type {EventArgs} from "some-uninstalled-package"\n\n'),
        },
        {
            name: "export default ident and export {default} from",
            files: {
                [E]: 'import type {Connection} from "attio/server"\n\nconst added = async ({connection}: {connection: Connection}) => {}\n\nexport default added\n',
                "src/app/events/connection-removed.event.ts": 'export {default} from "../../cleanup.js"\n',
                "src/cleanup.ts":
                    'import type {Connection} from "attio/server"\n\nexport default async function cleanup({connection}: {connection: Connection}) {}\n',
            },
        },
        {
            name: "untyped .js events",
            files: {
                "src/app/events/connection-added.event.js": "export default async function added({connection}) {}\n",
                "src/app/events/connection-removed.event.js": "export default async (event) => {}\n",
            },
        },
        {
            name: "a further optional parameter",
            files: added("({connection}: {connection: Connection}, options?: {dryRun: boolean})"),
        },
        {
            name: "a test file beside an event takes what it likes",
            files: {
                [E]: event(),
                "src/events/connection-added.event.test.ts": "export default async function t(connection: string) {}\n",
            },
        },
    ],
    invalid: [
        {
            name: "connection typed as a string",
            files: added("({connection}: {connection: string})", ""),
            errors: [{messageId: "connectionType", line: 1, column: 64, message: "not `string`"}],
        },
        {
            name: "a hand-written shape with a property the Connection lacks",
            files: added("(event: {connection: {token: string}})", ""),
            errors: [{messageId: "connectionType", message: "not `{token: string}`"}],
        },
        {
            name: "a Connection type from another package",
            files: added("({connection}: {connection: Connection})", 'import type {Connection} from "mongoose"\n\n'),
            errors: [{messageId: "connectionType", line: 3, message: 'Connection (from "mongoose")'}],
        },
        {
            name: "a string alias from a module of the app (type information)",
            files: {
                ...added("({connection}: {connection: Token})", 'import type {Token} from "../types.js"\n\n'),
                "src/types.ts": "export type Token = string\n",
            },
            errors: [{messageId: "connectionType", line: 3, message: "not `Token`"}],
        },
        {
            name: "a generator function",
            files: {"src/events/connection-added.event.ts": "export default async function* connectionAdded() {}\n"},
            errors: [{messageId: "generator", line: 1, column: 32}],
        },
        {
            name: "the Connection itself",
            files: added("(connection: Connection)"),
            errors: [
                {
                    messageId: "connectionItself",
                    line: 3,
                    column: 37,
                    message: "`connection: Connection` gets the wrapper object",
                    hint: "({connection}: {connection: Connection})",
                },
            ],
        },
        {
            name: "a WorkspaceConnection itself in the src/app layout",
            files: {
                "src/app/events/connection-removed.event.ts":
                    'import type {WorkspaceConnection} from "attio/server"\n\nexport default async function removed(c: WorkspaceConnection) {}\n',
            },
            errors: [{messageId: "connectionItself", file: "src/app/events/connection-removed.event.ts"}],
        },
        {
            name: "a destructuring without connection",
            files: added("({token}: {token: string})"),
            errors: [{messageId: "noConnection", message: "`{token}: {token: string}`"}],
        },
        {
            name: "a .js destructuring without connection",
            files: {"src/events/connection-added.event.js": "export default async function added({user}) {}\n"},
            errors: [{messageId: "noConnection"}],
        },
        {
            name: "a wrapper type without connection",
            files: added("(event: {user: string})"),
            errors: [{messageId: "noConnection"}],
        },
        {name: "a Request", files: added("(req: Request)"), errors: [{messageId: "noConnection"}]},
        {name: "a string", files: added("(token: string)"), errors: [{messageId: "noConnection"}]},
        {
            name: "a named type without connection (type information)",
            files: added("(args: Args)", "type Args = {conn: string}\n\n"),
            errors: [{messageId: "noConnection", message: "`args: Args`"}],
        },
        {
            name: "the Connection itself behind export {h as default}",
            files: {
                [E]: 'import type {Connection} from "attio/server"\n\nasync function added(connection: Connection) {}\n\nexport {added as default}\n',
            },
            errors: [{messageId: "connectionItself", line: 3, column: 22}],
        },
        {
            name: "a further required parameter",
            files: added("({connection}: {connection: Connection}, workspaceId: string)"),
            errors: [{messageId: "extraParam", line: 3, column: 77, message: "`workspaceId: string` is required"}],
        },
    ],
})
