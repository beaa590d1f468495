import dynamicFilename from "../../src/lint/rules/dynamic-filename.js"
import {creates, REAL_WORLD_APPS} from "../support/apps.js"
import {ruleTester} from "../support/rule-tester.js"

const ADDED = "src/app/events/connection-added.event.ts"
const SDK = 'import {createWebhookHandler} from "attio/server"\n'
const added = (imports: string, body: string, more: Record<string, string> = {}) => ({
    [ADDED]: `${imports}\nexport default async function connectionAdded({connection}: {connection: {id: string; value: string}}) {\n${body}}\n`,
    ...more,
})

ruleTester(dynamicFilename, {
    valid: [
        ...REAL_WORLD_APPS,
        {
            name: "literals, even wrong ones (webhook-filename's business)",
            files: {[ADDED]: creates('"a"', '"crm/deal"', "`b`")},
        },
        {
            name: "a const in the same file",
            files: added(SDK + 'const HOOK = "a"\n', "    await createWebhookHandler({fileName: HOOK})\n"),
        },
        {
            name: "an imported const, re-exported",
            files: added(
                SDK + 'import {HOOK} from "../../config.js"\n',
                "    await createWebhookHandler({fileName: HOOK})\n",
                {
                    "src/config.ts": 'export {HOOK} from "./hooks.js"\n',
                    "src/hooks.ts": 'export const HOOK = "a"\n',
                }
            ),
        },
        {
            name: "Promise.all of two calls",
            files: added(
                SDK,
                '    await Promise.all([createWebhookHandler({fileName: "a"}), createWebhookHandler({fileName: "b"})])\n'
            ),
        },
        {
            name: "a loop over an `as const` array",
            files: added(
                SDK + 'const HOOKS = ["a", "b"] as const\n',
                "    for (const fileName of HOOKS) {\n        await createWebhookHandler({fileName})\n    }\n"
            ),
        },
        {
            name: "a loop over an inline array",
            files: added(SDK, '    for (const fileName of ["a", "b"]) await createWebhookHandler({fileName})\n'),
        },
        {
            name: "a ternary of literals",
            files: added(SDK, '    await createWebhookHandler({fileName: connection.value ? "a" : "b"})\n'),
        },
        {
            name: "a union of literals typed by hand (type information)",
            files: added(
                SDK + 'type Hook = "a" | "b"\n\nfunction pick(): Hook {\n    return "a"\n}\n',
                "    await createWebhookHandler({fileName: pick()})\n"
            ),
        },
        {
            name: "`.map` over an `as const` array (type information)",
            files: added(
                SDK + 'const HOOKS = ["a", "b"] as const\n',
                "    await Promise.all(HOOKS.map((fileName) => createWebhookHandler({fileName})))\n"
            ),
        },
        {
            name: "a property of an `as const` object (type information)",
            files: added(
                SDK + 'const HOOKS = {deal: "crm/deal"} as const\n',
                "    await createWebhookHandler({fileName: HOOKS.deal})\n"
            ),
        },
        {
            name: "a renamed import with a const",
            files: added(
                'import {createWebhookHandler as create} from "attio/server"\n\nconst HOOK = "a"\n',
                "    await create({fileName: HOOK})\n"
            ),
        },
        {
            name: "a local function merely named createWebhookHandler",
            files: added(
                "function createWebhookHandler(o: {fileName: string}) {\n    return o\n}\n",
                "    createWebhookHandler({fileName: connection.id})\n"
            ),
        },
        {
            name: "a look-alike reached through a module that also re-exports the SDK",
            files: added(
                'import {createWebhookHandler} from "../../platform.js"\n',
                "    await createWebhookHandler({fileName: connection.id})\n",
                {
                    "src/platform.ts":
                        'export * from "attio/server"\nexport async function createWebhookHandler(o: {fileName: string}) {\n    return o\n}\n',
                }
            ),
        },
        {
            name: "a helper module outside the event file with a const from another module",
            files: added('import {register} from "../../server/register.js"\n', "    await register()\n", {
                "src/server/register.ts": `${SDK}import {HOOKS} from "../hooks.js"\n\nexport async function register() {\n    for (const fileName of HOOKS) await createWebhookHandler({fileName})\n}\n`,
                "src/hooks.ts": 'export const HOOKS = ["a", "b"] as const\n',
            }),
        },
    ],
    invalid: [
        {
            name: "through `export *` of the SDK and a const alias",
            files: added(
                'import {createWebhookHandler} from "../../platform.js"\n\nconst make = createWebhookHandler\n',
                "    await make({fileName: connection.id})\n",
                {
                    "src/platform.ts": 'export * from "attio/server"\n',
                }
            ),
            errors: [{messageId: "dynamic", file: ADDED, line: 6, column: 27}],
        },
        {
            name: "a template with a substitution",
            files: added(SDK, "    await createWebhookHandler({fileName: `${connection.id}-updated`})\n"),
            errors: [{messageId: "dynamic", file: ADDED, line: 4, column: 43, hint: "`as const` array"}],
        },
        {
            name: "a parameter",
            files: {
                "src/events/connection-added.event.ts":
                    'import {register} from "../server/register.js"\n\nexport default async function added() {\n    await register()\n}\n',
                "src/server/register.ts": `${SDK}\nexport async function register(fileName: string) {\n    await createWebhookHandler({fileName})\n}\n`,
            },
            errors: [{messageId: "dynamic", line: 4, column: 33}],
        },
        {
            name: "an environment variable",
            files: added(SDK, "    await createWebhookHandler({fileName: process.env.HOOK!})\n"),
            errors: [{messageId: "dynamic"}],
        },
        {
            name: "a let",
            files: added(
                SDK,
                '    let fileName = "a"\n    if (connection.value) fileName = connection.id\n    await createWebhookHandler({fileName})\n'
            ),
            errors: [{messageId: "dynamic", line: 6}],
        },
        {
            name: "a loop over a runtime list",
            files: added(
                SDK,
                '    for (const fileName of connection.value.split(",")) await createWebhookHandler({fileName})\n'
            ),
            errors: [{messageId: "dynamic"}],
        },
        {
            name: "a const shadowed by a dynamic inner const",
            files: added(
                SDK + 'const fileName = "a"\n',
                "    if (connection.value) {\n        const fileName = connection.id\n        await createWebhookHandler({fileName})\n    }\n"
            ),
            errors: [{messageId: "dynamic", line: 7}],
        },
        {
            name: "an options object instead of a literal",
            files: added(
                SDK,
                "    const options = {fileName: connection.id}\n    await createWebhookHandler(options)\n"
            ),
            // The options are read from the const, so the finding points at the value that is not a literal.
            errors: [{messageId: "dynamic", line: 4, column: 32}],
        },
        {
            name: "through a namespace import",
            files: added(
                'import * as attio from "attio/server"\n',
                "    await attio.createWebhookHandler({fileName: connection.id})\n"
            ),
            errors: [{messageId: "dynamic"}],
        },
        {
            name: "in a .js module",
            files: {
                "src/events/connection-added.event.ts":
                    'import {register} from "../server/register.js"\n\nexport default async function added() {\n    await register()\n}\n',
                "src/server/register.js": `${SDK}\nexport const register = (name) => createWebhookHandler({fileName: name})\n`,
            },
            errors: [{messageId: "dynamic", file: "src/server/register.js", line: 3}],
        },
    ],
})
