/**
 * Bundling an app's handlers the way `attio build` bundles its server code (attio@1.0.4's CLI): esbuild, bundle,
 * platform "browser", format "esm", the handler files found and named as attio-lint names them, each loaded
 * lazily through `() => import(file)`, and `attio/server` taken from a variable as the platform's global-externals
 * plugin does (a CommonJS module object). The entry exports nothing, so the ESM output is a plain script body
 * (a module with top-level await becomes an async initializer, as on the platform): it runs in this process with
 * its free names (`fetch`, `process`, `globalThis`, the SDK) bound to the test's.
 */
import fs from "node:fs"
import {createRequire} from "node:module"
import path from "node:path"
import {pathToFileURL} from "node:url"
import vm from "node:vm"

import {classifyHandlerPath, HANDLER_ROOTS, type HandlerKind, toPosix} from "../app-model/layout.js"

export interface HandlerFile {
    /** The platform's handler id: the path under its root, without the suffix. */
    id: string
    /** App-relative, posix separators. */
    rel: string
    /** Absolute path. */
    path: string
}

export interface AppHandlers {
    webhooks: HandlerFile[]
    events: HandlerFile[]
}

type Loader = () => Promise<Record<string, unknown>>

/** What evaluating a bundle gives: each handler file's module, loaded on first use. */
export interface BundledApp {
    webhooks: Map<string, Loader>
    events: Map<string, Loader>
}

/** What the bundle's free names are bound to when it runs. */
export interface BundleScope {
    server: Record<string, unknown>
    fetch: typeof fetch
    env: Record<string, string | undefined>
}

/** The entry assigns the handler maps to this free name. */
const HANDLERS_NAME = "__attioHandlers"
/** The platform maps these to globals; the bundle reads them from the scope instead. */
const EXTERNALS: Record<string, string> = {"attio/server": "__attioServer", attio: "__attioRoot"}

/**
 * The handler files the build picks up, sorted by id; the build's refusal when two files share an id. As the build,
 * it reads only the handler roots (a glob of files, no dot folders, node_modules included: docs/platform.md), and
 * names the files with attio-lint's rules (layout.ts): loading the whole app model would cost more than the bundle.
 */
export function findHandlers(root: string): AppHandlers {
    const found: Record<HandlerKind, HandlerFile[]> = {webhook: [], event: []}
    for (const {dir} of HANDLER_ROOTS) {
        for (const entry of readTree(path.join(root, dir))) {
            const file = path.join(entry.parentPath, entry.name)
            const rel = toPosix(path.relative(root, file))
            const handler = classifyHandlerPath(rel)
            const hidden = rel
                .slice(dir.length + 1)
                .split("/")
                .some((part) => part.startsWith("."))
            // Files and links: the glob lists a link to a folder or to nothing, which esbuild then bundles (the
            // folder's index) or fails to resolve, as in the build.
            const listed = entry.isFile() || entry.isSymbolicLink()
            if (!handler?.picked || !handler.root || hidden || !listed) continue
            found[handler.kind].push({id: handler.id!, rel, path: file})
        }
    }
    const list = (kind: HandlerKind) => {
        const files = found[kind].sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0))
        for (const [i, file] of files.entries()) {
            const twin = files.slice(0, i).find((other) => other.id === file.id)
            if (twin) {
                const Kind = kind === "webhook" ? "Webhook" : "Event"
                throw new Error(
                    `Two ${kind} handler files register the same handler id "${file.id}": ${twin.rel} and ${file.rel}. ${Kind} handler ids must be unique across both handler roots.`
                )
            }
        }
        return files.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    }
    return {webhooks: list("webhook"), events: list("event")}
}

/**
 * Everything below a folder, not through links to folders (as the glob's `**`); nothing when it does not exist or
 * is itself a link, which the build does not walk either (an unreadable one is an error, as in the build).
 */
function readTree(dir: string): fs.Dirent[] {
    try {
        if (fs.lstatSync(dir).isSymbolicLink()) return []
        return fs.readdirSync(dir, {recursive: true, withFileTypes: true})
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code
        if (code === "ENOENT" || code === "ENOTDIR") return []
        throw error
    }
}

