/** What the generators need to know about the app they run in, read from disk once. */
import {existsSync, readdirSync, statSync} from "node:fs"
import path from "node:path"
import {HANDLER_EXTENSIONS, HANDLER_ROOTS, handlerPath, type HandlerKind, type Layout} from "../app-model/layout.js"
import {confinement, resolveTarget, type Confinement} from "./confine.js"

export interface App {
    /** Absolute path of the app (the generator's destination root). */
    root: string
    /** Where new handler files go. */
    layout: Layout
    /** Where the generator may read and write: the app, through no link leaving it. */
    confined: Confinement
}

/**
 * Throws a ScaffoldError when a handler folder is a link leaving the app (or dangling): refused before anything
 * in it is looked at, rather than when the first file in it is read.
 */
export function inspectApp(root: string, options: {allowSymlinks?: boolean} = {}): App {
    const confined = confinement(root, options.allowSymlinks === true)
    for (const {dir} of HANDLER_ROOTS) resolveTarget(confined, dir)
    return {root, layout: detectLayout(root), confined}
}

/** `src/app/` when the app has it or has no handler folder at all (what `npm create attio` makes today). */
function detectLayout(root: string): Layout {
    if (isDirectory(path.join(root, "src/app"))) return "app"
    if (isDirectory(path.join(root, "src/webhooks")) || isDirectory(path.join(root, "src/events"))) return "documented"
    return "app"
}

/**
 * The app-relative path of the existing handler file with this id, in either layout's root and with either
 * suffix the build picks up. The platform uses whichever exists, so the generator must too.
 */
export function findHandler(app: App, kind: HandlerKind, id: string): string | undefined {
    const layouts: Layout[] = app.layout === "app" ? ["app", "documented"] : ["documented", "app"]
    for (const layout of layouts) {
        for (const ext of HANDLER_EXTENSIONS) {
            const relPath = handlerPath(kind, id, layout, ext)
            if (existsSync(path.join(app.root, relPath))) return relPath
        }
    }
    return undefined
}

/**
 * An existing handler file whose id differs from `id` only by letter case (`Deal.webhook.ts`, `CRM/deal…`): on
 * macOS and Windows both names are one file, and ids that differ only by case confuse the platform's URLs.
 */
export function findCaseTwin(app: App, kind: HandlerKind, id: string): string | undefined {
    const segments = id.split("/")
    for (const root of HANDLER_ROOTS.filter((r) => r.kind === kind)) {
        let dir = root.dir
        for (const [i, segment] of segments.entries()) {
            const last = i === segments.length - 1
            const names = last ? HANDLER_EXTENSIONS.map((ext) => `${segment}.${kind}${ext}`) : [segment]
            const entries = listDir(path.join(app.root, dir))
            const twin = entries.find((e) => names.some((n) => n !== e && n.toLowerCase() === e.toLowerCase()))
            if (twin !== undefined) return `${dir}/${twin}`
            if (!entries.includes(segment)) break
            dir = `${dir}/${segment}`
        }
    }
    return undefined
}

function listDir(dir: string): string[] {
    try {
        return readdirSync(dir)
    } catch {
        return []
    }
}

function isDirectory(p: string): boolean {
    return statSync(p, {throwIfNoEntry: false})?.isDirectory() ?? false
}
