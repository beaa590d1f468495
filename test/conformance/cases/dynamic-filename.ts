/** The invalid cases of test/rules/dynamic-filename.test.ts (copied by copy-cases.js: the rule tests build their apps in code). */
import type {Case} from "./case.js"

const cases: Case[] = [
    {
        name: "a template with a substitution",
        files: {
            "src/app/events/connection-added.event.ts":
                'import {createWebhookHandler} from "attio/server"\n\nexport default async function connectionAdded({connection}: {connection: {id: string; value: string}}) {\n    await createWebhookHandler({fileName: `${connection.id}-updated`})\n}\n',
        },
    },
    {
        name: "a parameter",
        files: {
            "src/server/register.ts":
                'import {createWebhookHandler} from "attio/server"\n\nexport async function register(fileName: string) {\n    await createWebhookHandler({fileName})\n}\n',
        },
    },
    {
        name: "an environment variable",
        files: {
            "src/app/events/connection-added.event.ts":
                'import {createWebhookHandler} from "attio/server"\n\nexport default async function connectionAdded({connection}: {connection: {id: string; value: string}}) {\n    await createWebhookHandler({fileName: process.env.HOOK!})\n}\n',
        },
    },
    {
        name: "a let",
        files: {
            "src/app/events/connection-added.event.ts":
                'import {createWebhookHandler} from "attio/server"\n\nexport default async function connectionAdded({connection}: {connection: {id: string; value: string}}) {\n    let fileName = "a"\n    if (connection.value) fileName = connection.id\n    await createWebhookHandler({fileName})\n}\n',
        },
    },
    {
        name: "a loop over a runtime list",
        files: {
            "src/app/events/connection-added.event.ts":
                'import {createWebhookHandler} from "attio/server"\n\nexport default async function connectionAdded({connection}: {connection: {id: string; value: string}}) {\n    for (const fileName of connection.value.split(",")) await createWebhookHandler({fileName})\n}\n',
        },
    },
    {
        name: "a const shadowed by a dynamic inner const",
        files: {
            "src/app/events/connection-added.event.ts":
                'import {createWebhookHandler} from "attio/server"\nconst fileName = "a"\n\nexport default async function connectionAdded({connection}: {connection: {id: string; value: string}}) {\n    if (connection.value) {\n        const fileName = connection.id\n        await createWebhookHandler({fileName})\n    }\n}\n',
        },
    },
    {
        name: "an options object instead of a literal",
        files: {
            "src/app/events/connection-added.event.ts":
                'import {createWebhookHandler} from "attio/server"\n\nexport default async function connectionAdded({connection}: {connection: {id: string; value: string}}) {\n    const options = {fileName: connection.id}\n    await createWebhookHandler(options)\n}\n',
        },
    },
    {
        name: "through a namespace import",
        files: {
            "src/app/events/connection-added.event.ts":
                'import * as attio from "attio/server"\n\nexport default async function connectionAdded({connection}: {connection: {id: string; value: string}}) {\n    await attio.createWebhookHandler({fileName: connection.id})\n}\n',
        },
    },
    {
        name: "in a .js module",
        files: {
            "src/server/register.js":
                'import {createWebhookHandler} from "attio/server"\n\nexport const register = (name) => createWebhookHandler({fileName: name})\n',
        },
    },
]

export default cases
