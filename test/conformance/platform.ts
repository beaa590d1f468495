/**
 * The platform, as the conformance suite asks it: attio@1.0.4's own `attio build` on an app in a temp folder, then
 * the built dist/server.js run under Node the way Attio's runtime runs it. The bundle is a classic script whose
 * `stdin_events_default`/`stdin_webhooks_default` dispatchers look a handler up by id, call
 * `(await module()).default(...args)` and throw "Default export not found in module <id>" or "<id> does not export a
 * function"; `attio/server` is the global `ATTIO_SERVER_APP_SDK` (see the CLI's server entry in
 * node_modules/attio/dist/cli/index.js), which the stub below provides.
 */
import {spawn} from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import vm from "node:vm"

import type {AppFiles} from "./cases/case.js"

export const EVENT_IDS = ["connection-added", "connection-removed"] as const
/** A dispatch that neither settles nor fails in this long is a failure (the platform times handlers out). */
const DISPATCH_TIMEOUT_MS = 5_000

/**
 * Writes an app to a private temp folder, with what `attio build` needs and a case may leave out: a package.json,
 * the SDK template's tsconfig.json (what `npm create attio` writes) and an app entry (an empty src/app folder, which
 * adds no file the linter sees). node_modules is the cached real SDK.
 */
export function writeApp(files: AppFiles, nodeModules: string): string {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "attio-conformance-"))
    const all: AppFiles = {
        "package.json": JSON.stringify({name: "conformance-app", private: true, dependencies: {attio: "1.0.4"}}),
        "tsconfig.json": fs.readFileSync(path.join(nodeModules, "attio/dist/template/tsconfig.json"), "utf8"),
        ...files,
    }
    for (const [rel, text] of Object.entries(all)) {
        const file = path.join(root, rel)
        fs.mkdirSync(path.dirname(file), {recursive: true})
        fs.writeFileSync(file, text)
    }
    if (!["src/app", "src/app.ts", "src/app.tsx"].some((entry) => fs.existsSync(path.join(root, entry)))) {
        fs.mkdirSync(path.join(root, "src/app"), {recursive: true})
    }
    fs.symlinkSync(nodeModules, path.join(root, "node_modules"), "dir")
    return root
}

export interface BuildDiagnostic {
    /** App-relative path, when the CLI names one. */
    file?: string
    text: string
}

export interface BuildResult {
    ok: boolean
    diagnostics: BuildDiagnostic[]
    /** The CLI's output, colours stripped. */
    output: string
    /** dist/server.js, when the build succeeded. */
    bundle?: string
    seconds: number
}

/** Runs `attio build` in the app (offline: it only type-checks and bundles) and reads what it reported. */
export async function attioBuild(root: string, nodeModules: string): Promise<BuildResult> {
    fs.rmSync(path.join(root, "dist"), {recursive: true, force: true})
    const started = performance.now()
    const {code, output} = await run(path.join(nodeModules, "attio/dist/cli/index.js"), ["build"], root)
    const seconds = (performance.now() - started) / 1000
    const text = output.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, "")
    const bundlePath = path.join(root, "dist/server.js")
    const ok = code === 0 && fs.existsSync(bundlePath)
    let diagnostics = parseDiagnostics(text, root)
    if (!ok && text.includes("TypeScript validation failed") && !diagnostics.some((d) => d.file)) {
        diagnostics = [...diagnostics, ...(await typeCheck(root, nodeModules))]
    }
    return {ok, diagnostics, output: text, bundle: ok ? fs.readFileSync(bundlePath, "utf8") : undefined, seconds}
}

/**
 * The files behind a failed type check whose report the CLI could not print (its own schema rejects a diagnostic
 * at the end of a file, and it prints that schema error instead): the same check, `tsc --noEmit` with the SDK's
 * TypeScript on the app's tsconfig, names them.
 */
async function typeCheck(root: string, nodeModules: string): Promise<BuildDiagnostic[]> {
    const {output} = await run(
        path.join(nodeModules, "typescript/bin/tsc"),
        ["--noEmit", "-p", ".", "--pretty", "false"],
        root
    )
    return [...output.matchAll(/^(.+?)\(\d+,\d+\): error (TS\d+: .*)$/gm)].map((m) => ({
        file: m[1],
        text: `${m[2]} (tsc; attio build failed to print it)`,
    }))
}

