/**
 * An in-memory `attio/server`: what the SDK declares for server code (attio@1.0.4's
 * dist/types/server/index.d.ts), backed by maps instead of Attio's platform. Each loaded app gets its own.
 */
import {randomUUID} from "node:crypto"

/** The SDK's declared shapes, restated: the package must not depend on `attio` being installed. */
export interface Connection {
    id: string
    value: string
    connection_key: string
    createdBy: {type: "user"; id: string}
    ownedBy: {type: "user" | "workspace"; id: string}
}

export interface WebhookHandler {
    id: string
    url: string
    fileName: string
    externalWebhookId: string | null
}

export type KVSerializable = string | number | boolean | null | KVSerializable[] | {[key: string]: KVSerializable}

export interface KVStore {
    set(key: string, value: KVSerializable, options?: {ttlInSeconds?: number}): Promise<void>
    get(key: string): Promise<{value: KVSerializable} | null>
    mget(keys: string[]): Promise<Record<string, {value: KVSerializable} | null>>
    delete(key: string): Promise<void>
}

/**
 * Where created handlers answer. The platform's URLs are opaque to apps (they pass them on to the third party);
 * these are https URLs that end in the handler's id, as unique as the ids.
 */
export const WEBHOOK_URL_BASE = "https://hooks.attio.test/webhook-handlers/"

/** The values `attio/server` declares, by name. The test for this file checks the list against the SDK's. */
export const SDK_VALUE_EXPORTS = [
    "ATTIO_API_TOKEN",
    "BaseNode",
    "Settings",
    "SettingsBooleanNode",
    "SettingsNumberNode",
    "SettingsStringNode",
    "Workflows",
    "attioFetch",
    "createWebhookHandler",
    "deleteWebhookHandler",
    "getCurrentUser",
    "getUserConnection",
    "getWebhookHandler",
    "getWorkspaceConnection",
    "getWorkspaceSetting",
    "getWorkspaceSettings",
    "kv",
    "listWebhookHandlers",
    "setWorkspaceSetting",
    "updateWebhookHandler",
] as const

export interface ServerState {
    /** Webhook handler ids (file ids) the app has: createWebhookHandler accepts only these. */
    webhookFiles: readonly string[]
    token: string
    userId: string
    workspaceId: string
}

/** A test's view of the platform's state behind one app's `attio/server`. */
export class InMemoryServer {
    readonly handlers = new Map<string, WebhookHandler>()
    readonly connections = new Map<string, Connection>()
    private readonly store = new Map<string, {json: string; expires: number | undefined}>()
    /** Set while connection-added runs: the new connection is not readable through the getters yet. */
    adding = false

    constructor(readonly state: ServerState) {}

    readonly kv: KVStore = {
        set: async (key, value, options) => {
            checkKey("kv.set", key)
            const json = JSON.stringify(value)
            // JSON.stringify drops what JSON cannot hold; a round trip that changes the value would lose data.
            if (json === undefined || !sameJson(JSON.parse(json), value)) {
                throw new Error(`kv.set(${JSON.stringify(key)}): the value is not JSON-serializable`)
            }
            const ttl = options?.ttlInSeconds
            this.store.set(key, {json, expires: ttl === undefined ? undefined : Date.now() + ttl * 1000})
        },
        get: async (key) => {
            checkKey("kv.get", key)
            return this.read(key)
        },
        mget: async (keys) => Object.fromEntries(keys.map((key) => [key, this.read(key)])),
        delete: async (key) => {
            checkKey("kv.delete", key)
            this.store.delete(key)
        },
    }

    private read(key: string): {value: KVSerializable} | null {
        const entry = this.store.get(key)
        if (!entry) return null
        if (entry.expires !== undefined && entry.expires <= Date.now()) {
            this.store.delete(key)
            return null
        }
        return {value: JSON.parse(entry.json) as KVSerializable}
    }

