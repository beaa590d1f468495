/**
 * Every rule of the ESLint plugin through ESLint's RuleTester: `code` is the linted file's buffer,
 * `filename` places it in an app on disk whose other files the rules see (handler ids, re-exports,
 * imported constants, the installed SDK).
 */
import {describe, expect, it} from "vitest"

import plugin, {PLUGIN_RULES} from "../../src/eslint-plugin/index.js"
import {event, webhook} from "../support/apps.js"
import {ruleTester, tempApp} from "./support.js"

const JS_WEBHOOK =
    "export default async function enrichment(_request) {\n    return new Response(null, {status: 204})\n}\n"
const SDK = 'import {createWebhookHandler} from "attio/server"\n'
const creates = (...fileNames: string[]) =>
    `${SDK}\nexport default async function connectionAdded() {\n${fileNames.map((f) => `    await createWebhookHandler({fileName: ${f}})\n`).join("")}}\n`
const handler = (body: string, signature = "(req: Request): Promise<Response>") =>
    `export default async function handler${signature} {\n${body}\n}\n`

/** Both layouts, a nested id, a .js handler, helpers in a root, a misnamed event, and SDK 1.0.4 installed. */
const {at} = tempApp(
    {
        "src/webhooks/prospect-updated.webhook.ts": webhook(),
        "src/app/webhooks/crm/deal.webhook.ts": webhook(),
        "src/webhooks/enrichment.webhook.js": JS_WEBHOOK,
        "src/webhooks/schemas.ts": 'export const dealSchema = {type: "object"}\n',
        "src/webhooks/impl.ts": webhook("impl"),
        "src/events/connection-added.event.ts": creates('"prospect-updated"'),
        "src/events/connection-removed.event.ts": event(),
        // Wrong, but on disk only: linting other files never reports it.
        "src/app/events/connection-change.event.ts": event(),
        "src/constants.ts": 'export const DEAL_HOOK = "crm/deal"\n',
        "src/utils.ts": "export async function attioFetch(path: string) {\n    return fetch(path)\n}\n",
    },
    "1.0.4"
)
/** An app on an SDK older than 1.0 (none installed). */
const old = tempApp({"src/webhooks/a.webhook.ts": webhook()})

const ADDED = at("src/events/connection-added.event.ts")
const HOOK = at("src/webhooks/prospect-updated.webhook.ts")

const run = (id: string, tests: Parameters<typeof ruleTester.run>[2]) => ruleTester.run(id, plugin.rules[id], tests)

run("webhook-location", {
    valid: [
        {code: webhook(), filename: HOOK},
        {code: webhook(), filename: at("src/app/webhooks/crm/deal.webhook.ts")},
        {code: JS_WEBHOOK, filename: at("src/webhooks/enrichment.webhook.js")},
        {code: 'export const dealSchema = {type: "object"}\n', filename: at("src/webhooks/schemas.ts")},
        {
            code: 'import handler from "./prospect-updated.webhook.js"\n\nexport default async function t(req: Request) {\n    return handler(req)\n}\n',
            filename: at("src/webhooks/prospect-updated.webhook.test.ts"),
        },
        {
            code: "export default async function helper(req: Request) {\n    return new Response(null)\n}\n",
            filename: at("src/helpers/helper.ts"),
        },
    ],
    invalid: [
        {
            code: webhook(),
            filename: at("src/handlers/prospect-updated.webhook.ts"),
            errors: [
                {
                    messageId: "outsideRoot",
                    data: {name: "src/handlers/prospect-updated.webhook.ts"},
                    line: 1,
                    column: 1,
                },
            ],
        },
        {
            code: webhook(),
            filename: at("src/webhooks/lead.webhook.tsx"),
            errors: [{messageId: "ignoredSuffix", line: 1}],
        },
        {
            code: "export default async function orphan(req: Request) {\n    return new Response(null)\n}\n",
            filename: at("src/app/webhooks/orphan.ts"),
            errors: [{messageId: "missingSuffix", line: 1}],
        },
    ],
})