function run(script: string, args: string[], cwd: string): Promise<{code: number | null; output: string}> {
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [script, ...args], {
            cwd,
            stdio: ["ignore", "pipe", "pipe"],
            env: {...process.env, NO_COLOR: "1", FORCE_COLOR: "0", CI: "true"},
            timeout: 600_000,
        })
        let output = ""
        child.stdout.on("data", (chunk: Buffer) => (output += chunk))
        child.stderr.on("data", (chunk: Buffer) => (output += chunk))
        child.on("error", reject)
        child.on("close", (code) => resolve({code, output}))
    })
}

/**
 * The CLI prints each TypeScript or esbuild error as `✖ <text>` followed by a box headed `╭─── <file>`, and a
 * duplicate handler id as `✖ Two … handler files register the same handler id` with one `   - <absolute path>` line
 * per file. Errors without a file (the closing "TypeScript validation failed") have no `file`.
 */
export function parseDiagnostics(output: string, root: string): BuildDiagnostic[] {
    const diagnostics: BuildDiagnostic[] = []
    let current: {text: string; files: string[]} | undefined
    const flush = () => {
        if (!current) return
        if (current.files.length === 0) diagnostics.push({text: current.text})
        for (const file of current.files) diagnostics.push({file, text: current.text})
    }
    const relative = (file: string) =>
        (path.isAbsolute(file) ? path.relative(root, file) : file).split(path.sep).join("/")
    for (const line of output.split(/\r?\n/)) {
        const start = /✖ (.*)$/.exec(line)
        if (start) {
            flush()
            current = {text: start[1].trim(), files: []}
            continue
        }
        if (!current) continue
        const box = /╭─── (.+)$/.exec(line) ?? /^\s+- (\/.+)$/.exec(line)
        if (box) current.files.push(relative(box[1].trim()))
    }
    flush()
    return diagnostics
}

export interface Dispatch {
    kind: "event" | "webhook"
    id: string
    /** The handler's app-relative file. */
    file: string
    /** What was sent (webhooks). */
    request?: string
    failed: boolean
    /** The error, the missing Response, or the status answered. */
    detail: string
    /** App files whose code was on the failing call's stack. */
    stackFiles: string[]
    /** Where the default export's function is defined, when the handler re-exports it from another module. */
    defaultFile?: string
}

export interface RunResult {
    webhookIds: string[]
    eventIds: string[]
    /** Handler ids that createWebhookHandler registered (the only webhooks the platform gives a URL to). */
    registered: string[]
    /** App files the bundle holds. */
    bundledFiles: string[]
    dispatches: Dispatch[]
    /** The bundle threw while loading: no handler could be called. */
    loadError?: string
}

interface WebhookHandler {
    id: string
    url: string
    fileName: string
    externalWebhookId: string | null
}

/** The third parties' and Attio's APIs: every call succeeds with a body that names a webhook and a record. */
async function stubFetch(): Promise<Response> {
    const body = {webhook_id: "ext_1", id: "ext_1", data: {id: {record_id: "rec_1"}}}
    return Response.json(body, {status: 200})
}

/** Requests sent to every webhook handler: the third parties' usual JSON, a body that is not JSON, and no body. */
function requests(): {label: string; request: Request}[] {
    const url = "https://hooks.attio.test/webhook"
    return [
        {
            label: "POST {}",
            request: new Request(url, {method: "POST", headers: {"Content-Type": "application/json"}, body: "{}"}),
        },
        {label: "POST not-json", request: new Request(url, {method: "POST", body: "not json"})},
        {label: "GET", request: new Request(url)},
    ]
}

/**
 * Loads the bundle into a fresh context holding the Web globals a handler uses and a stub `attio/server`, then
 * dispatches as the platform does: connection-added, a request to each webhook handler (registered or not: a case
 * app rarely registers its own), then connection-removed. Event files with other ids are never called.
 */
