/**
 * Where the Attio platform looks for handlers, and how it names them (../shared/attio-platform.md).
 * Pure path arithmetic: no file system access, no parsing.
 */
import path from "node:path"

export type HandlerKind = "webhook" | "event"

export interface HandlerRoot {
    kind: HandlerKind
    /** App-relative, posix separators. */
    dir: string
    layout: Layout
}

/** `documented`: src/webhooks + src/events; `app`: src/app/webhooks + src/app/events (new apps). */
export type Layout = "documented" | "app"

export const HANDLER_ROOTS: readonly HandlerRoot[] = [
    {kind: "webhook", dir: "src/webhooks", layout: "documented"},
    {kind: "webhook", dir: "src/app/webhooks", layout: "app"},
    {kind: "event", dir: "src/events", layout: "documented"},
    {kind: "event", dir: "src/app/events", layout: "app"},
]

/** The only suffixes the build picks up, per kind. */
export const HANDLER_EXTENSIONS = [".ts", ".js"] as const
/** Suffixes that look like a handler but that the build silently ignores. */
export const IGNORED_HANDLER_EXTENSIONS = [".tsx", ".jsx", ".mts", ".cts", ".mjs", ".cjs"] as const

export const EVENT_NAMES = ["connection-added", "connection-removed"] as const
export type EventName = (typeof EVENT_NAMES)[number]

export interface HandlerPathInfo {
    kind: HandlerKind
    /** The root the file is in, or undefined when it lies outside both roots of its kind. */
    root: HandlerRoot | undefined
    /** Handler id (path under the root without the suffix), when inside a root. */
    id: string | undefined
    /** True when the suffix is one the build picks up (`.webhook.ts`/`.webhook.js`). */
    picked: boolean
}

export function toPosix(p: string): string {
    return p.split(path.sep).join("/")
}

/** The root of the given kind that contains the app-relative posix path, if any. */
export function rootOf(relPath: string, kind: HandlerKind): HandlerRoot | undefined {
    return HANDLER_ROOTS.find((r) => r.kind === kind && relPath.startsWith(r.dir + "/"))
}

/** Any root (of either kind) containing the path. */
export function anyRootOf(relPath: string): HandlerRoot | undefined {
    return HANDLER_ROOTS.find((r) => relPath.startsWith(r.dir + "/"))
}

/**
 * Classifies an app-relative posix path by its name alone. Returns undefined for files that are not
 * handler-shaped at all (including `x.webhook.test.ts` and declaration files).
 */
export function classifyHandlerPath(relPath: string): HandlerPathInfo | undefined {
    const base = relPath.slice(relPath.lastIndexOf("/") + 1)
    if (base.endsWith(".d.ts")) return undefined
    for (const kind of ["webhook", "event"] as const) {
        const marker = `.${kind}.`
        const at = base.lastIndexOf(marker)
        if (at <= 0) continue
        const ext = base.slice(at + marker.length - 1)
        const picked = (HANDLER_EXTENSIONS as readonly string[]).includes(ext)
        if (!picked && !(IGNORED_HANDLER_EXTENSIONS as readonly string[]).includes(ext)) continue
        const root = rootOf(relPath, kind)
        const id = root ? relPath.slice(root.dir.length + 1, relPath.length - (marker.length - 1 + ext.length)) : undefined
        return {kind, root, id, picked}
    }
    return undefined
}

/** Tests kept beside handlers (`x.webhook.test.ts`, `__tests__/…`): never handlers, never call sites. */
export function isTestFile(relPath: string): boolean {
    return /\.(test|spec)\.[cm]?[jt]sx?$/.test(relPath) || /(^|\/)__tests__\//.test(relPath)
}

/** The app-relative path a new handler with this id would get in the given layout. */
export function handlerPath(kind: HandlerKind, id: string, layout: Layout, ext: ".ts" | ".js" = ".ts"): string {
    const root = HANDLER_ROOTS.find((r) => r.kind === kind && r.layout === layout)!
    return `${root.dir}/${id}.${kind}${ext}`
}
