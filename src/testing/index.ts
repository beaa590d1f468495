/**
 * `generator-attio-app/testing`: an Attio app's webhook handlers and connection events, run in this process the
 * way the platform runs them, against an in-memory `attio/server`. Works from vitest, node:test or plain Node.
 */
import {randomUUID} from "node:crypto"
import fs from "node:fs"
import path from "node:path"

import {findAppRoot} from "../app-model/root.js"
import {type AppHandlers, bundleHandlers, type BundledApp, evaluateBundle, findHandlers} from "./bundle.js"
import {type Connection, InMemoryServer, type KVStore, type WebhookHandler} from "./server.js"

export {WEBHOOK_URL_BASE} from "./server.js"
export type {Connection, KVSerializable, KVStore, WebhookHandler} from "./server.js"
export type {AppHandlers, HandlerFile} from "./bundle.js"

export interface LoadAppOptions {
    /**
     * The handlers' global `fetch`: the third party and Attio's REST API as the test wants them to answer.
     * Without one, a handler that calls fetch fails, saying so (tests should not reach the network by accident).
     */
    fetch?: typeof fetch
    /** The handlers' `process.env`; `ATTIO_API_TOKEN` there is also the SDK's `ATTIO_API_TOKEN`. */
    env?: Record<string, string | undefined>
    /** What getCurrentUser() answers, and who creates connections. */
    userId?: string
    workspaceId?: string
}

/** What a connection may be given as: its token, and any of the other fields. */
export type ConnectionInput = Partial<Omit<Connection, "ownedBy" | "createdBy">> & {
    value: string
    /** Who owns it: "workspace" (the default) or "user", or the whole object. */
    ownedBy?: "user" | "workspace" | Connection["ownedBy"]
    createdBy?: Connection["createdBy"]
}

export interface DeliverRequest {
    /** Default POST. */
    method?: string
    headers?: Record<string, string> | Headers | [string, string][]
    /**
     * A string, bytes (an ArrayBuffer or a view of one), a Blob, FormData, URLSearchParams or a stream are sent as
     * fetch sends them; anything else (an object, an array) as JSON, with `Content-Type: application/json` unless given.
     */
    body?: unknown
    /** Appended to the handler's URL, e.g. `?verify=1` (the `?` may be left out). */
    query?: string
}

export interface Delivery {
    handler: string
    request: Request
    response: Response
    /** Why the platform would answer 500: the handler threw, or returned something other than a Response. */
    error?: unknown
}

export interface TestApp {
    readonly root: string
    /** The handler files the build picks up. */
    readonly files: AppHandlers
    /** The in-memory `kv` store the app's code sees. */
    readonly kv: KVStore
    /** The connections saved so far (after connection-added succeeded), by connection_key. */
    connections(): Connection[]
    /** Runs connection-added with a new connection, and saves it unless connection-added throws (the rejection). */
    connect(connection: ConnectionInput | string): Promise<Connection>
    /** Runs connection-removed for a saved connection (by key, or the only one), then removes it unless it throws. */
    disconnect(connectionKey?: string): Promise<void>
    /** The webhook handlers the app has created (createWebhookHandler), as listWebhookHandlers() answers. */
    webhookHandlers(): WebhookHandler[]
    /**
     * Sends a request to a webhook handler: by a created handler's id, or by its file's id (fileName). Answers
     * what the handler returned, or a 500 Response when it threw or returned no Response (see `lastDelivery`).
     */
    deliver(handler: string, request?: DeliverRequest): Promise<Response>
    /** The last delivery, with the error behind a 500. */
    readonly lastDelivery: Delivery | undefined
}

/** Loads the app at `dir` (or the app around it): discovers its handlers and bundles them. */
export async function loadApp(dir: string, options: LoadAppOptions = {}): Promise<TestApp> {
    // A mistyped folder would otherwise load as an app without handlers.
    if (!fs.existsSync(dir)) throw new Error(`loadApp(${JSON.stringify(dir)}): there is no such folder or file`)
    const root = findAppRoot(path.resolve(dir)) ?? path.resolve(dir)
    const files = findHandlers(root)
    // Node's fetch API (undici, which the first Request loads) loads while esbuild's service starts and builds: a
    // fresh process spends most of its time in these two.
    const building = bundleHandlers(root, files)
    new Headers()
    const code = await building
    const env = {...options.env}
    const server = new InMemoryServer({
        webhookFiles: files.webhooks.map((f) => f.id),
        token: env.ATTIO_API_TOKEN ?? "attio-testing-api-token",
        userId: options.userId ?? "user-" + randomUUID(),
        workspaceId: options.workspaceId ?? "workspace-" + randomUUID(),
    })
    const bundle = evaluateBundle(root, code, {server: server.module(), fetch: options.fetch ?? noFetch, env})
    return new LoadedApp(root, files, server, bundle)
}

/** Where a delivery goes to a handler file that no created webhook handler points at. */
const UNREGISTERED_URL_BASE = "https://hooks.attio.test/files/"

const noFetch: typeof fetch = async (input) => {
    const url = input instanceof Request ? input.url : String(input)
    throw new Error(
        `The app called fetch(${JSON.stringify(url)}), but loadApp() was given no fetch: pass one that answers as the third party would`
    )
}

class LoadedApp implements TestApp {
    lastDelivery: Delivery | undefined

