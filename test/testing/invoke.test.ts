/**
 * `attio-app invoke`: the built bin on an example (stdin, the exit codes), and the command's `run` in this process
 * on the examples and on small apps in temp folders (what it prints, each refusal).
 */
import {spawnSync} from "node:child_process"
import path from "node:path"
import {describe, expect, it, onTestFinished, vi} from "vitest"

import {run} from "../../src/cli/invoke.js"
import {PACKAGE_ROOT, runBin} from "../support/bin.js"
import {writeApp} from "../support/temp-app.js"

const example = (name: string) => path.join(PACKAGE_ROOT, "examples", name)

/** The command run in this process: its exit code and what it wrote. */
async function invoke(args: string[], cwd: string) {
    const out = {stdout: "", stderr: ""}
    const sink = (name: keyof typeof out) => ({
        write: (chunk: string | Uint8Array) => (out[name] += Buffer.from(chunk).toString("utf8")),
    })
    const code = await run(args, {stdout: sink("stdout"), stderr: sink("stderr"), cwd})
    return {code, ...out}
}

describe("the attio-app invoke bin", () => {
    it("runs an example's handler with a body from stdin and prints status, headers and body; 2xx exits 0", () => {
        const result = spawnSync(
            process.execPath,
            [path.join(PACKAGE_ROOT, "dist/src/cli/attio-app.js"), "invoke", "crm/deal-closed", "--body", "-"],
            {
                cwd: path.join(example("app-layout"), "src/app"),
                input: JSON.stringify({event: "deal.reopened", data: {contactEmail: "ada@example.com"}}),
                encoding: "utf8",
            }
        )
        expect(result.stderr).toBe("")
        expect(result.stdout).toBe("HTTP 204 No Content\n\n")
        expect(result.status).toBe(0)
    })

    it("reports a handler that throws with a 500, its stack on stderr, and exit 1", () => {
        const root = writeApp({
            "src/webhooks/broken.webhook.ts": `export default async function broken(): Promise<Response> {\n    throw new Error("boom")\n}\n`,
        })
        const result = runBin("attio-app", ["invoke", "broken"], {cwd: root})
        expect(result.stdout).toBe(
            "HTTP 500 Internal Server Error\ncontent-type: text/plain;charset=UTF-8\n\nWebhook handler broken failed: boom\n"
        )
        expect(result.stderr).toMatch(/^Error: boom\n\s+at broken /)
        expect(result.code).toBe(1)
    })

    it("exits 2 on bad input", () => {
        const result = runBin("attio-app", ["invoke", "prospect-updated", "--bdy", "x"], {cwd: example("app-layout")})
        expect(result.stderr).toMatch(/^attio-app invoke: Unknown option '--bdy'/)
        expect(result.code).toBe(2)
    })
})