/**
 * esbuild, required rather than imported: importing its CommonJS entry from ESM makes Node scan the whole file for
 * export names first, which costs more than the build itself (see bench/testing-runtime.js).
 */
function loadEsbuild(): typeof import("esbuild") {
    return createRequire(import.meta.url)("esbuild") as typeof import("esbuild")
}

/** The app's handlers bundled into one script (esbuild's errors, when it fails, as one message). */
export async function bundleHandlers(root: string, handlers: AppHandlers): Promise<string> {
    const esbuild = loadEsbuild()
    const entries = (kind: string, files: HandlerFile[]) =>
        `${HANDLERS_NAME}.${kind} = new Map([${files.map((f) => `[${JSON.stringify(f.id)}, () => import(${JSON.stringify(f.path)})]`).join(", ")}])`
    const result = await esbuild
        .build({
            stdin: {
                contents: `${entries("webhooks", handlers.webhooks)}\n${entries("events", handlers.events)}\n`,
                resolveDir: root,
                sourcefile: "attio-testing-entry.js",
                loader: "js",
            },
            absWorkingDir: root,
            bundle: true,
            platform: "browser",
            format: "esm",
            // The bundle runs as a script, where import.meta is a syntax error; the platform's ESM bundle has one.
            define: {"import.meta": "__attioImportMeta"},
            write: false,
            logLevel: "silent",
            plugins: [
                {
                    name: "attio-testing-externals",
                    setup(build) {
                        build.onResolve({filter: /^attio(\/server)?$/}, (args) => ({
                            path: args.path,
                            namespace: "attio-testing",
                        }))
                        build.onLoad({filter: /.*/, namespace: "attio-testing"}, (args) => ({
                            contents: `module.exports = ${EXTERNALS[args.path]}`,
                            loader: "js",
                        }))
                    },
                },
            ],
        })
        .catch((error: {errors?: import("esbuild").Message[]}) => {
            if (!error.errors) throw error
            throw new Error(`The app's handlers do not bundle:\n${error.errors.map(formatMessage).join("\n")}`)
        })
    return result.outputFiles[0].text
}

function formatMessage(message: import("esbuild").Message): string {
    const where = message.location
        ? `${message.location.file}:${message.location.line}:${message.location.column + 1}: `
        : ""
    return `  ${where}${message.text}`
}

/**
 * Runs the bundle with its free names bound to the scope: `fetch` and `process` as the handlers see them (also as
 * `globalThis.fetch` and `globalThis.process`), and the in-memory SDK. ES modules are strict, so the bundle runs in
 * strict mode as it does on the platform.
 */
export function evaluateBundle(root: string, code: string, scope: BundleScope): BundledApp {
    // A named script, so that stack traces say the handler code came from the bundle of this app.
    const filename = path.join(root, "attio-testing-bundle.js")
    const wrapped = `(function (${HANDLERS_NAME}, __attioServer, __attioRoot, __attioImportMeta, fetch, process, globalThis) {"use strict";${code}\n})`
    const run = vm.runInThisContext(wrapped, {filename}) as (...args: unknown[]) => void
    const handlers = {} as BundledApp
    const own = {fetch: scope.fetch, process: {env: scope.env}}
    run(handlers, scope.server, {}, {url: pathToFileURL(filename).href}, own.fetch, own.process, shadowedGlobal(own))
    return handlers
}

/**
 * The handlers' `globalThis`: Node's, except for the names given, which read (and write) the test's values, so that
 * `globalThis.fetch(...)` reaches the test's fetch as a bare `fetch(...)` does.
 */
function shadowedGlobal(own: Record<string, unknown>): typeof globalThis {
    return new Proxy(globalThis, {
        get: (target, key) => (Object.hasOwn(own, key) ? own[key as string] : Reflect.get(target, key)),
        set: (target, key, value) => {
            if (!Object.hasOwn(own, key)) return Reflect.set(target, key, value)
            own[key as string] = value
            return true
        },
        has: (target, key) => Object.hasOwn(own, key) || Reflect.has(target, key),
    })
}
