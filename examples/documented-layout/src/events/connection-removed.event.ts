import type {Connection} from "attio/server"
import {deleteWebhookHandler, listWebhookHandlers} from "attio/server"

export default async function connectionRemoved({connection}: {connection: Connection}) {
    // ℹ️ If this function throws, the connection is not removed,
    // so failures are logged instead of thrown
    try {
        const handlers = await listWebhookHandlers()
        for (const handler of handlers) {
            try {
                if (handler.externalWebhookId !== null) {
                    const webhookId = encodeURIComponent(handler.externalWebhookId)
                    const response = await fetch(
                        `https://emailsequencingtool.com/api/v1/webhooks/${webhookId}`,
                        {
                            method: "DELETE",
                            headers: {Authorization: `Bearer ${connection.value}`},
                        }
                    )
                    // ℹ️ 404: the webhook was already deleted on their side
                    if (!response.ok && response.status !== 404) {
                        console.error(
                            `Failed to delete webhook ${handler.externalWebhookId}: ${response.statusText}`
                        )
                    }
                }
                await deleteWebhookHandler(handler.id)
            } catch (error) {
                console.error(`Failed to remove webhook handler ${handler.id}`, error)
            }
        }
    } catch (error) {
        console.error("Failed to list webhook handlers", error)
    }
}
