import {type Connection, deleteWebhookHandler, listWebhookHandlers} from "attio/server"

import {deleteWebhook} from "../sequencer"

export default async function connectionRemoved({connection}: {connection: Connection}) {
    // ℹ️ If this function throws, the connection is not removed,
    // so failures are logged instead of thrown
    try {
        const handlers = await listWebhookHandlers()
        for (const handler of handlers) {
            try {
                if (handler.externalWebhookId !== null) {
                    await deleteWebhook(connection.value, handler.externalWebhookId)
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