run("event-location", {
    valid: [
        {code: event(), filename: at("src/app/events/connection-added.event.ts")},
        {code: event(), filename: ADDED},
        {
            code: 'import {it} from "vitest"\n\nit("adds", () => {})\n',
            filename: at("src/helpers/connection-added.event.test.ts"),
        },
    ],
    invalid: [
        {
            code: event(),
            filename: at("src/connection-added.event.ts"),
            errors: [{messageId: "outsideRoot", line: 1, column: 1}],
        },
        {
            code: event(),
            filename: at("src/events/connection-removed.event.tsx"),
            errors: [{messageId: "ignoredSuffix"}],
        },
    ],
})

run("event-name", {
    valid: [
        {code: event(), filename: at("src/events/connection-removed.event.ts")},
        {code: event(), filename: at("src/app/events/connection-added.event.ts")},
    ],
    invalid: [
        {
            code: event(),
            filename: at("src/app/events/connection-add.event.ts"),
            errors: [{messageId: "unknown", data: {id: "connection-add"}}],
        },
        {
            code: event(),
            filename: at("src/events/crm/connection-added.event.ts"),
            errors: [{messageId: "unknown", data: {id: "crm/connection-added"}}],
        },
    ],
})

run("default-export", {
    valid: [
        {code: webhook(), filename: HOOK},
        {code: event(), filename: ADDED},
        {
            code: "const h = async (req: Request) => new Response(null)\n\nexport {h as default}\n",
            filename: at("src/webhooks/arrow.webhook.ts"),
        },
        {code: 'export {default} from "./impl.js"\n', filename: at("src/webhooks/reexported.webhook.ts")},
    ],
    invalid: [
        {
            code: "export async function handler(req: Request) {\n    return new Response(null)\n}\n",
            filename: HOOK,
            errors: [{messageId: "missing", data: {id: "prospect-updated"}, line: 1, column: 1}],
        },
        {
            code: "export default {handler: true}\n",
            filename: at("src/app/webhooks/crm/deal.webhook.ts"),
            errors: [{messageId: "notFunction", line: 1}],
        },
    ],
})

run("async-handler", {
    valid: [
        {code: webhook(), filename: HOOK},
        {
            code: "export default function handler(req: Request): Promise<Response> {\n    return fetch(req)\n}\n",
            filename: HOOK,
        },
        {code: event(), filename: ADDED},
        // The platform awaits what a handler returns: fetch(…) is a Promise of a Response.
        {code: "export default function handler(req: Request) {\n    return fetch(req)\n}\n", filename: HOOK},
    ],
    invalid: [
        {
            code: "export default function handler(req: Request) {\n    return String(req.url)\n}\n",
            filename: HOOK,
            errors: [{messageId: "notAsync", data: {kind: "webhook"}, line: 1}],
        },
        {
            code: "export default function handler(req: Request) {\n    return new Response(null)\n}\n",
            filename: HOOK,
            output: "export default async function handler(req: Request) {\n    return new Response(null)\n}\n",
            errors: [{messageId: "notAsync"}],
        },
        {
            code: 'export default function connectionRemoved() {\n    console.log("removed")\n}\n',
            filename: at("src/events/connection-removed.event.ts"),
            errors: [{messageId: "notAsync", data: {kind: "event"}}],
        },
    ],
})

run("webhook-signature", {
    valid: [
        {code: webhook(), filename: HOOK},
        {code: JS_WEBHOOK, filename: at("src/webhooks/enrichment.webhook.js")},
        {code: "export default async (request: Request) => Response.json({ok: true})\n", filename: HOOK},
    ],
    invalid: [
        {
            code: handler("    return new Response(body.id)", "(body: {id: string}): Promise<Response>"),
            filename: HOOK,
            errors: [{messageId: "firstParam", line: 1, column: 39}],
        },
        {
            code: handler("    return new Response(token)", "(req: Request, token: string): Promise<Response>"),
            filename: HOOK,
            errors: [{messageId: "extraParam", data: {param: "token: string"}}],
        },
        {
            code: handler('    return "ok"', "(req: Request): Promise<string>"),
            filename: HOOK,
            errors: [{messageId: "declaredReturn"}],
        },
    ],
})

