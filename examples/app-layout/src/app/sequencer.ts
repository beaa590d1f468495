// ℹ️ The email sequencing tool's webhook API, called with the connection's token
const SEQUENCER_API = "https://emailsequencingtool.com/api/v1"

export async function registerWebhook(
    token: string,
    webhook: {name: string; url: string; events: Array<string>}
): Promise<string> {
    const response = await fetch(`${SEQUENCER_API}/webhooks`, {
        method: "POST",
        headers: {
            "Content-Type": "application/json",
            Authorization: `Bearer ${token}`,
        },
        body: JSON.stringify(webhook),
    })
    if (!response.ok) {
        throw new Error(`Failed to register webhook ${webhook.name}: ${response.statusText}`)
    }
    const {webhook_id}: {webhook_id: string} = await response.json()
    return webhook_id
}

export async function deleteWebhook(token: string, webhookId: string): Promise<void> {
    const response = await fetch(`${SEQUENCER_API}/webhooks/${encodeURIComponent(webhookId)}`, {
        method: "DELETE",
        headers: {Authorization: `Bearer ${token}`},
    })
    // ℹ️ 404: the webhook was already deleted on their side
    if (!response.ok && response.status !== 404) {
        throw new Error(`Failed to delete webhook ${webhookId}: ${response.statusText}`)
    }
}
