import {
    type Connection,
    createWebhookHandler,
    deleteWebhookHandler,
    updateWebhookHandler,
} from "attio/server"

import {deleteWebhook, registerWebhook} from "../sequencer"
import {PROSPECT_UPDATED} from "../webhook-ids"

export default async function connectionAdded({connection}: {connection: Connection}) {
    // ℹ️ Each fileName is a path under src/app/webhooks, without the ".webhook.ts" suffix
    const [prospectHandler, dealHandler] = await Promise.all([
        createWebhookHandler({fileName: PROSPECT_UPDATED}),
        createWebhookHandler({fileName: "crm/deal-closed"}),
    ])

    const subscriptions = [
        {handler: prospectHandler, events: ["prospect.updated"]},
        {handler: dealHandler, events: ["deal.won", "deal.lost"]},
    ]
    const registered: Array<string> = []
    try {
        for (const {handler, events} of subscriptions) {
            const externalWebhookId = await registerWebhook(connection.value, {
                name: handler.id,
                url: handler.url,
                events,
            })
            registered.push(externalWebhookId)
            // ℹ️ Saved so that connection-removed can delete the webhook on their side
            await updateWebhookHandler(handler.id, {externalWebhookId})
        }
    } catch (error) {
        // ℹ️ Leave nothing half-registered behind, then throw: the connection is not saved
        // and the user is asked to authenticate again
        await Promise.allSettled([
            ...registered.map((id) => deleteWebhook(connection.value, id)),
            deleteWebhookHandler(prospectHandler.id),
            deleteWebhookHandler(dealHandler.id),
        ])
        throw error
    }
}