run("webhook-response", {
    valid: [
        {code: webhook(), filename: HOOK},
        {
            code: handler(
                "    try {\n        await req.json()\n        return new Response(null)\n    } catch (error) {\n        console.error(error)\n        return new Response(null, {status: 500})\n    }"
            ),
            filename: HOOK,
        },
        {
            code: "export default async function log(req: Request) {\n    console.log(req.url)\n}\n",
            filename: at("src/webhooks/log.ts"),
        },
    ],
    invalid: [
        {code: handler("    await req.text()"), filename: HOOK, errors: [{messageId: "end", line: 3}]},
        {
            code: handler("    if (!req.body) return\n    return new Response(null)"),
            filename: HOOK,
            errors: [{messageId: "bare-return", line: 2, column: 20}],
        },
        {
            code: handler(
                "    try {\n        return new Response(null)\n    } catch (error) {\n        console.error(error)\n    }"
            ),
            filename: at("src/app/webhooks/crm/deal.webhook.ts"),
            errors: [{messageId: "catch"}],
        },
        {
            code: handler("    return {ok: true}", "(req: Request)"),
            filename: HOOK,
            errors: [{messageId: "notResponse", line: 2}],
        },
    ],
})

run("event-signature", {
    valid: [
        {code: event(), filename: ADDED},
        {
            code: "export default async function connectionRemoved() {}\n",
            filename: at("src/events/connection-removed.event.ts"),
        },
    ],
    invalid: [
        {
            code: 'import type {Connection} from "attio/server"\n\nexport default async function connectionAdded(connection: Connection) {\n    console.log(connection.id)\n}\n',
            filename: ADDED,
            errors: [{messageId: "connectionItself", line: 3, column: 47}],
        },
        {
            code: "export default async function connectionAdded({token}: {token: string}) {\n    console.log(token)\n}\n",
            filename: ADDED,
            errors: [{messageId: "noConnection"}],
        },
    ],
})

run("webhook-filename", {
    valid: [
        {code: creates('"prospect-updated"', '"crm/deal"', '"enrichment"'), filename: ADDED},
        {code: `import {DEAL_HOOK} from "../constants.js"\n${creates("DEAL_HOOK")}`, filename: ADDED},
        {
            code: `${SDK}\nconst HOOKS = ["prospect-updated", "crm/deal"] as const\n\nexport async function registerAll() {\n    for (const fileName of HOOKS) await createWebhookHandler({fileName})\n}\n`,
            filename: at("src/server/register.ts"),
        },
        {
            code: 'async function createWebhookHandler(options: {fileName: string}) {}\n\nawait createWebhookHandler({fileName: "nothing"})\n',
            filename: at("src/server/local.ts"),
        },
    ],
    invalid: [
        {
            code: creates('"prospect-update"'),
            filename: ADDED,
            errors: [
                {
                    messageId: "unknown",
                    line: 4,
                    column: 43,
                    suggestions: [
                        {desc: 'Change the fileName to "prospect-updated"', output: creates('"prospect-updated"')},
                    ],
                },
            ],
        },
        {
            code: creates("'no-such-hook'"),
            filename: ADDED,
            errors: [
                {
                    messageId: "unknown",
                    data: {
                        value: "no-such-hook",
                        expected: "src/webhooks/no-such-hook.webhook.ts or src/app/webhooks/no-such-hook.webhook.ts",
                    },
                    suggestions: [],
                },
            ],
        },
        {
            code: creates('"prospect-updated.webhook.ts"'),
            filename: ADDED,
            output: creates('"prospect-updated"'),
            errors: [{messageId: "notBare", data: {value: "prospect-updated.webhook.ts", id: "prospect-updated"}}],
        },
        {
            code: creates("'src/app/webhooks/crm/deal'"),
            filename: at("src/functions/register.server.ts"),
            output: creates("'crm/deal'"),
            errors: [{messageId: "notBare"}],
        },
    ],
})

run("dynamic-filename", {
    valid: [{code: creates('"prospect-updated"'), filename: ADDED}],
    invalid: [{code: creates("`${process.env.HOOK}`"), filename: ADDED, errors: [{messageId: "dynamic", line: 4}]}],
})

run("duplicate-handler-id", {
    valid: [{code: webhook(), filename: HOOK}],
    invalid: [
        {
            // An unsaved buffer beside the file on disk with the same id in the other layout.
            code: webhook(),
            filename: at("src/app/webhooks/prospect-updated.webhook.ts"),
            errors: [
                {
                    messageId: "duplicate",
                    data: {id: "prospect-updated", others: "src/webhooks/prospect-updated.webhook.ts", kind: "webhook"},
                },
            ],
        },
    ],
})

