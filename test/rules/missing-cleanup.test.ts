import missingCleanup from "../../src/lint/rules/missing-cleanup.js"
import {
    CONNECTION_REMOVED,
    creates,
    REAL_WORLD_APPS,
    SEED_CONNECTION_ADDED,
    SEED_WEBHOOK,
    TOKEN_CHECK_APP,
    webhook,
} from "../support/apps.js"
import fs from "node:fs"

import {expect, it} from "vitest"

import {lint} from "../../src/index.js"
import {ruleTester, writeApp} from "../support/rule-tester.js"

const HOOK = {"src/webhooks/a.webhook.ts": webhook()}

ruleTester(missingCleanup, {
    valid: [
        ...REAL_WORLD_APPS,
        {name: "connection-added only validates the token, no connection-removed", files: TOKEN_CHECK_APP},
        {
            name: "webhook handlers exist but nothing creates them",
            files: {...HOOK, "src/events/connection-added.event.ts": "export default async function added() {}\n"},
        },
        {
            name: "created in src/events, removed in src/app/events",
            files: {
                ...HOOK,
                "src/events/connection-added.event.ts": creates('"a"'),
                "src/app/events/connection-removed.event.ts": CONNECTION_REMOVED,
            },
        },
        {
            name: "a .js connection-removed",
            files: {
                ...HOOK,
                "src/app/events/connection-added.event.js": creates('"a"'),
                "src/app/events/connection-removed.event.js": "export default async function removed() {}\n",
            },
        },
        {
            name: "a local function merely named createWebhookHandler",
            files: {
                "src/events/connection-added.event.ts":
                    'function createWebhookHandler(o: {fileName: string}) {\n    return o\n}\n\nexport default async function added() {\n    createWebhookHandler({fileName: "a"})\n}\n',
            },
        },
        {
            name: "a look-alike createWebhookHandler re-exported by a module of the app",
            files: {
                ...HOOK,
                "src/events/connection-added.event.ts":
                    'import {createWebhookHandler} from "../platform.js"\n\nexport default async function added() {\n    await createWebhookHandler({fileName: "a"})\n}\n',
                "src/platform.ts":
                    "export async function createWebhookHandler(o: {fileName: string}) {\n    return o\n}\n",
            },
        },
    ],
    invalid: [
        {
            name: "handlers created through a module that re-exports the SDK, aliased",
            files: {
                ...HOOK,
                "src/app/events/connection-added.event.ts":
                    'import {sdk} from "../../platform.js"\n\nconst {createWebhookHandler: create} = sdk\n\nexport default async function added() {\n    await create({fileName: "a"})\n}\n',
                "src/platform.ts": 'export * as sdk from "attio/server"\n',
            },
            errors: [{messageId: "noCleanup", file: "src/app/events/connection-added.event.ts", line: 6, column: 11}],
        },
        {
            name: "the seed without connection-removed",
            files: {
                "src/webhooks/prospect-updated.webhook.ts": SEED_WEBHOOK,
                "src/events/connection-added.event.ts": SEED_CONNECTION_ADDED,
            },
            errors: [
                {
                    messageId: "noCleanup",
                    file: "src/events/connection-added.event.ts",
                    line: 5,
                    column: 27,
                    hint: "generator-attio-app's `attio-app event connection-removed`",
                },
            ],
        },
        {
            name: "a helper creates the handlers in the src/app layout: reported once, at the first call",
            files: {
                ...HOOK,
                "src/app/events/connection-added.event.ts":
                    'import {register} from "../../server/register.js"\n\nexport default async function added() {\n    await register()\n}\n',
                "src/server/register.ts":
                    'import * as attio from "attio/server"\n\nexport async function register() {\n    await attio.createWebhookHandler({fileName: "a"})\n    await attio.createWebhookHandler({fileName: "b"})\n}\n',
            },
            errors: [{messageId: "noCleanup", file: "src/server/register.ts", line: 4, column: 11}],
        },
        {
            name: "a connection-removed the build ignores does not count",
            files: {
                ...HOOK,
                "src/events/connection-added.event.ts": creates('"a"'),
                "src/connection-removed.event.ts": CONNECTION_REMOVED,
                "src/events/connection-removed.event.tsx": CONNECTION_REMOVED,
            },
            errors: [{messageId: "noCleanup"}],
        },
        {
            name: "a nested connection-removed is no event",
            files: {
                ...HOOK,
                "src/events/connection-added.event.ts": creates('"a"'),
                "src/events/crm/connection-removed.event.ts": CONNECTION_REMOVED,
            },
            errors: [{messageId: "noCleanup"}],
        },
        {
            name: "a test file named connection-removed is no event",
            files: {
                ...HOOK,
                "src/app/events/connection-added.event.ts": creates('"a"'),
                "src/app/events/connection-removed.event.test.ts": CONNECTION_REMOVED,
            },
            errors: [{messageId: "noCleanup", file: "src/app/events/connection-added.event.ts", line: 4}],
        },
    ],
})

it("finds the calls without type information, even where a fileName would need it", async () => {
    const root = writeApp({
        ...HOOK,
        "src/events/connection-added.event.ts":
            'import {createWebhookHandler} from "attio/server"\n\nexport default async function added(names: string[]) {\n    for (const fileName of names) await createWebhookHandler({fileName})\n}\n',
    })
    try {
        const report = await lint({
            cwd: root,
            rules: {
                "missing-cleanup": "warn",
                "dynamic-filename": "off",
                "unregistered-webhook": "off",
                "webhook-filename": "off",
            },
        })
        expect(report.warningCount).toBe(1)
        expect(report.stats.typeCheckedFiles).toEqual([])
    } finally {
        fs.rmSync(root, {recursive: true, force: true})
    }
})