    /** The module object the bundle's `import ... from "attio/server"` reads. */
    module(): Record<string, unknown> {
        const server = {
            ATTIO_API_TOKEN: this.state.token,
            kv: this.kv,
            createWebhookHandler: async (args: {fileName: string}) => this.create(args),
            listWebhookHandlers: async () => [...this.handlers.values()].map((h) => ({...h})),
            getWebhookHandler: async (id: string) => ({...this.handler("getWebhookHandler", id)}),
            updateWebhookHandler: async (id: string, update: {externalWebhookId: string}) => {
                const handler = this.handler("updateWebhookHandler", id)
                if (typeof update?.externalWebhookId !== "string") {
                    throw new Error(`updateWebhookHandler(${JSON.stringify(id)}): externalWebhookId must be a string`)
                }
                handler.externalWebhookId = update.externalWebhookId
            },
            deleteWebhookHandler: async (id: string) => {
                this.handler("deleteWebhookHandler", id)
                this.handlers.delete(id)
            },
            getCurrentUser: () => ({id: this.state.userId}),
            getUserConnection: (key?: string) => this.connection("user", key),
            getWorkspaceConnection: (key?: string) => this.connection("workspace", key),
        }
        const missing = Object.fromEntries(
            SDK_VALUE_EXPORTS.filter((name) => !(name in server)).map((name) => [name, unavailable(name)])
        )
        return {...missing, ...server}
    }

    private create({fileName}: {fileName: string}): WebhookHandler {
        if (typeof fileName !== "string" || !this.state.webhookFiles.includes(fileName)) {
            const known = this.state.webhookFiles.length ? this.state.webhookFiles.join(", ") : "none"
            throw new Error(
                `createWebhookHandler: fileName ${JSON.stringify(fileName)} names no webhook handler file (the app's handler ids: ${known})`
            )
        }
        const id = randomUUID()
        const handler: WebhookHandler = {id, url: WEBHOOK_URL_BASE + id, fileName, externalWebhookId: null}
        this.handlers.set(id, handler)
        return {...handler}
    }

    private handler(caller: string, id: string): WebhookHandler {
        const handler = this.handlers.get(id)
        if (!handler) throw new Error(`${caller}: there is no webhook handler with the id ${JSON.stringify(id)}`)
        return handler
    }

    private connection(owner: "user" | "workspace", key?: string): Connection {
        const getter = owner === "user" ? "getUserConnection" : "getWorkspaceConnection"
        const found = [...this.connections.values()].find(
            (c) => c.ownedBy.type === owner && (key === undefined || c.connection_key === key)
        )
        if (!found) {
            const why = this.adding ? " (during connection-added the new connection is only its argument)" : ""
            throw new Error(
                `${getter}: no ${owner} connection${key === undefined ? "" : ` ${JSON.stringify(key)}`}${why}`
            )
        }
        return {...found}
    }
}

function checkKey(caller: string, key: unknown) {
    if (typeof key !== "string") throw new Error(`${caller}: the key must be a string, not ${typeof key}`)
}

function sameJson(a: unknown, b: unknown): boolean {
    if (Object.is(a, b)) return true
    if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false
    if (Array.isArray(a) !== Array.isArray(b)) return false
    if (!Array.isArray(b) && Object.getPrototypeOf(b) !== Object.prototype) return false
    const keysA = Object.keys(a)
    const keysB = Object.keys(b)
    return keysA.length === keysB.length && keysB.every((k) => sameJson((a as never)[k], (b as never)[k]))
}

/** A stand-in for an SDK value the runtime does not implement: using it says so, by name. */
function unavailable(name: string): unknown {
    const fail = (what: string) => {
        throw new Error(
            `${what} is not available in tests (generator-attio-app/testing implements the webhook handler functions, kv, ATTIO_API_TOKEN, the connection getters and getCurrentUser)`
        )
    }
    // Namespaces (Settings, Workflows): any member is a function that fails when called.
    const target = function () {
        fail(name)
    }
    return new Proxy(target, {
        apply: () => fail(name),
        construct: () => fail(name),
        get: (t, member) =>
            typeof member === "string" && !(member in t) ? () => fail(`${name}.${member}`) : Reflect.get(t, member),
    })
}
