/** A fake third party (the examples' email sequencing tool) and Attio's REST API, behind one fetch. */

export interface Call {
    method: string
    url: string
    authorization: string | null
    body: string | undefined
}

export function fakeThirdParty() {
    const calls: Call[] = []
    const registered = new Map<string, {url: string; authorization: string | null}>()
    let next = 1
    const fetch: typeof globalThis.fetch = async (input, init) => {
        const request = new Request(input, init)
        const body = request.body ? await request.text() : undefined
        const call = {
            method: request.method,
            url: request.url,
            authorization: request.headers.get("authorization"),
            body,
        }
        calls.push(call)
        const {pathname, hostname} = new URL(request.url)
        if (hostname === "api.attio.com") return Response.json({data: {id: {record_id: "record-1"}}})
        if (request.method === "POST" && pathname.endsWith("/webhooks")) {
            const id = `ext-${next++}`
            registered.set(id, {url: JSON.parse(body!).url, authorization: call.authorization})
            return Response.json({webhook_id: id})
        }
        const deleted = pathname.match(/\/webhooks\/([^/]+)$/)
        if (request.method === "DELETE" && deleted) {
            const found = registered.delete(decodeURIComponent(deleted[1]))
            return new Response(null, {status: found ? 204 : 404})
        }
        return new Response("not found", {status: 404})
    }
    return {fetch, calls, registered}
}