describe("attio-app invoke", () => {
    it("answers 1 on a non-2xx status, with the headers and body", async () => {
        const root = writeApp({"not-json.txt": "hello"})
        const result = await invoke(
            ["prospect-updated", "--body", path.join(root, "not-json.txt"), "--header", "X-Trace: 1"],
            example("documented-layout")
        )
        expect(result.stdout).toBe(
            "HTTP 400 Bad Request\ncontent-type: text/plain;charset=UTF-8\n\nRequest body is not valid JSON\n"
        )
        expect(result.code).toBe(1)
    })

    it("with --connect, runs connection-added, delivers through the handler it created, then connection-removed", async () => {
        const root = writeApp({
            "src/app/webhooks/hook.webhook.ts": `import {getWebhookHandler, kv} from "attio/server"\n\nexport default async function hook(request: Request): Promise<Response> {\n    const id = request.url.split("/").pop()!\n    const handler = await getWebhookHandler(id)\n    const token = await kv.get("token")\n    return Response.json({fileName: handler.fileName, external: handler.externalWebhookId, token: token?.value, method: request.method, trace: request.headers.get("x-trace"), env: process.env.REGION})\n}\n`,
            "src/app/events/connection-added.event.ts": `import {type Connection, createWebhookHandler, kv, updateWebhookHandler} from "attio/server"\n\nexport default async function connectionAdded({connection}: {connection: Connection}) {\n    const handler = await createWebhookHandler({fileName: "hook"})\n    await updateWebhookHandler(handler.id, {externalWebhookId: "ext-1"})\n    await kv.set("token", connection.value)\n}\n`,
            "src/app/events/connection-removed.event.ts": `export default async function connectionRemoved() {\n    console.log("connection-removed ran")\n}\n`,
            ".env": "REGION=eu\n",
        })
        // The app's console is the process's: in the bin, its stdout after the response.
        const log = vi.spyOn(console, "log").mockImplementation(() => undefined)
        onTestFinished(() => log.mockRestore())
        const result = await invoke(
            ["hook", "--connect", "secret", "--method", "PUT", "--header", "X-Trace: abc"],
            root
        )
        expect(result.stderr).toBe("")
        const [head, body] = result.stdout.split("\n\n")
        expect(head).toBe("HTTP 200 OK\ncontent-type: application/json")
        expect(JSON.parse(body)).toEqual({
            fileName: "hook",
            external: "ext-1",
            token: "secret",
            method: "PUT",
            trace: "abc",
            env: "eu",
        })
        expect(log.mock.calls).toEqual([["connection-removed ran"]])
        expect(result.code).toBe(0)
    })

    it("with --connect, a connection-added that throws is reported with its stack and exit 1, nothing delivered", async () => {
        const root = writeApp({
            "src/app/webhooks/hook.webhook.ts": `export default async function hook(): Promise<Response> {\n    throw new Error("delivered")\n}\n`,
            "src/app/events/connection-added.event.ts": `import {createWebhookHandler} from "attio/server"\n\nexport default async function connectionAdded() {\n    await createWebhookHandler({fileName: "hoook"})\n}\n`,
        })
        const result = await invoke(["hook", "--connect", "secret"], root)
        expect(result.stdout).toBe("")
        expect(result.stderr).toMatch(
            /^connection-added failed, so nothing was delivered \(the platform would not save the connection\):\nError: createWebhookHandler: fileName "hoook" names no webhook handler file \(the app's handler ids: hook\)\n\s+at /
        )
        expect(result.code).toBe(1)
    })

    const badInput: [string, string[], string][] = [
        ["no id", [], "attio-app invoke: Name the handler: attio-app invoke <id> (see --help)"],
        [
            "an unknown id",
            ["prospect-update"],
            'attio-app invoke: "prospect-update" is no webhook handler of this app (its handler ids: crm/deal-closed, prospect-updated)',
        ],
        [
            "a header without a colon",
            ["prospect-updated", "--header", "X-Trace"],
            'attio-app invoke: --header "X-Trace" is not "Name: value"',
        ],
        [
            "a missing body file",
            ["prospect-updated", "--body", "missing.json"],
            "attio-app invoke: --body missing.json: no such file",
        ],
        ["an unknown option", ["prospect-updated", "--bdy", "x"], "attio-app invoke: Unknown option '--bdy'"],
        [
            "a body on a GET",
            ["prospect-updated", "--method", "GET", "--body", "package.json"],
            "attio-app invoke: a GET request cannot have a --body",
        ],
    ]
    it.each(badInput)("exits 2 on %s", async (_, args, message) => {
        const result = await invoke(args, example("app-layout"))
        expect(result.stderr.startsWith(message), result.stderr).toBe(true)
        expect(result.stdout).toBe("")
        expect(result.code).toBe(2)
    })

    it("exits 2 when the app does not bundle", async () => {
        const root = writeApp({
            "src/app/webhooks/a.webhook.ts": `import {missing} from "./nowhere"\n\nexport default missing\n`,
        })
        const result = await invoke(["a"], root)
        expect(result.stderr).toMatch(
            /^attio-app invoke: The app's handlers do not bundle:\n {2}src\/app\/webhooks\/a\.webhook\.ts:1:\d+: Could not resolve "\.\/nowhere"/
        )
        expect(result.code).toBe(2)
    })

    it("prints its help", async () => {
        const result = await invoke(["--help"], example("app-layout"))
        expect(result.stdout).toContain("Usage: attio-app invoke <id> [options]")
        expect(result.code).toBe(0)
    })
})
