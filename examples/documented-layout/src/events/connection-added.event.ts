import type {Connection} from "attio/server"
import {createWebhookHandler, updateWebhookHandler} from "attio/server"

export default async function connectionAdded({connection}: {connection: Connection}) {
    // ℹ️ The filename must match the file in src/webhooks, but without the suffix
    const handler = await createWebhookHandler({fileName: "prospect-updated"})

    const authorizationToken = connection.value
    const response = await fetch("https://emailsequencingtool.com/api/v1/webhooks", {
        method: "POST",
        headers: {
            "Content-Type": "application/json",
            Authorization: `Bearer ${authorizationToken}`,
        },
        body: JSON.stringify({
            name: handler.id,
            url: handler.url,
            event: "prospect.updated",
        }),
    })

    if (!response.ok) {
        // ℹ️ Because we throw an error, the connection will not be saved
        // and user will be asked to authenticate again
        throw new Error(`Failed to register webhook: ${response.statusText}`)
    }

    const webhook: {webhook_id: string} = await response.json()

    // ℹ️ Save the external webhook ID so we
    // can delete it when the connection is removed
    await updateWebhookHandler(handler.id, {
        externalWebhookId: webhook.webhook_id,
    })
}