export async function runServer(bundle: string, files: AppFiles): Promise<RunResult> {
    const webhookEntries = entriesIn(bundle, "webhookModules")
    const eventEntries = entriesIn(bundle, "eventModules")
    const webhookIds = [...webhookEntries.keys()]
    const eventIds = [...eventEntries.keys()]
    const modules = moduleLines(bundle)
    const defaultFile = (file: string, exports: string | undefined) => {
        const defined = exports ? defaultDefinedIn(bundle, exports, modules) : undefined
        return defined && defined !== file ? {defaultFile: defined} : {}
    }
    const handlerFiles = new Map<string, string>()
    for (const file of Object.keys(files)) {
        const handler = discoveredHandler(file)
        if (handler) handlerFiles.set(`${handler.kind}:${handler.id}`, file)
    }
    const fileOf = (kind: string, id: string) => handlerFiles.get(`${kind}:${id}`) ?? `${kind} ${id}`
    const created: WebhookHandler[] = []
    const find = (id: string) => {
        const handler = created.find((h) => h.id === id)
        if (!handler) throw new Error(`Webhook handler ${id} not found`)
        return handler
    }
    const sdk = {
        ATTIO_API_TOKEN: "attio-api-token",
        // Deprecated and declared `never` since attio 1.0, but apps pinned to older SDKs still call it
        async attioFetch() {
            return {data: {}}
        },
        async createWebhookHandler({fileName}: {fileName: string}) {
            // The platform knows the bundle's handler ids: any other fileName is a handler it cannot create
            if (!webhookIds.includes(fileName))
                throw new Error(`No webhook handler file for fileName ${JSON.stringify(fileName)}`)
            const n = created.length + 1
            const handler = {id: `wh_${n}`, url: `https://hooks.attio.test/wh_${n}`, fileName, externalWebhookId: null}
            created.push(handler)
            return {...handler}
        },
        async listWebhookHandlers() {
            return created.map((h) => ({...h}))
        },
        async getWebhookHandler(id: string) {
            return {...find(id)}
        },
        async updateWebhookHandler(id: string, {externalWebhookId}: {externalWebhookId: string}) {
            find(id).externalWebhookId = externalWebhookId
        },
        async deleteWebhookHandler(id: string) {
            created.splice(created.indexOf(find(id)), 1)
        },
        getUserConnection: () => connection,
        getWorkspaceConnection: () => connection,
    }
    const silent = {log() {}, info() {}, warn() {}, error() {}, debug() {}}
    const context = vm.createContext({
        ATTIO_SERVER_APP_SDK: sdk,
        ATTIO_ROOT_SDK: {},
        registerSettingsSchema() {},
        console: silent,
        fetch: stubFetch,
        process: {env: {}},
        ...Object.fromEntries(WEB_GLOBALS.map((name) => [name, (globalThis as Record<string, unknown>)[name]])),
    })
    const result: RunResult = {
        webhookIds,
        eventIds,
        registered: [],
        bundledFiles: [...new Set(modules.map((m) => m.file).filter((f): f is string => f !== undefined))],
        dispatches: [],
    }
    try {
        new vm.Script(bundle, {filename: SERVER_JS}).runInContext(context, {timeout: DISPATCH_TIMEOUT_MS})
    } catch (error) {
        result.loadError = describe(error)
        return result
    }
    type Dispatcher = (id: string, args: unknown[]) => Promise<unknown>
    const events = context.stdin_events_default as Dispatcher
    const webhooks = context.stdin_webhooks_default as Dispatcher
    const stackFiles = (error: unknown) => filesOnStack(error, modules)

    const dispatchEvent = async (id: string) => {
        if (!eventIds.includes(id)) return
        const file = fileOf("event", id)
        const outcome = await settle(() => events(id, [{connection}]))
        result.dispatches.push({
            kind: "event",
            id,
            file,
            failed: !outcome.ok,
            detail: outcome.ok ? "returned" : describe(outcome.error),
            stackFiles: outcome.ok ? [] : stackFiles(outcome.error),
            ...defaultFile(file, eventEntries.get(id)),
        })
    }
    await dispatchEvent("connection-added")
    result.registered = [...new Set(created.map((h) => h.fileName))]
    for (const id of webhookIds) {
        const file = fileOf("webhook", id)
        for (const {label, request} of requests()) {
            const outcome = await settle(() => webhooks(id, [request]))
            const answered = outcome.ok && outcome.value instanceof Response
            result.dispatches.push({
                kind: "webhook",
                id,
                file,
                request: label,
                failed: !answered,
                detail: !outcome.ok
                    ? describe(outcome.error)
                    : answered
                      ? `answered ${(outcome.value as Response).status}`
                      : `returned ${typeName(outcome.value)} instead of a Response: the platform answers 500`,
                stackFiles: outcome.ok ? [] : stackFiles(outcome.error),
                ...defaultFile(file, webhookEntries.get(id)),
            })
        }
    }
    await dispatchEvent("connection-removed")
    return result
}

const SERVER_JS = "server.js"

const connection = {
    id: "conn_1",
    value: "third-party-token",
    connection_key: "default",
    createdBy: {type: "user", id: "user_1"},
    ownedBy: {type: "workspace", id: "workspace_1"},
}

