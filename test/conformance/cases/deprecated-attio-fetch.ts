/** The invalid cases of test/rules/deprecated-attio-fetch.test.ts (copied by copy-cases.js: the rule tests build their apps in code). */
import type {Case} from "./case.js"

const cases: Case[] = [
    {
        name: "the seed's handler on attio 1.0.4",
        files: {
            "src/webhooks/prospect-updated.webhook.ts":
                'import {attioFetch} from "attio/server"\n\ntype WebhookBody = {\n    event: "prospect_updated"\n    data: {\n        prospectId: string\n        prospectName: string\n        prospectEmail: string\n    }\n}\n\nexport default async function handleProspectUpdate(req: Request) {\n    const body: WebhookBody = await req.json()\n    const {prospectEmail, prospectName} = body.data\n    try {\n        await attioFetch({\n            path: `/objects/people/records`,\n            method: "PUT",\n            queryParams: {\n                matching_attributes: "email_addresses",\n            },\n            body: {\n                data: {\n                    name: {\n                        full_name: prospectName,\n                    },\n                    email_addresses: [\n                        {\n                            email: prospectEmail,\n                        },\n                    ],\n                },\n            },\n        })\n        return new Response(null, {status: 200})\n    } catch (error) {\n        console.error(error)\n        return new Response(null, {status: 500})\n    }\n}\n',
            "src/events/connection-added.event.ts":
                'import type {Connection} from "attio/server"\nimport {createWebhookHandler, updateWebhookHandler} from "attio/server"\n\nexport default async function connectionAdded({connection}: {connection: Connection}) {\n    const handler = await createWebhookHandler({fileName: "prospect-updated"})\n    const authorizationToken = connection.value\n    const response = await fetch("https://emailsequencingtool.com/api/v1/webhooks", {\n        method: "POST",\n        headers: {\n            "Content-Type": "application/json",\n            "Authorization": `Bearer ${authorizationToken}`,\n        },\n        body: JSON.stringify({\n            name: handler.id,\n            url: handler.url,\n            event: "lead.processed",\n        }),\n    })\n    if (!response.ok) {\n        throw new Error(`Failed to register webhook: ${response.statusText}`)\n    }\n    const webhook = await response.json()\n    await updateWebhookHandler(handler.id, {\n        externalWebhookId: webhook.webhook_id,\n    })\n}\n',
            "src/events/connection-removed.event.ts":
                'import {type Connection, deleteWebhookHandler, listWebhookHandlers} from "attio/server"\n\nexport default async function connectionRemoved({connection}: {connection: Connection}) {\n    const handlers = await listWebhookHandlers()\n    for (const handler of handlers.filter((h) => h.externalWebhookId !== null)) {\n        try {\n            await fetch(`https://emailsequencingtool.com/api/v1/webhooks/${handler.externalWebhookId}`, {\n                method: "DELETE",\n                headers: {Authorization: `Bearer ${connection.value}`},\n            })\n            await deleteWebhookHandler(handler.id)\n        } catch (error) {\n            console.error("Failed to remove webhook", error)\n        }\n    }\n}\n',
        },
    },
    {
        name: "the message says what to use instead",
        files: {
            "src/webhooks/a.webhook.ts":
                'import {attioFetch} from "attio/server"\n\ntype WebhookBody = {\n    event: "prospect_updated"\n    data: {\n        prospectId: string\n        prospectName: string\n        prospectEmail: string\n    }\n}\n\nexport default async function handleProspectUpdate(req: Request) {\n    const body: WebhookBody = await req.json()\n    const {prospectEmail, prospectName} = body.data\n    try {\n        await attioFetch({\n            path: `/objects/people/records`,\n            method: "PUT",\n            queryParams: {\n                matching_attributes: "email_addresses",\n            },\n            body: {\n                data: {\n                    name: {\n                        full_name: prospectName,\n                    },\n                    email_addresses: [\n                        {\n                            email: prospectEmail,\n                        },\n                    ],\n                },\n            },\n        })\n        return new Response(null, {status: 200})\n    } catch (error) {\n        console.error(error)\n        return new Response(null, {status: 500})\n    }\n}\n',
        },
    },
    {
        name: "a prerelease of 1.0",
        files: {
            "src/webhooks/a.webhook.ts":
                'import {attioFetch} from "attio/server"\n\ntype WebhookBody = {\n    event: "prospect_updated"\n    data: {\n        prospectId: string\n        prospectName: string\n        prospectEmail: string\n    }\n}\n\nexport default async function handleProspectUpdate(req: Request) {\n    const body: WebhookBody = await req.json()\n    const {prospectEmail, prospectName} = body.data\n    try {\n        await attioFetch({\n            path: `/objects/people/records`,\n            method: "PUT",\n            queryParams: {\n                matching_attributes: "email_addresses",\n            },\n            body: {\n                data: {\n                    name: {\n                        full_name: prospectName,\n                    },\n                    email_addresses: [\n                        {\n                            email: prospectEmail,\n                        },\n                    ],\n                },\n            },\n        })\n        return new Response(null, {status: 200})\n    } catch (error) {\n        console.error(error)\n        return new Response(null, {status: 500})\n    }\n}\n',
        },
    },
    {
        name: "renamed on import",
        files: {
            "src/webhooks/a.webhook.ts":
                'import {attioFetch as call} from "attio/server"\n\nexport default async function a(req: Request): Promise<Response> {\n    await call({path: "/objects/people/records", method: "PUT", body: await req.json()})\n    return new Response(null)\n}\n',
        },
    },
    {
        name: "beside other SDK imports",
        files: {
            "src/webhooks/a.webhook.ts":
                'import {ATTIO_API_TOKEN, attioFetch} from "attio/server"\n\nexport default async function a(req: Request): Promise<Response> {\n    await attioFetch({path: "/objects/people/records", method: "PUT", body: await req.json()})\n    return new Response(null)\n}\n',
        },
    },
    {
        name: "through a namespace import",
        files: {
            "src/webhooks/a.webhook.ts":
                'import * as attio from "attio/server"\n\nexport default async function a(req: Request): Promise<Response> {\n    await attio.attioFetch({path: "/objects/people/records", method: "PUT", body: await req.json()})\n    return new Response(null)\n}\n',
        },
    },
    {
        name: "in a helper module and a nested .js handler",
        files: {
            "src/app/webhooks/crm/deal.webhook.js":
                'import {attioFetch} from "attio/server"\n\nexport default async function deal(req) {\n    await attioFetch({path: "/x"})\n    return new Response(null)\n}\n',
            "src/server/attio.ts":
                'import {ATTIO_API_TOKEN} from "attio/server"\nimport {attioFetch} from "attio/server"\n\nexport const call = attioFetch\nexport const token = ATTIO_API_TOKEN\n',
        },
    },
]

export default cases
