import deprecatedAttioFetch from "../../src/lint/rules/deprecated-attio-fetch.js"
import {APP_LAYOUT_APP, REAL_WORLD_APPS, SEED_APP, SEED_WEBHOOK} from "../support/apps.js"
import {ruleTester} from "../support/rule-tester.js"

const W = "src/webhooks/a.webhook.ts"
const usesFetch = (imports: string, call = "attioFetch") =>
    `${imports}\nexport default async function a(req: Request): Promise<Response> {\n    await ${call}({path: "/objects/people/records", method: "PUT", body: await req.json()})\n    return new Response(null)\n}\n`

ruleTester(deprecatedAttioFetch, {
    valid: [
        ...REAL_WORLD_APPS,
        {name: "the seed with attio 0.9.0 installed", files: SEED_APP, sdkVersion: "0.9.0"},
        {name: "the seed with attio 0.12.3 installed", files: SEED_APP, sdkVersion: "0.12.3"},
        {name: "fetch with ATTIO_API_TOKEN on attio 1.0.4", files: APP_LAYOUT_APP, sdkVersion: "1.0.4"},
        {
            name: "a local attioFetch helper module on attio 1.0.4",
            files: {
                [W]: usesFetch('import {attioFetch} from "../utils/attio.js"\n'),
                "src/utils/attio.ts":
                    "export async function attioFetch(options: {path: string; method: string; body: unknown}) {\n    return fetch(`https://api.attio.com/v2${options.path}`, {method: options.method, body: JSON.stringify(options.body)})\n}\n",
            },
            sdkVersion: "1.0.4",
        },
        {
            name: "a local function merely named attioFetch, beside other SDK imports, on attio 1.0.4",
            files: {
                [W]: usesFetch(
                    'import {ATTIO_API_TOKEN} from "attio/server"\n\nconst attioFetch = (o: {path: string; method: string; body: unknown}) => fetch(`https://api.attio.com/v2${o.path}`, {method: o.method, headers: {Authorization: `Bearer ${ATTIO_API_TOKEN}`}})\n'
                ),
            },
            sdkVersion: "1.0.4",
        },
        {
            name: "a namespace import that uses other functions, on attio 1.0.4",
            files: {
                "src/app/events/connection-removed.event.ts":
                    'import * as attio from "attio/server"\n\nexport default async function removed() {\n    for (const h of await attio.listWebhookHandlers()) await attio.deleteWebhookHandler(h.id)\n}\n',
            },
            sdkVersion: "1.0.4",
        },
        {
            name: "a module that re-exports the SDK, used for other functions, on attio 1.0.4",
            files: {
                [W]: 'import {sdk} from "../platform.js"\n\nexport default async function a(req: Request): Promise<Response> {\n    await sdk.listWebhookHandlers()\n    return new Response(null)\n}\n',
                "src/platform.ts": 'export * as sdk from "attio/server"\n',
            },
            sdkVersion: "1.0.4",
        },
        {
            name: "a local attioFetch re-exported beside the SDK, on attio 1.0.4",
            files: {
                [W]: usesFetch('import {attioFetch} from "../platform.js"\n'),
                "src/platform.ts": 'export * from "attio/server"\nexport {attioFetch} from "./fetch.js"\n',
                "src/fetch.ts":
                    "export async function attioFetch(o: {path: string; method: string; body: unknown}) {\n    return fetch(o.path)\n}\n",
            },
            sdkVersion: "1.0.4",
        },
        {
            name: "a .js handler calling it (not type-checked) and a mere reference (no call) on attio 1.0.4",
            files: {
                "src/app/webhooks/crm/deal.webhook.js":
                    'import {attioFetch} from "attio/server"\n\nexport default async function deal(req) {\n    await attioFetch({path: "/x"})\n    return new Response(null)\n}\n',
                "src/server/attio.ts":
                    'import {ATTIO_API_TOKEN} from "attio/server"\nimport {attioFetch} from "attio/server"\n\nexport const call = attioFetch\nexport const token = ATTIO_API_TOKEN\n',
            },
            sdkVersion: "1.0.4",
        },
    ],
    invalid: [
        {
            name: "through a re-export module, a chain of `export *` and a rename",
            files: {
                [W]: usesFetch('import {call} from "../platform/index.js"\n', "call"),
                "src/platform/index.ts": 'export * from "./sdk.js"\n',
                "src/platform/sdk.ts": 'export {attioFetch as call} from "attio/server"\n',
            },
            sdkVersion: "1.0.4",
            errors: [{messageId: "deprecated", file: W, line: 4, column: 11}],
        },
        {
            name: "through a destructured namespace and an `export * as` module",
            files: {
                [W]: usesFetch(
                    'import * as sdk from "attio/server"\nimport {attio} from "../ns.js"\n\nconst {attioFetch: call} = sdk\n',
                    "call"
                ),
                "src/app/events/connection-added.event.ts":
                    'import {attio} from "../../ns.js"\n\nexport default async function added() {\n    await attio.attioFetch({path: "/self"})\n}\n',
                "src/ns.ts": 'export * as attio from "attio/server"\n',
            },
            sdkVersion: "1.0.4",
            errors: [
                {messageId: "deprecated", file: "src/app/events/connection-added.event.ts", line: 4, column: 11},
                {messageId: "deprecated", file: W, line: 7, column: 11},
            ],
        },
        {
            name: "the seed's handler on attio 1.0.4",
            files: SEED_APP,
            sdkVersion: "1.0.4",
            errors: [
                {
                    messageId: "deprecated",
                    file: "src/webhooks/prospect-updated.webhook.ts",
                    line: 16,
                    column: 15,
                    message: "(installed: 1.0.4)",
                    hint: "ATTIO_API_TOKEN",
                },
            ],
        },
        {
            name: "the message says what to use instead",
            files: {[W]: SEED_WEBHOOK},
            sdkVersion: "2.3.0",
            errors: [
                {
                    messageId: "deprecated",
                    message: 'call Attio\'s REST API with fetch and ATTIO_API_TOKEN from "attio/server" instead',
                },
            ],
        },
        {
            name: "a prerelease of 1.0",
            files: {[W]: SEED_WEBHOOK},
            sdkVersion: "1.0.0-beta.2",
            errors: [{messageId: "deprecated", message: "1.0.0-beta.2"}],
        },
        {
            name: "renamed on import",
            files: {[W]: usesFetch('import {attioFetch as call} from "attio/server"\n', "call")},
            sdkVersion: "1.0.4",
            errors: [{messageId: "deprecated", line: 4, column: 11}],
        },
        {
            name: "beside other SDK imports",
            files: {[W]: usesFetch('import {ATTIO_API_TOKEN, attioFetch} from "attio/server"\n')},
            sdkVersion: "1.0.4",
            errors: [{messageId: "deprecated", line: 4, column: 11}],
        },
        {
            name: "through a namespace import",
            files: {[W]: usesFetch('import * as attio from "attio/server"\n', "attio.attioFetch")},
            sdkVersion: "1.0.4",
            errors: [{messageId: "deprecated", line: 4, column: 11}],
        },
    ],
})
