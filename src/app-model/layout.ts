/**
 * Where the Attio platform looks for handlers, and how it names them (docs/platform.md).
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
    /** True when the name is one the build picks up (`.webhook.ts`/`.webhook.js`) and no linked folder hides it; with a root, it is a handler. */
    picked: boolean
    /**
     * For a file the build ignores for its name alone (`.webhook.tsx`, `.events.ts`, `.Webhook.ts`): the
     * app-relative path it would pick up.
     */
    expected?: string
    /** Reached through a symbolic link to a folder (the root itself or one below it), which the build's glob does not follow. */
    linked?: boolean
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
 * Classifies an app-relative posix path by its name alone, as the build's glob does: per root,
 * every `*.webhook.{js,ts}` and `*.event.{js,ts}` at any depth, case-sensitively (glob's default on Linux), the id
 * being the path below the root without the suffix. Also classifies names the build ignores but that
 * are meant as handlers: other script extensions anywhere, and in a root a misspelt, plural or
 * differently cased suffix (`.events.ts`, `.evnt.ts`, `.Webhook.ts`). Returns undefined for everything
 * else (including `x.webhook.test.ts` and declaration files).
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
        const id = root
            ? relPath.slice(root.dir.length + 1, relPath.length - (marker.length - 1 + ext.length))
            : undefined
        const expected = picked ? undefined : `${relPath.slice(0, relPath.length - ext.length)}${pickedExtension(ext)}`
        return {kind, root, id, picked, ...(expected && {expected})}
    }
    return misnamedHandler(relPath, base)
}

/** A file in a root whose name is a near miss of the handler suffix: the build ignores it. */
function misnamedHandler(relPath: string, base: string): HandlerPathInfo | undefined {
    const root = anyRootOf(relPath)
    const extAt = base.lastIndexOf(".")
    if (!root || extAt <= 0 || isTestFile(relPath) || !/^\.[cm]?[jt]sx?$/i.test(base.slice(extAt))) return undefined
    const stem = base.slice(0, extAt)
    const markerAt = stem.lastIndexOf(".")
    if (markerAt <= 0 || !nearMiss(stem.slice(markerAt + 1).toLowerCase(), root.kind)) return undefined
    const dir = relPath.slice(0, relPath.length - base.length)
    const expected = `${dir}${stem.slice(0, markerAt)}.${root.kind}${pickedExtension(base.slice(extAt))}`
    return {kind: root.kind, root, id: undefined, picked: false, expected}
}

/** `.ts`/`.js` for any script extension the build would not pick up (`.tsx` -> `.ts`, `.MJS` -> `.js`). */
export function pickedExtension(ext: string): string {
    return /t/i.test(ext) ? ".ts" : ".js"
}

/**
 * Whether a suffix segment is the kind's marker mistyped: another letter case, the plural, or one
 * letter added, dropped, changed or swapped (`events`, `evnt`, `webhok`, `wehbook`).
 */
function nearMiss(segment: string, kind: HandlerKind): boolean {
    if (segment === kind || segment === `${kind}s`) return true
    const [short, long] = segment.length <= kind.length ? [segment, kind] : [kind, segment]
    if (long.length - short.length > 1 || short.length < 3) return false
    let i = 0
    while (i < short.length && short[i] === long[i]) i++
    if (short.length === long.length) {
        const swapped = short[i] === long[i + 1] && short[i + 1] === long[i] && short.slice(i + 2) === long.slice(i + 2)
        return swapped || short.slice(i + 1) === long.slice(i + 1)
    }
    return short.slice(i) === long.slice(i + 1)
}

/** Server functions the build bundles: every `*.server.ts`/`*.server.js` in src/, found as handlers are. */
export function isServerFunctionPath(relPath: string): boolean {
    return relPath.startsWith("src/") && /\.server\.(js|ts)$/.test(relPath)
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
