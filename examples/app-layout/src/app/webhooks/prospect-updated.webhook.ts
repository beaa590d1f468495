import {assertPerson} from "../attio-api"

type WebhookBody = {
    event: "prospect.updated"
    data: {
        prospectId: string
        prospectName: string
        prospectEmail: string
    }
}

export default async function handleProspectUpdate(request: Request): Promise<Response> {
    let body: WebhookBody
    try {
        body = await request.json()
    } catch {
        return new Response("Request body is not valid JSON", {status: 400})
    }
    if (body.event !== "prospect.updated" || !body.data?.prospectEmail) {
        return new Response("Unexpected payload", {status: 400})
    }

    try {
        await assertPerson({email: body.data.prospectEmail, fullName: body.data.prospectName})
        return new Response(null, {status: 200})
    } catch (error) {
        // ℹ️ A 5xx tells the sequencing tool to retry later
        console.error(error)
        return new Response(null, {status: 500})
    }
}