const WEB_GLOBALS = [
    "Request",
    "Response",
    "Headers",
    "URL",
    "URLSearchParams",
    "TextEncoder",
    "TextDecoder",
    "AbortController",
    "AbortSignal",
    "Blob",
    "FormData",
    "atob",
    "btoa",
    "crypto",
    "structuredClone",
    "setTimeout",
    "clearTimeout",
    "setInterval",
    "clearInterval",
    "queueMicrotask",
]

/**
 * The bundle's handler map: id to the module's exports object, from
 * `webhookModules.set("crm/deal", () => Promise.resolve().then(() => (init_deal_webhook(), deal_webhook_exports)))`.
 */
function entriesIn(bundle: string, map: "webhookModules" | "eventModules"): Map<string, string | undefined> {
    const entries = new Map<string, string | undefined>()
    for (const line of bundle.matchAll(new RegExp(`^${map}\\.set\\(("(?:[^"\\\\]|\\\\.)*")(.*)$`, "gm"))) {
        entries.set(JSON.parse(line[1]) as string, /, ([\w$]+)\)\)\);?$/.exec(line[2])?.[1])
    }
    return entries
}

/**
 * The file whose code defines a module's default export: esbuild writes `__export(x_exports, {default: () => name})`
 * and hoists `function name(` or `var name` to the top of the module that defines it.
 */
function defaultDefinedIn(
    bundle: string,
    exports: string,
    modules: {line: number; file?: string}[]
): string | undefined {
    const block = new RegExp(`__export\\(${exports.replace(/\$/g, "\\$")}, \\{([^}]*)\\}\\)`).exec(bundle)
    const name = block && /\bdefault: \(\) => ([\w$]+)/.exec(block[1])?.[1]
    if (!name) return undefined
    const escaped = name.replace(/\$/g, "\\$")
    const definition = new RegExp(
        `^(?:(?:async\\s+)?function\\*?\\s+${escaped}\\s*\\(|var\\s+(?:[\\w$]+,\\s*)*${escaped}\\b)`
    )
    const index = bundle.split("\n").findIndex((text) => definition.test(text))
    return index < 0 ? undefined : modules.filter((m) => m.line <= index + 1).at(-1)?.file
}

/**
 * The build's discovery: a `*.webhook.{ts,js}` or `*.event.{ts,js}` file below its kind's root in either layout is a
 * handler whose id is its path below the root without the suffix.
 */
export function discoveredHandler(file: string): {kind: "webhook" | "event"; id: string} | undefined {
    const match = /^src\/(?:app\/)?(webhooks|events)\/(.+)\.(webhook|event)\.[jt]s$/.exec(file)
    if (!match || match[1] !== `${match[3]}s`) return undefined
    return {kind: match[3] as "webhook" | "event", id: match[2]}
}

/** esbuild heads each module of the bundle with a `// <path>` comment; the dispatchers at the end belong to none. */
function moduleLines(bundle: string): {line: number; file?: string}[] {
    const starts: {line: number; file?: string}[] = []
    bundle.split("\n").forEach((text, index) => {
        const comment = /^\/\/ (\S+)$/.exec(text)
        if (comment) starts.push({line: index + 1, file: comment[1].startsWith("src/") ? comment[1] : undefined})
        else if (text.startsWith("var stdin_default")) starts.push({line: index + 1})
    })
    return starts
}

function filesOnStack(error: unknown, modules: {line: number; file?: string}[]): string[] {
    const stack = typeof error === "object" && error !== null && "stack" in error ? String(error.stack) : ""
    const files = new Set<string>()
    for (const frame of stack.matchAll(new RegExp(`${SERVER_JS.replace(".", "\\.")}:(\\d+):\\d+`, "g"))) {
        const line = Number(frame[1])
        const file = modules.filter((m) => m.line <= line).at(-1)?.file
        if (file) files.add(file)
    }
    return [...files]
}

async function settle(call: () => unknown): Promise<{ok: true; value: unknown} | {ok: false; error: unknown}> {
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${DISPATCH_TIMEOUT_MS} ms`)), DISPATCH_TIMEOUT_MS)
    })
    try {
        return {ok: true, value: await Promise.race([Promise.resolve().then(call), timeout])}
    } catch (error) {
        return {ok: false, error}
    } finally {
        clearTimeout(timer)
    }
}

/** Errors from the bundle's context are not this realm's `Error`s. */
function describe(error: unknown): string {
    return typeof error === "object" && error !== null && "message" in error ? String(error.message) : String(error)
}

function typeName(value: unknown): string {
    if (value === null || value === undefined) return String(value)
    return typeof value === "object" ? `an object (${JSON.stringify(value)?.slice(0, 60)})` : `a ${typeof value}`
}
