/**
 * Bundling an app's handlers the way `attio build` bundles its server code (attio@1.0.4's CLI): esbuild, bundle,
 * platform "browser", the handler files found by the same discovery as attio-lint's, each loaded lazily through
 * `() => import(file)`, and `attio/server` taken from a variable as the platform's global-externals plugin does
 * (a CommonJS module object). Only the output format differs: an IIFE evaluated in this process, so that the
 * handlers' `fetch`, `process` and SDK are the test's.
 */
import path from "node:path"
import vm from "node:vm"

import {App} from "../app-model/app.js"
import type {HandlerKind} from "../app-model/layout.js"

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

const GLOBAL_NAME = "__attioTestingApp"
/** The platform maps these to globals; the bundle reads them from the scope instead. */
const EXTERNALS: Record<string, string> = {"attio/server": "__attioServer", attio: "__attioRoot"}

/** The handler files the build picks up, sorted by id; the build's refusal when two files share an id. */
export async function findHandlers(root: string): Promise<AppHandlers> {
    const app = await App.load(root)
    const list = (kind: HandlerKind) => {
        const files = app.handlers(kind).map((f) => ({id: f.handler!.id!, rel: f.rel, path: f.path}))
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

/** The app's handlers bundled into one script (esbuild's errors, when it fails, as one message). */
export async function bundleHandlers(root: string, handlers: AppHandlers): Promise<string> {
    const esbuild = await import("esbuild")
    const entries = (kind: string, files: HandlerFile[]) =>
        `export const ${kind} = new Map([${files.map((f) => `[${JSON.stringify(f.id)}, () => import(${JSON.stringify(f.path)})]`).join(", ")}])`
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
            format: "iife",
            globalName: GLOBAL_NAME,
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
 * Runs the bundle with its free names bound to the scope: `fetch` and `process` as the handlers see them, and
 * the in-memory SDK. ES modules are strict, so the bundle runs in strict mode as it does on the platform.
 */
export function evaluateBundle(root: string, code: string, scope: BundleScope): BundledApp {
    // A named script, so that stack traces say the handler code came from the bundle of this app.
    const wrapped = `(function (__attioServer, __attioRoot, fetch, process) {"use strict";${code}\nreturn ${GLOBAL_NAME}\n})`
    const run = vm.runInThisContext(wrapped, {filename: path.join(root, "attio-testing-bundle.js")}) as (
        ...args: unknown[]
    ) => BundledApp
    return run(scope.server, {}, scope.fetch, {env: scope.env})
}
