import webhookFilename from "../../src/lint/rules/webhook-filename.js"
import {creates, REAL_WORLD_APPS, webhook} from "../support/apps.js"
import {ruleTester} from "../support/rule-tester.js"

/** Handler ids: prospect-updated (documented layout), crm/deal (src/app layout, nested), enrichment (.js). */
const HANDLERS = {
    "src/webhooks/prospect-updated.webhook.ts": webhook(),
    "src/app/webhooks/crm/deal.webhook.ts": webhook(),
    "src/webhooks/enrichment.webhook.js":
        "export default async function enrichment(req) {\n    return new Response(null)\n}\n",
}
const ADDED = "src/events/connection-added.event.ts"
const app = (added: string, more: Record<string, string> = {}) => ({...HANDLERS, [ADDED]: added, ...more})
const addedWith = (imports: string, body: string) =>
    `${imports}\nexport default async function connectionAdded() {\n${body}}\n`
const SDK = 'import {createWebhookHandler} from "attio/server"\n'
/** Column of the fileName value in a `creates(...)` call line. */
const VALUE = 43
/** The suggestion to change the fileName "from" to "to" in `text`: its description and the text after it. */
const changeTo = (text: string, from: string, to: string) => ({
    desc: `Change the fileName to "${to}"`,
    output: text.replace(`"${from}"`, `"${to}"`),
})
const DYNAMIC_IMPORT = addedWith(
    "",
    '    const sdk = await import("attio/server")\n    await sdk.createWebhookHandler({fileName: "crm/deals"})\n    const {createWebhookHandler} = await import("attio/server")\n    await createWebhookHandler({fileName: "enrichments"})\n'
)
/** Helper modules that register a handler, each with a wrong fileName. */
const REGISTER = `${SDK}\nexport async function register() {\n    await createWebhookHandler({fileName: "prospect_updated"})\n}\n`
const REGISTER_THROUGH_REEXPORT =
    'import {createWebhookHandler} from "../platform/sdk.js"\n\nexport async function register() {\n    await createWebhookHandler({fileName: "prospect_updated"})\n}\n'
const REGISTER_THROUGH_DEFAULT =
    'import make from "../platform/make.js"\n\nexport async function register() {\n    await make({fileName: "prospect_updated"})\n}\n'
/** connection-added files with wrong fileNames, each through another way to reach createWebhookHandler. */
const RENAMED = addedWith(
    'import {createWebhookHandler as createHook} from "attio/server"\n',
    '    await createHook({fileName: "crm-deal"})\n'
)
const NAMESPACE = addedWith(
    'import * as sdk from "attio/server"\n',
    '    await sdk.createWebhookHandler({fileName: "enrichments"})\n'
)
const PROMISE_ALL = addedWith(
    SDK,
    '    await Promise.all([\n        createWebhookHandler({fileName: "crm/deal"}),\n        createWebhookHandler({fileName: "enrichmnt"}),\n    ])\n'
)
const EXPORT_STAR = addedWith(
    'import * as api from "../platform/index.js"\nimport {attio} from "../platform/ns.js"\n',
    '    await api.createWebhookHandler({fileName: "crm-deal"})\n    await attio.createWebhookHandler({fileName: "enrichmnt"})\n'
)
const ALIASES = addedWith(
    'import * as sdk from "attio/server"\nimport {make} from "../hooks.js"\n\nconst {createWebhookHandler: create} = sdk\n',
    '    const direct = sdk.createWebhookHandler\n    await create({fileName: "crm-deal"})\n    await direct({fileName: "enrichmnt"})\n    await make({fileName: "prospect_updated"})\n'
)
const DEFAULT_EXPORTED = addedWith('import create from "../sdk.js"\n', '    await create({fileName: "crm-deal"})\n')
const REGISTER_ENRICHMENT = `${SDK}\nexport async function register() {\n    await createWebhookHandler({fileName: "enrichmnt"})\n}\n`