run("deprecated-attio-fetch", {
    valid: [
        {
            code: 'import {attioFetch} from "../utils.js"\n\nawait attioFetch("/objects")\n',
            filename: at("src/server/sync.ts"),
        },
        {
            code: 'import {attioFetch} from "attio/server"\n\nawait attioFetch({path: "/objects"})\n',
            filename: old.at("src/webhooks/a.webhook.ts"),
        },
    ],
    invalid: [
        {
            code: 'import {attioFetch} from "attio/server"\n\nawait attioFetch({path: "/objects"})\n',
            filename: at("src/server/sync.ts"),
            errors: [{messageId: "deprecated", data: {version: "1.0.4"}, line: 3, column: 7}],
        },
    ],
})

run("client-import", {
    valid: [
        {
            code: 'import {showToast} from "attio/client"\n\nshowToast({title: "hi"})\n',
            filename: at("src/app/widgets/toast.tsx"),
        },
        {code: `${SDK}\nawait createWebhookHandler({fileName: "crm/deal"})\n`, filename: at("src/server/register.ts")},
    ],
    invalid: [
        {
            code: `import {showToast} from "attio/client"\n\n${webhook()}`,
            filename: HOOK,
            errors: [{messageId: "clientImport", data: {kind: "webhook handler"}, line: 1}],
        },
        {
            code: 'import {showToast} from "attio/client"\n\nexport async function sync() {\n    showToast({title: "hi"})\n}\n',
            filename: at("src/server/sync.server.ts"),
            errors: [{messageId: "clientImport", data: {kind: "server function"}}],
        },
    ],
})

/** A handler that re-exports its default from a module beside it: that module is judged as the CLI judges it. */
const reExported = tempApp({
    "src/webhooks/a.webhook.ts": 'export {default} from "./impl.js"\n',
    "src/webhooks/impl.ts": handler("    return new Response(null)", "(req: Request)"),
})
const IMPL = reExported.at("src/webhooks/impl.ts")

run("webhook-location", {
    valid: [{code: handler("    return new Response(null)", "(req: Request)"), filename: IMPL}],
    invalid: [],
})

run("webhook-response", {
    valid: [{code: 'export {default} from "./impl.js"\n', filename: reExported.at("src/webhooks/a.webhook.ts")}],
    invalid: [
        {
            code: handler("    await req.text()", "(req: Request)"),
            filename: IMPL,
            errors: [{messageId: "end", line: 3}],
        },
    ],
})

/** A helper that reaches the SDK only through a module that re-exports it, and never mentions attio/. */
const facade = tempApp({
    "src/webhooks/deal.webhook.ts": webhook(),
    "src/platform/index.ts": 'export * from "./sdk.js"\n',
    "src/platform/sdk.ts": 'export {createWebhookHandler as make} from "attio/server"\n',
    "src/events/connection-added.event.ts":
        'import {register} from "../server/register.js"\n\nexport default async function added() {\n    await register()\n}\n',
})
const REGISTER =
    'import {make} from "../platform/index.js"\n\nexport async function register() {\n    await make({fileName: "deals"})\n}\n'

run("webhook-filename", {
    valid: [{code: REGISTER.replace('"deals"', '"deal"'), filename: facade.at("src/server/register.ts")}],
    invalid: [
        {
            code: REGISTER,
            filename: facade.at("src/server/register.ts"),
            errors: [
                {
                    messageId: "unknown",
                    line: 4,
                    suggestions: [
                        {desc: 'Change the fileName to "deal"', output: REGISTER.replace('"deals"', '"deal"')},
                    ],
                },
            ],
        },
    ],
})

describe("the plugin's rules", () => {
    it("are the CLI's rules but those whose meta says why not: parse-error is ESLint's parser's, two judge the whole app", () => {
        expect(Object.keys(plugin.rules).sort()).toEqual(
            [
                "async-handler",
                "client-import",
                "default-export",
                "deprecated-attio-fetch",
                "duplicate-handler-id",
                "dynamic-filename",
                "event-location",
                "event-name",
                "event-signature",
                "webhook-filename",
                "webhook-location",
                "webhook-response",
                "webhook-signature",
            ].sort()
        )
        expect(PLUGIN_RULES.map((r) => r.meta.id).sort()).toEqual(Object.keys(plugin.rules).sort())
    })
})
