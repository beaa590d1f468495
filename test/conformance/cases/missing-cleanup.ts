/** The invalid cases of test/rules/missing-cleanup.test.ts (copied by copy-cases.js: the rule tests build their apps in code). */
import type {Case} from "./case.js"

const cases: Case[] = [
    {
        name: "the seed without connection-removed",
        files: {
            "src/webhooks/prospect-updated.webhook.ts":
                'import {attioFetch} from "attio/server"\n\ntype WebhookBody = {\n    event: "prospect_updated"\n    data: {\n        prospectId: string\n        prospectName: string\n        prospectEmail: string\n    }\n}\n\nexport default async function handleProspectUpdate(req: Request) {\n    const body: WebhookBody = await req.json()\n    const {prospectEmail, prospectName} = body.data\n    try {\n        await attioFetch({\n            path: `/objects/people/records`,\n            method: "PUT",\n            queryParams: {\n                matching_attributes: "email_addresses",\n            },\n            body: {\n                data: {\n                    name: {\n                        full_name: prospectName,\n                    },\n                    email_addresses: [\n                        {\n                            email: prospectEmail,\n                        },\n                    ],\n                },\n            },\n        })\n        return new Response(null, {status: 200})\n    } catch (error) {\n        console.error(error)\n        return new Response(null, {status: 500})\n    }\n}\n',
            "src/events/connection-added.event.ts":
                'import type {Connection} from "attio/server"\nimport {createWebhookHandler, updateWebhookHandler} from "attio/server"\n\nexport default async function connectionAdded({connection}: {connection: Connection}) {\n    const handler = await createWebhookHandler({fileName: "prospect-updated"})\n    const authorizationToken = connection.value\n    const response = await fetch("https://emailsequencingtool.com/api/v1/webhooks", {\n        method: "POST",\n        headers: {\n            "Content-Type": "application/json",\n            "Authorization": `Bearer ${authorizationToken}`,\n        },\n        body: JSON.stringify({\n            name: handler.id,\n            url: handler.url,\n            event: "lead.processed",\n        }),\n    })\n    if (!response.ok) {\n        throw new Error(`Failed to register webhook: ${response.statusText}`)\n    }\n    const webhook = await response.json()\n    await updateWebhookHandler(handler.id, {\n        externalWebhookId: webhook.webhook_id,\n    })\n}\n',
        },
    },
    {
        name: "a helper creates the handlers in the src/app layout: reported once, at the first call",
        files: {
            "src/webhooks/a.webhook.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n",
            "src/app/events/connection-added.event.ts":
                'import {register} from "../../server/register.js"\n\nexport default async function added() {\n    await register()\n}\n',
            "src/server/register.ts":
                'import * as attio from "attio/server"\n\nexport async function register() {\n    await attio.createWebhookHandler({fileName: "a"})\n    await attio.createWebhookHandler({fileName: "b"})\n}\n',
        },
    },
    {
        name: "a connection-removed the build ignores does not count",
        files: {
            "src/webhooks/a.webhook.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n",
            "src/events/connection-added.event.ts":
                'import {createWebhookHandler} from "attio/server"\n\nexport default async function connectionAdded() {\n    await createWebhookHandler({fileName: "a"})\n}\n',
            "src/connection-removed.event.ts":
                'import {type Connection, deleteWebhookHandler, listWebhookHandlers} from "attio/server"\n\nexport default async function connectionRemoved({connection}: {connection: Connection}) {\n    const handlers = await listWebhookHandlers()\n    for (const handler of handlers.filter((h) => h.externalWebhookId !== null)) {\n        try {\n            await fetch(`https://emailsequencingtool.com/api/v1/webhooks/${handler.externalWebhookId}`, {\n                method: "DELETE",\n                headers: {Authorization: `Bearer ${connection.value}`},\n            })\n            await deleteWebhookHandler(handler.id)\n        } catch (error) {\n            console.error("Failed to remove webhook", error)\n        }\n    }\n}\n',
            "src/events/connection-removed.event.tsx":
                'import {type Connection, deleteWebhookHandler, listWebhookHandlers} from "attio/server"\n\nexport default async function connectionRemoved({connection}: {connection: Connection}) {\n    const handlers = await listWebhookHandlers()\n    for (const handler of handlers.filter((h) => h.externalWebhookId !== null)) {\n        try {\n            await fetch(`https://emailsequencingtool.com/api/v1/webhooks/${handler.externalWebhookId}`, {\n                method: "DELETE",\n                headers: {Authorization: `Bearer ${connection.value}`},\n            })\n            await deleteWebhookHandler(handler.id)\n        } catch (error) {\n            console.error("Failed to remove webhook", error)\n        }\n    }\n}\n',
        },
    },
    {
        name: "a nested connection-removed is no event",
        files: {
            "src/webhooks/a.webhook.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n",
            "src/events/connection-added.event.ts":
                'import {createWebhookHandler} from "attio/server"\n\nexport default async function connectionAdded() {\n    await createWebhookHandler({fileName: "a"})\n}\n',
            "src/events/crm/connection-removed.event.ts":
                'import {type Connection, deleteWebhookHandler, listWebhookHandlers} from "attio/server"\n\nexport default async function connectionRemoved({connection}: {connection: Connection}) {\n    const handlers = await listWebhookHandlers()\n    for (const handler of handlers.filter((h) => h.externalWebhookId !== null)) {\n        try {\n            await fetch(`https://emailsequencingtool.com/api/v1/webhooks/${handler.externalWebhookId}`, {\n                method: "DELETE",\n                headers: {Authorization: `Bearer ${connection.value}`},\n            })\n            await deleteWebhookHandler(handler.id)\n        } catch (error) {\n            console.error("Failed to remove webhook", error)\n        }\n    }\n}\n',
        },
    },
    {
        name: "a test file named connection-removed is no event",
        files: {
            "src/webhooks/a.webhook.ts":
                "export default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}\n",
            "src/app/events/connection-added.event.ts":
                'import {createWebhookHandler} from "attio/server"\n\nexport default async function connectionAdded() {\n    await createWebhookHandler({fileName: "a"})\n}\n',
            "src/app/events/connection-removed.event.test.ts":
                'import {type Connection, deleteWebhookHandler, listWebhookHandlers} from "attio/server"\n\nexport default async function connectionRemoved({connection}: {connection: Connection}) {\n    const handlers = await listWebhookHandlers()\n    for (const handler of handlers.filter((h) => h.externalWebhookId !== null)) {\n        try {\n            await fetch(`https://emailsequencingtool.com/api/v1/webhooks/${handler.externalWebhookId}`, {\n                method: "DELETE",\n                headers: {Authorization: `Bearer ${connection.value}`},\n            })\n            await deleteWebhookHandler(handler.id)\n        } catch (error) {\n            console.error("Failed to remove webhook", error)\n        }\n    }\n}\n',
        },
    },
]

export default cases