    constructor(
        readonly root: string,
        readonly files: AppHandlers,
        private readonly server: InMemoryServer,
        private readonly bundle: BundledApp
    ) {}

    get kv(): KVStore {
        return this.server.kv
    }

    connections(): Connection[] {
        return [...this.server.connections.values()].map((c) => ({...c}))
    }

    webhookHandlers(): WebhookHandler[] {
        return [...this.server.handlers.values()].map((h) => ({...h}))
    }

    async connect(input: ConnectionInput | string): Promise<Connection> {
        const connection = this.newConnection(typeof input === "string" ? {value: input} : input)
        this.server.adding = true
        try {
            await this.runEvent("connection-added", connection)
        } finally {
            this.server.adding = false
        }
        this.server.connections.set(connection.connection_key, connection)
        return {...connection}
    }

    async disconnect(connectionKey?: string): Promise<void> {
        const saved = [...this.server.connections.values()]
        const connection =
            connectionKey === undefined && saved.length === 1
                ? saved[0]
                : this.server.connections.get(connectionKey ?? "")
        if (!connection) {
            const keys = saved.map((c) => JSON.stringify(c.connection_key)).join(", ") || "none"
            throw new Error(
                `disconnect(${connectionKey === undefined ? "" : JSON.stringify(connectionKey)}): name one saved connection by its connection_key (saved: ${keys})`
            )
        }
        await this.runEvent("connection-removed", connection)
        this.server.connections.delete(connection.connection_key)
    }

    private newConnection(input: ConnectionInput): Connection {
        if (typeof input?.value !== "string")
            throw new Error("connect(): the connection needs a value (the token) string")
        const {userId, workspaceId} = this.server.state
        const owner = input.ownedBy ?? "workspace"
        return {
            id: input.id ?? randomUUID(),
            value: input.value,
            connection_key: input.connection_key ?? "default",
            createdBy: input.createdBy ?? {type: "user", id: userId},
            ownedBy: typeof owner === "string" ? {type: owner, id: owner === "user" ? userId : workspaceId} : owner,
        }
    }

    /** An event, as the platform dispatches it: nothing when the app has no handler for it. */
    private async runEvent(name: string, connection: Connection) {
        const load = this.bundle.events.get(name)
        if (!load) return
        const handler = await defaultExport(name, load)
        await handler({connection: {...connection}})
    }

    async deliver(target: string, init: DeliverRequest = {}): Promise<Response> {
        const created = this.server.handlers.get(target)
        const fileName = created?.fileName ?? target
        const load = this.bundle.webhooks.get(fileName)
        if (!load) {
            const ids = [...this.bundle.webhooks.keys()].join(", ") || "none"
            throw new Error(
                `deliver(${JSON.stringify(target)}): no webhook handler has that id, and no handler file is named so (the app's handler ids: ${ids})`
            )
        }
        const query = init.query?.replace(/^(?=[^?])/, "?") ?? ""
        const url = (created?.url ?? UNREGISTERED_URL_BASE + fileName) + query
        const request = toRequest(url, init)
        let response: Response | undefined
        let error: unknown
        try {
            const result: unknown = await (await defaultExport(fileName, load))(request)
            if (result instanceof Response) {
                response = result
            } else {
                error = new Error(
                    `Webhook handler ${fileName} returned ${describe(result)}, not a Response: the platform answers 500`
                )
            }
        } catch (thrown) {
            error = thrown
        }
        response ??= new Response(`Webhook handler ${fileName} failed: ${message(error)}`, {status: 500})
        this.lastDelivery = {handler: fileName, request, response, error}
        return response
    }
}

/** The module's default export, checked as the platform's server entry checks it (with its messages). */
async function defaultExport(id: string, load: () => Promise<Record<string, unknown>>) {
    const func = (await load()).default
    if (!func) throw new Error(`Default export not found in module ${id}`)
    if (typeof func !== "function") throw new Error(`${id} does not export a function`)
    return func as (...args: unknown[]) => unknown
}

type RequestInit = NonNullable<ConstructorParameters<typeof Request>[1]>

function toRequest(url: string, init: DeliverRequest): Request {
    const headers = new Headers(init.headers)
    let body = init.body
    if (body !== undefined && body !== null && typeof body !== "string" && !isBodyInit(body)) {
        body = JSON.stringify(body)
        if (!headers.has("content-type")) headers.set("content-type", "application/json")
    }
    // duplex: what fetch requires of a stream body, and accepts for any.
    return new Request(url, {method: init.method ?? "POST", headers, body: body as RequestInit["body"], duplex: "half"})
}

/** What fetch sends as it is (bytes, forms, blobs, streams); anything else is JSON. */
function isBodyInit(body: unknown): boolean {
    return (
        body instanceof ArrayBuffer ||
        ArrayBuffer.isView(body) ||
        body instanceof Blob ||
        body instanceof FormData ||
        body instanceof URLSearchParams ||
        body instanceof ReadableStream
    )
}

function describe(value: unknown): string {
    if (value === undefined) return "nothing"
    if (value === null) return "null"
    return typeof value === "object" ? `an object (${value.constructor?.name ?? "Object"})` : `a ${typeof value}`
}

function message(error: unknown): string {
    return error instanceof Error ? error.message : String(error)
}
