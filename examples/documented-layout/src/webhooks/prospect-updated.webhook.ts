import {ATTIO_API_TOKEN} from "attio/server"

type WebhookBody = {
    event: "prospect_updated"
    data: {
        prospectId: string
        prospectName: string
        prospectEmail: string
    }
}

export default async function handleProspectUpdate(req: Request): Promise<Response> {
    let body: WebhookBody
    try {
        body = await req.json()
    } catch {
        return new Response("Request body is not valid JSON", {status: 400})
    }
    if (body.event !== "prospect_updated" || !body.data?.prospectEmail) {
        return new Response("Unexpected payload", {status: 400})
    }

    const {prospectEmail, prospectName} = body.data
    const [firstName = "", ...otherNames] = prospectName.trim().split(/\s+/)

    // ℹ️ The assert endpoint updates the person with this email address
    // or creates a new record if it doesn't exist
    try {
        const response = await fetch(
            "https://api.attio.com/v2/objects/people/records?matching_attribute=email_addresses",
            {
                method: "PUT",
                headers: {
                    Authorization: `Bearer ${ATTIO_API_TOKEN}`,
                    "Content-Type": "application/json",
                },
                body: JSON.stringify({
                    data: {
                        values: {
                            email_addresses: [prospectEmail],
                            name: [
                                {
                                    first_name: firstName,
                                    last_name: otherNames.join(" "),
                                    full_name: prospectName,
                                },
                            ],
                        },
                    },
                }),
            }
        )
        if (!response.ok) {
            console.error(`Attio rejected the prospect update: ${response.status}`)
            // ℹ️ A 5xx tells the sequencing tool to retry later
            return new Response(null, {status: 502})
        }
        return new Response(null, {status: 200})
    } catch (error) {
        console.error(error)
        return new Response(null, {status: 500})
    }
}