ruleTester(webhookFilename, {
    valid: [
        ...REAL_WORLD_APPS,
        {
            name: "literals: a plain id, a nested id, a .js handler's id",
            files: app(creates('"prospect-updated"', '"crm/deal"', '"enrichment"')),
        },
        {name: "a template literal without substitutions", files: app(creates("`crm/deal`"))},
        {
            name: "a top-level const and a block const",
            files: app(
                addedWith(
                    SDK + 'const HOOK = "crm/deal"\n',
                    '    const hook = "enrichment"\n    await createWebhookHandler({fileName: HOOK})\n    await createWebhookHandler({fileName: hook})\n'
                )
            ),
        },
        {
            name: "a const imported from another module, re-exported through an index",
            files: app(
                addedWith(
                    SDK + 'import {DEAL_HOOK, ENRICHMENT_HOOK} from "../config/index.js"\n',
                    "    await createWebhookHandler({fileName: DEAL_HOOK})\n    await createWebhookHandler({fileName: ENRICHMENT_HOOK})\n"
                ),
                {
                    "src/config/index.ts": 'export {DEAL_HOOK} from "./hooks.js"\nexport * from "./more.js"\n',
                    "src/config/hooks.ts": 'export const DEAL_HOOK = "crm/deal"\n',
                    "src/config/more.ts": 'export const ENRICHMENT_HOOK = "enrichment"\n',
                }
            ),
        },
        {
            name: "a helper module outside the event file, re-exported, with Promise.all of two calls",
            files: app(addedWith('import {registerAll} from "../server/index.js"\n', "    await registerAll()\n"), {
                "src/server/index.ts": 'export {registerAll} from "./register.js"\n',
                "src/server/register.ts": `${SDK}\nexport async function registerAll() {\n    return Promise.all([createWebhookHandler({fileName: "prospect-updated"}), createWebhookHandler({fileName: "crm/deal"})])\n}\n`,
            }),
        },
        {
            name: "a loop over an `as const` array",
            files: app(
                addedWith(
                    SDK + 'const HOOKS = ["prospect-updated", "crm/deal", "enrichment"] as const\n',
                    "    for (const fileName of HOOKS) {\n        await createWebhookHandler({fileName})\n    }\n"
                )
            ),
        },
        {
            name: "a loop over an imported `as const` array (type information)",
            files: app(
                addedWith(
                    SDK + 'import {HOOKS} from "../hooks.js"\n',
                    "    for (const fileName of HOOKS) await createWebhookHandler({fileName})\n"
                ),
                {
                    "src/hooks.ts": 'export const HOOKS = ["prospect-updated", "crm/deal"] as const\n',
                }
            ),
        },
        {
            name: "`.map` over an `as const` array (type information)",
            files: app(
                addedWith(
                    SDK + 'const HOOKS = ["crm/deal", "enrichment"] as const\n',
                    "    await Promise.all(HOOKS.map((fileName) => createWebhookHandler({fileName})))\n"
                )
            ),
        },
        {
            name: "a property of an `as const` object (type information)",
            files: app(
                addedWith(
                    SDK + 'const HOOKS = {deal: "crm/deal", enrichment: "enrichment"} as const\n',
                    "    await createWebhookHandler({fileName: HOOKS.deal})\n"
                )
            ),
        },
        {
            name: "a ternary of literals",
            files: app(
                addedWith(
                    SDK,
                    '    await createWebhookHandler({fileName: Math.random() > 0.5 ? "crm/deal" : "enrichment"})\n'
                )
            ),
        },
        {
            name: "a ternary of consts",
            files: app(
                addedWith(
                    SDK + 'const A = "crm/deal"\nconst B = "enrichment"\n',
                    "    const fileName = Date.now() % 2 ? A : B\n    await createWebhookHandler({fileName})\n"
                )
            ),
        },
        {
            name: "createWebhookHandler renamed on import",
            files: app(
                addedWith(
                    'import {createWebhookHandler as createHook} from "attio/server"\n',
                    '    await createHook({fileName: "crm/deal"})\n'
                )
            ),
        },
        {
            name: "createWebhookHandler through a namespace import",
            files: app(
                addedWith(
                    'import * as attio from "attio/server"\n',
                    '    await attio.createWebhookHandler({fileName: "enrichment"})\n'
                )
            ),
        },
        {
            name: "the combined type and value import",
            files: app(
                addedWith(
                    'import {type Connection, createWebhookHandler} from "attio/server"\n',
                    '    const c: Connection | undefined = undefined\n    await createWebhookHandler({fileName: "prospect-updated"})\n'
                )
            ),
        },
        {
            name: "a local function merely named createWebhookHandler",
            files: app(
                addedWith(
                    "function createWebhookHandler(options: {fileName: string}) {\n    return options\n}\n",
                    '    createWebhookHandler({fileName: "prospect-updated.webhook.ts"})\n    createWebhookHandler({fileName: "nope"})\n'
                )
            ),
        },
        {
            name: "a local createWebhookHandler in a file that imports other SDK functions",
            files: app(
                addedWith(
                    'import {listWebhookHandlers} from "attio/server"\n\nconst createWebhookHandler = async (o: {fileName: string}) => o\n',
                    '    await listWebhookHandlers()\n    await createWebhookHandler({fileName: "nope"})\n'
                )
            ),
        },
        {
            name: "a look-alike SDK module",
            files: app(
                addedWith(
                    'import {createWebhookHandler} from "../lib/fake-attio.js"\n',
                    '    await createWebhookHandler({fileName: "src/webhooks/nope.webhook.ts"})\n'
                ),
                {
                    "src/lib/fake-attio.ts":
                        "export async function createWebhookHandler(o: {fileName: string; retries?: number}) {\n    return o\n}\n",
                }
            ),
        },
        {
            name: "through a module that re-exports it (export {…} from), a chain of `export *` and a rename",
            files: app(
                addedWith(
                    'import {createWebhookHandler} from "../platform/index.js"\nimport {makeHook} from "../platform/renamed.js"\n',
                    '    await createWebhookHandler({fileName: "crm/deal"})\n    await makeHook({fileName: "enrichment"})\n'
                ),
                {
                    "src/platform/index.ts": 'export * from "./sdk.js"\n',
                    "src/platform/sdk.ts": 'export {createWebhookHandler} from "attio/server"\n',
                    "src/platform/renamed.ts": 'export {createWebhookHandler as makeHook} from "./index.js"\n',
                }
            ),
        },
        {
            name: "a look-alike re-exported by a module that also re-exports the SDK",
            files: app(
                addedWith(
                    'import {createWebhookHandler} from "../platform.js"\n',
                    '    await createWebhookHandler({fileName: "nope"})\n'
                ),
                {
                    "src/platform.ts": 'export * from "attio/server"\nexport {createWebhookHandler} from "./fake.js"\n',
                    "src/fake.ts":
                        "export async function createWebhookHandler(o: {fileName: string}) {\n    return o\n}\n",
                }
            ),
        },
        {
            name: "a local binding that shadows an SDK alias",
            files: app(
                addedWith(
                    'import * as sdk from "attio/server"\n\nconst {createWebhookHandler: make} = sdk\n',
                    '    const make = (o: {fileName: string}) => o\n    make({fileName: "nope"})\n'
                )
            ),
        },
        {
            name: "a call in a module the bundle leaves out never runs",
            files: {
                ...HANDLERS,
                "src/server/unused.ts": `${SDK}\nexport async function register() {\n    await createWebhookHandler({fileName: "nope"})\n}\n`,
            },
        },
        {
            name: "a dynamic value is dynamic-filename's business",
            files: app(
                addedWith(
                    SDK,
                    "    const kind = String(Date.now())\n    await createWebhookHandler({fileName: `${kind}-updated`})\n"
                )
            ),
        },
        {
            name: "an inner binding shadows an outer const",
            files: app(
                addedWith(
                    SDK + 'const fileName = "nope"\n',
                    "    for (const hook of [String(Date.now())]) {\n        const fileName = hook\n        await createWebhookHandler({fileName})\n    }\n"
                )
            ),
        },
        {
            name: "a parameter shadows an outer const",
            files: app(
                `${SDK}const fileName = "nope"\n\nexport async function register(fileName: string) {\n    await createWebhookHandler({fileName})\n}\n`
            ),
        },
        {
            name: "a call in a .js module",
            files: app(creates('"crm/deal"'), {
                "src/server/register.js": `${SDK}\nexport const register = () => createWebhookHandler({fileName: "enrichment"})\n`,
            }),
        },
    ],
    invalid: [
        {
            name: "through a dynamic import of attio/server, its namespace and a destructuring of it",
            files: app(DYNAMIC_IMPORT),
            errors: [
                {
                    messageId: "unknown",
                    file: ADDED,
                    line: 4,
                    suggestions: [changeTo(DYNAMIC_IMPORT, "crm/deals", "crm/deal")],
                },
                {
                    messageId: "unknown",
                    file: ADDED,
                    line: 6,
                    suggestions: [changeTo(DYNAMIC_IMPORT, "enrichments", "enrichment")],
                },
            ],
        },
        {
            name: "options held in a const object",
            files: app(
                addedWith(
                    SDK,
                    '    const options = {fileName: "/prospect-updated"}\n    await createWebhookHandler(options)\n'
                )
            ),
            errors: [{messageId: "notBare", file: ADDED, line: 4}],
            output: {
                [ADDED]: addedWith(
                    SDK,
                    '    const options = {fileName: "prospect-updated"}\n    await createWebhookHandler(options)\n'
                ),
            },
        },
        {
            name: "a typo, with a did-you-mean",
            files: app(creates('"prospect-update"')),
            errors: [
                {
                    messageId: "unknown",
                    file: ADDED,
                    line: 4,
                    column: VALUE,
                    message:
                        'fileName "prospect-update" names no webhook handler: there is no src/webhooks/prospect-update.webhook.ts or src/app/webhooks/prospect-update.webhook.ts',
                    hint: 'Did you mean "prospect-updated"?',
                    suggestions: [changeTo(creates('"prospect-update"'), "prospect-update", "prospect-updated")],
                },
            ],
        },
        {
            name: "a typo in a nested id",
            files: app(creates('"crm/deals"')),
            errors: [
                {
                    messageId: "unknown",
                    hint: 'Did you mean "crm/deal"?',
                    suggestions: [changeTo(creates('"crm/deals"'), "crm/deals", "crm/deal")],
                },
            ],
        },
        {
            name: "a name like no handler lists the ids",
            files: app(creates('"salesforce-sync"')),
            errors: [
                {
                    messageId: "unknown",
                    hint: "Handler ids in this app: crm/deal, enrichment, prospect-updated.",
                    suggestions: [],
                },
            ],
        },
        {
            name: "no handlers at all",
            files: {[ADDED]: creates('"deal"')},
            errors: [
                {
                    messageId: "unknown",
                    hint: "Create the handler file, e.g. with generator-attio-app's `attio-app webhook deal`",
                },
            ],
        },
        {
            name: "the file name with its suffix",
            files: app(creates('"prospect-updated.webhook.ts"')),
            errors: [
                {
                    messageId: "notBare",
                    line: 4,
                    column: VALUE,
                    message:
                        'fileName "prospect-updated.webhook.ts" must be the handler id without folder or suffix: "prospect-updated"',
                },
            ],
            output: {[ADDED]: creates('"prospect-updated"')},
        },
        {
            name: "a quoted fileName key is the same property",
            files: app(addedWith(SDK, '    await createWebhookHandler({"fileName": "prospect-updated.webhook.ts"})\n')),
            errors: [{messageId: "notBare", line: 4, column: 45}],
            output: {[ADDED]: addedWith(SDK, '    await createWebhookHandler({"fileName": "prospect-updated"})\n')},
        },
        {
            name: "a root folder and a nested id",
            files: app(creates('"src/app/webhooks/crm/deal"')),
            errors: [{messageId: "notBare", message: ': "crm/deal"'}],
            output: {[ADDED]: creates('"crm/deal"')},
        },
        {
            name: "a partial root folder and the suffix without extension",
            files: app(creates('"webhooks/crm/deal.webhook"')),
            errors: [{messageId: "notBare", message: ': "crm/deal"'}],
            output: {[ADDED]: creates('"crm/deal"')},
        },
        {
            name: "a .js file name",
            files: app(creates('"enrichment.webhook.js"')),
            errors: [{messageId: "notBare", message: ': "enrichment"'}],
            output: {[ADDED]: creates('"enrichment"')},
        },
        {
            name: "the bare id does not exist either",
            files: app(creates('"src/webhooks/nope.webhook.ts"')),
            errors: [{messageId: "notBare", hint: 'No handler has id "nope" either.'}],
            output: null,
        },
        {
            name: "renamed on import",
            files: app(RENAMED),
            errors: [
                {
                    messageId: "unknown",
                    line: 4,
                    column: 33,
                    hint: '"crm/deal"',
                    suggestions: [changeTo(RENAMED, "crm-deal", "crm/deal")],
                },
            ],
        },
        {
            name: "through a namespace import",
            files: app(NAMESPACE),
            errors: [
                {
                    messageId: "unknown",
                    hint: '"enrichment"',
                    suggestions: [changeTo(NAMESPACE, "enrichments", "enrichment")],
                },
            ],
        },
        {
            name: "an imported const with a wrong value is reported at the call",
            files: app(
                addedWith(
                    SDK + 'import {DEAL_HOOK} from "../hooks.js"\n',
                    "    await createWebhookHandler({fileName: DEAL_HOOK})\n"
                ),
                {"src/hooks.ts": 'export const DEAL_HOOK = "deal"\n'}
            ),
            errors: [{messageId: "unknown", file: ADDED, line: 5, column: VALUE, message: '"deal"'}],
        },
        {
            name: "a loop over an `as const` array checks every value",
            files: app(
                addedWith(
                    SDK +
                        'const HOOKS = ["prospect-updated", "crm/deals", "enrichment", "enrichment.webhook.js"] as const\n',
                    "    for (const fileName of HOOKS) await createWebhookHandler({fileName})\n"
                )
            ),
            errors: [
                {messageId: "unknown", line: 5, column: 63, message: '"crm/deals"'},
                {messageId: "notBare", line: 5, column: 63, message: '"enrichment.webhook.js"'},
            ],
        },
        {
            name: "an imported `as const` array with a wrong value (type information)",
            files: app(
                addedWith(
                    SDK + 'import {HOOKS} from "../hooks.js"\n',
                    "    for (const fileName of HOOKS) await createWebhookHandler({fileName})\n"
                ),
                {"src/hooks.ts": 'export const HOOKS = ["crm/deal", "prospect"] as const\n'}
            ),
            errors: [{messageId: "unknown", message: '"prospect"'}],
        },
        {
            name: "a ternary with one wrong branch",
            files: app(
                addedWith(SDK, '    await createWebhookHandler({fileName: Date.now() ? "crm/deal" : "crm/dael"})\n')
            ),
            errors: [{messageId: "unknown", message: '"crm/dael"'}],
        },
        {
            name: "Promise.all with one wrong call",
            files: app(PROMISE_ALL),
            errors: [
                {
                    messageId: "unknown",
                    line: 6,
                    column: 41,
                    hint: '"enrichment"',
                    suggestions: [changeTo(PROMISE_ALL, "enrichmnt", "enrichment")],
                },
            ],
        },
        {
            name: "a helper module outside the event file",
            files: {
                "src/events/connection-added.event.ts":
                    'import {register} from "../server/register.js"\n\nexport default async function added() {\n    await register()\n}\n',
                ...HANDLERS,
                "src/server/register.ts": REGISTER,
            },
            errors: [
                {
                    messageId: "unknown",
                    file: "src/server/register.ts",
                    line: 4,
                    hint: '"prospect-updated"',
                    suggestions: [changeTo(REGISTER, "prospect_updated", "prospect-updated")],
                },
            ],
        },
        {
            name: "through a re-export module, in a helper that never mentions attio/",
            files: {
                "src/events/connection-added.event.ts":
                    'import {register} from "../server/register.js"\n\nexport default async function added() {\n    await register()\n}\n',
                ...HANDLERS,
                "src/platform/sdk.ts": 'export {createWebhookHandler} from "attio/server"\n',
                "src/server/register.ts": REGISTER_THROUGH_REEXPORT,
            },
            errors: [
                {
                    messageId: "unknown",
                    file: "src/server/register.ts",
                    line: 4,
                    hint: '"prospect-updated"',
                    suggestions: [changeTo(REGISTER_THROUGH_REEXPORT, "prospect_updated", "prospect-updated")],
                },
            ],
        },
        {
            name: "through a module whose default is a property of the SDK's namespace",
            files: {
                "src/events/connection-added.event.ts":
                    'import {register} from "../server/register.js"\n\nexport default async function added() {\n    await register()\n}\n',
                ...HANDLERS,
                "src/platform/make.ts":
                    'import * as sdk from "attio/server"\n\nexport default sdk.createWebhookHandler\n',
                "src/server/register.ts": REGISTER_THROUGH_DEFAULT,
            },
            errors: [
                {
                    messageId: "unknown",
                    file: "src/server/register.ts",
                    line: 4,
                    hint: '"prospect-updated"',
                    suggestions: [changeTo(REGISTER_THROUGH_DEFAULT, "prospect_updated", "prospect-updated")],
                },
            ],
        },
        {
            name: "through `export *` chains, `export * as` and a namespace import of a re-export module",
            files: app(EXPORT_STAR, {
                "src/platform/index.ts": 'export * from "./all.js"\n',
                "src/platform/all.ts": 'export * from "attio/server"\n',
                "src/platform/ns.ts": 'export * as attio from "attio/server"\n',
            }),
            errors: [
                {
                    messageId: "unknown",
                    line: 5,
                    hint: '"crm/deal"',
                    suggestions: [changeTo(EXPORT_STAR, "crm-deal", "crm/deal")],
                },
                {
                    messageId: "unknown",
                    line: 6,
                    hint: '"enrichment"',
                    suggestions: [changeTo(EXPORT_STAR, "enrichmnt", "enrichment")],
                },
            ],
        },
        {
            name: "an alias, a destructured namespace and an exported alias",
            files: app(ALIASES, {
                "src/hooks.ts":
                    'import {createWebhookHandler} from "attio/server"\n\nexport const make = createWebhookHandler\n',
            }),
            errors: [
                {
                    messageId: "unknown",
                    line: 8,
                    hint: '"crm/deal"',
                    suggestions: [changeTo(ALIASES, "crm-deal", "crm/deal")],
                },
                {
                    messageId: "unknown",
                    line: 9,
                    hint: '"enrichment"',
                    suggestions: [changeTo(ALIASES, "enrichmnt", "enrichment")],
                },
                {
                    messageId: "unknown",
                    line: 10,
                    hint: '"prospect-updated"',
                    suggestions: [changeTo(ALIASES, "prospect_updated", "prospect-updated")],
                },
            ],
        },
        {
            name: "through a module whose default export is createWebhookHandler",
            files: app(DEFAULT_EXPORTED, {
                "src/sdk.ts":
                    'import {createWebhookHandler} from "attio/server"\n\nexport default createWebhookHandler\n',
            }),
            errors: [
                {
                    messageId: "unknown",
                    line: 4,
                    hint: '"crm/deal"',
                    suggestions: [changeTo(DEFAULT_EXPORTED, "crm-deal", "crm/deal")],
                },
            ],
        },
        {
            name: "a call in a server function and in a module it imports",
            files: {
                ...HANDLERS,
                "src/functions/sync.server.ts": `import {register} from "../server/register.js"\n${SDK}\nexport default async function sync() {\n    await createWebhookHandler({fileName: "crm/deal"})\n    await register()\n}\n`,
                "src/server/register.ts": REGISTER_ENRICHMENT,
            },
            errors: [
                {
                    messageId: "unknown",
                    file: "src/server/register.ts",
                    line: 4,
                    hint: '"enrichment"',
                    suggestions: [changeTo(REGISTER_ENRICHMENT, "enrichmnt", "enrichment")],
                },
            ],
        },
        {
            name: "a handler the build ignores (.webhook.tsx) is no id",
            files: {"src/webhooks/deal.webhook.tsx": webhook(), [ADDED]: creates('"deal"')},
            errors: [{messageId: "unknown"}],
        },
    ],
})
