/**
 * `attio-app invoke <id>`: runs one webhook handler once, locally, through generator-attio-app/testing (the same
 * bundling and in-memory attio/server as the tests), and prints the status, headers and body it answers.
 */
import fs from "node:fs"
import {STATUS_CODES} from "node:http"
import path from "node:path"
import {parseArgs, parseEnv} from "node:util"

import {findAppRoot} from "../app-model/root.js"
import {loadApp, type TestApp} from "../testing/index.js"

export const INVOKE_USAGE = `Usage: attio-app invoke <id> [options]   (run it in the app's folder)

Runs the webhook handler <id> (its fileName, e.g. prospect-updated or crm/deal-closed) once, locally, and prints
the status, headers and body it answers. Its fetch is the real one; ATTIO_API_TOKEN and process.env come from the
app's .env and .env.local (and ATTIO_API_TOKEN from the environment, when set).

Options:
  --body FILE|-          the request body: a file, or - for stdin (default: none)
  --header "K: V"        a request header; repeatable (with a --body and no Content-Type: application/json)
  --method M             the request method (default: POST)
  --connect VALUE        first run connection-added with a connection of this value (the token), deliver through
                         the handler it created, then run connection-removed
  -h, --help             this help

Exit codes: 0 when the handler answers 2xx, 1 otherwise, 2 on bad input (options, an unknown id, an app that does
not bundle).
`

/** Bad input: printed as one line, exit 2. */
class InvokeError extends Error {}

/** Where a command writes and the folder it runs in: the process's, or a test's. */
export interface CommandIo {
    stdout: {write(chunk: string | Uint8Array): unknown}
    stderr: {write(chunk: string | Uint8Array): unknown}
    cwd: string
}

export async function run(
    argv: string[],
    io: CommandIo = {stdout: process.stdout, stderr: process.stderr, cwd: process.cwd()}
): Promise<number> {
    try {
        const options = parse(argv)
        if (options === "help") {
            io.stdout.write(INVOKE_USAGE)
            return 0
        }
        return await invoke(options, io)
    } catch (error) {
        if (!(error instanceof InvokeError)) throw error
        io.stderr.write(`attio-app invoke: ${error.message}\n`)
        return 2
    }
}

interface InvokeOptions {
    id: string
    method: string
    headers: Headers
    body: Uint8Array | undefined
    connect: string | undefined
}

function parse(argv: string[]): InvokeOptions | "help" {
    let parsed
    try {
        parsed = parseArgs({
            args: argv,
            allowPositionals: true,
            options: {
                body: {type: "string"},
                header: {type: "string", multiple: true},
                method: {type: "string"},
                connect: {type: "string"},
                help: {type: "boolean", short: "h"},
            },
        })
    } catch (error) {
        throw new InvokeError(`${(error as Error).message} (see attio-app invoke --help)`)
    }
    const {values, positionals} = parsed
    if (values.help) return "help"
    if (positionals.length !== 1) {
        throw new InvokeError(
            `${positionals.length === 0 ? "Name the handler" : "Name one handler"}: attio-app invoke <id> (see --help)`
        )
    }
    const headers = new Headers()
    for (const header of values.header ?? []) {
        const colon = header.indexOf(":")
        const name = header.slice(0, colon).trim()
        if (colon < 0 || name === "") throw new InvokeError(`--header ${JSON.stringify(header)} is not "Name: value"`)
        try {
            headers.append(name, header.slice(colon + 1).trim())
        } catch {
            throw new InvokeError(`--header ${JSON.stringify(header)} is not a valid header`)
        }
    }
    const method = values.method ?? "POST"
    if (!/^[A-Za-z]+$/.test(method)) throw new InvokeError(`--method ${JSON.stringify(method)} is not an HTTP method`)
    const body = values.body === undefined ? undefined : readBody(values.body)
    if (body !== undefined && /^(GET|HEAD)$/i.test(method))
        throw new InvokeError(`a ${method.toUpperCase()} request cannot have a --body`)
    if (body !== undefined && !headers.has("content-type")) headers.set("content-type", "application/json")
    return {id: positionals[0], method, headers, body, connect: values.connect}
}

function readBody(source: string): Uint8Array {
    try {
        return fs.readFileSync(source === "-" ? 0 : source)
    } catch (error) {
        throw new InvokeError(
            `--body ${source}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message}`
        )
    }
}

async function invoke(options: InvokeOptions, io: CommandIo): Promise<number> {
    const root = findAppRoot(io.cwd)
    if (root === undefined)
        throw new InvokeError(`No app found at ${io.cwd}: no package.json or tsconfig.json there or above`)
    let app: TestApp
    try {
        app = await loadApp(root, {fetch: globalThis.fetch, env: appEnv(root)})
    } catch (error) {
        throw new InvokeError((error as Error).message)
    }
    if (!app.files.webhooks.some((f) => f.id === options.id)) {
        const ids = app.files.webhooks.map((f) => f.id).join(", ") || "none"
        throw new InvokeError(
            `${JSON.stringify(options.id)} is no webhook handler of this app (its handler ids: ${ids})`
        )
    }
    let target = options.id
    if (options.connect !== undefined) {
        try {
            await app.connect({value: options.connect})
        } catch (error) {
            io.stderr.write(
                `connection-added failed, so nothing was delivered (the platform would not save the connection):\n${errorText(error)}\n`
            )
            return 1
        }
        // Through the handler connection-added created, as the third party would call it.
        target = app.webhookHandlers().find((h) => h.fileName === options.id)?.id ?? target
    }
    const response = await app.deliver(target, {method: options.method, headers: options.headers, body: options.body})
    const error = app.lastDelivery?.error
    const lines = [`HTTP ${response.status} ${response.statusText || (STATUS_CODES[response.status] ?? "")}`.trimEnd()]
    response.headers.forEach((value, name) => lines.push(`${name}: ${value}`))
    io.stdout.write(`${lines.join("\n")}\n\n`)
    const body = Buffer.from(await response.arrayBuffer())
    io.stdout.write(body)
    if (body.length > 0 && body[body.length - 1] !== 0x0a) io.stdout.write("\n")
    if (error !== undefined) io.stderr.write(`${errorText(error)}\n`)
    if (options.connect !== undefined) {
        try {
            await app.disconnect()
        } catch (error) {
            io.stderr.write(
                `connection-removed failed (the platform would keep the connection):\n${errorText(error)}\n`
            )
            return 1
        }
    }
    return response.status >= 200 && response.status < 300 ? 0 : 1
}

function errorText(error: unknown): string {
    return error instanceof Error ? (error.stack ?? error.message) : String(error)
}

/** What the handlers see as process.env, as `attio dev` gives it: the app's .env files, then ATTIO_API_TOKEN when set. */
function appEnv(root: string): Record<string, string | undefined> {
    const env: Record<string, string | undefined> = {}
    for (const name of [".env", ".env.local"]) {
        const file = path.join(root, name)
        if (fs.existsSync(file)) Object.assign(env, parseEnv(fs.readFileSync(file, "utf8")))
    }
    if (process.env.ATTIO_API_TOKEN !== undefined) env.ATTIO_API_TOKEN = process.env.ATTIO_API_TOKEN
    return env
}
