import {addNoteToPerson, assertPerson} from "../../attio-api"

type WebhookBody = {
    event: "deal.won" | "deal.lost"
    data: {
        dealName: string
        amount: number
        currency: string
        contactName: string
        contactEmail: string
    }
}

export default async function handleDealClosed(request: Request): Promise<Response> {
    let body: WebhookBody
    try {
        body = await request.json()
    } catch {
        return new Response("Request body is not valid JSON", {status: 400})
    }
    if (!body.data?.contactEmail) {
        return new Response("Unexpected payload", {status: 400})
    }

    const {dealName, amount, currency, contactName, contactEmail} = body.data
    let title: string
    switch (body.event) {
        case "deal.won":
            title = `Deal won: ${dealName}`
            break
        case "deal.lost":
            title = `Deal lost: ${dealName}`
            break
        default:
            // ℹ️ Acknowledge events we don't sync, so the CRM does not retry them
            return new Response(null, {status: 204})
    }

    try {
        const recordId = await assertPerson({email: contactEmail, fullName: contactName})
        await addNoteToPerson(recordId, {
            title,
            content: `${dealName} closed at ${amount.toLocaleString("en-US")} ${currency}.`,
        })
        return new Response(null, {status: 200})
    } catch (error) {
        console.error(error)
        return new Response(null, {status: 500})
    }
}
