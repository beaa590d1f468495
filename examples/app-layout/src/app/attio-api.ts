import {ATTIO_API_TOKEN} from "attio/server"

const ATTIO_API = "https://api.attio.com/v2"

async function attioRequest<T>(method: "POST" | "PUT", path: string, body: unknown): Promise<T> {
    const response = await fetch(`${ATTIO_API}${path}`, {
        method,
        headers: {
            Authorization: `Bearer ${ATTIO_API_TOKEN}`,
            "Content-Type": "application/json",
        },
        body: JSON.stringify(body),
    })
    if (!response.ok) {
        throw new Error(
            `Attio API ${method} ${path} failed: ${response.status} ${await response.text()}`
        )
    }
    return response.json()
}

/**
 * Updates the person with this email address, or creates them if they don't exist yet.
 * Returns the person's record id.
 */
export async function assertPerson({email, fullName}: {email: string; fullName: string}) {
    const [firstName = "", ...otherNames] = fullName.trim().split(/\s+/)
    const {data} = await attioRequest<{data: {id: {record_id: string}}}>(
        "PUT",
        "/objects/people/records?matching_attribute=email_addresses",
        {
            data: {
                values: {
                    email_addresses: [email],
                    name: [
                        {
                            first_name: firstName,
                            last_name: otherNames.join(" "),
                            full_name: fullName,
                        },
                    ],
                },
            },
        }
    )
    return data.id.record_id
}

export async function addNoteToPerson(
    recordId: string,
    {title, content}: {title: string; content: string}
) {
    await attioRequest("POST", "/notes", {
        data: {
            parent_object: "people",
            parent_record_id: recordId,
            title,
            format: "plaintext",
            content,
        },
    })
}
