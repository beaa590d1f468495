/** The app a generator run works on: its files as a Tree, and where new handler files go. */
import {HANDLER_EXTENSIONS, HANDLER_ROOTS, handlerPath, type HandlerKind, type Layout} from "../app-model/layout.js"
import type {CommitIo} from "./commit.js"
import {confinement, resolveTarget} from "./confine.js"
import {DiskHost} from "./disk-host.js"
import {Tree, type Host} from "./tree.js"

export class AppTree extends Tree {
    /** Where new handler files go, read from the host once. */
    readonly layout: Layout

    constructor(host: Host) {
        super(host)
        this.layout = detectLayout(host)
    }
}

/**
 * The app at `root` on disk. Throws a ScaffoldError when a handler folder is a link leaving the app (or
 * dangling): refused before anything in it is looked at, rather than when the first file in it is read.
 */
export function inspectApp(root: string, options: {allowSymlinks?: boolean; io?: CommitIo} = {}): AppTree {
    const confined = confinement(root, options.allowSymlinks === true)
    for (const {dir} of HANDLER_ROOTS) resolveTarget(confined, dir)
    return new AppTree(new DiskHost(confined, options.io))
}

/** `src/app/` when the app has it or has no handler folder at all (what `npm create attio` makes today). */
function detectLayout(host: Host): Layout {
    if (host.isDirectory("src/app")) return "app"
    if (host.isDirectory("src/webhooks") || host.isDirectory("src/events")) return "documented"
    return "app"
}

/**
 * The app-relative path of the existing handler file with this id, in either layout's root and with either
 * suffix the build picks up. The platform uses whichever exists, so the generator must too.
 */
export function findHandler(tree: AppTree, kind: HandlerKind, id: string): string | undefined {
    const layouts: Layout[] = tree.layout === "app" ? ["app", "documented"] : ["documented", "app"]
    for (const layout of layouts) {
        for (const ext of HANDLER_EXTENSIONS) {
            const relPath = handlerPath(kind, id, layout, ext)
            if (tree.exists(relPath)) return relPath
        }
    }
    return undefined
}

/**
 * An existing handler file whose id differs from `id` only by letter case (`Deal.webhook.ts`, `CRM/deal…`): on
 * macOS and Windows both names are one file, and ids that differ only by case confuse the platform's URLs.
 */
export function findCaseTwin(tree: AppTree, kind: HandlerKind, id: string): string | undefined {
    const segments = id.split("/")
    for (const root of HANDLER_ROOTS.filter((r) => r.kind === kind)) {
        let dir = root.dir
        for (const [i, segment] of segments.entries()) {
            const last = i === segments.length - 1
            const names = last ? HANDLER_EXTENSIONS.map((ext) => `${segment}.${kind}${ext}`) : [segment]
            const entries = tree.list(dir)
            const twin = entries.find((e) => names.some((n) => n !== e && n.toLowerCase() === e.toLowerCase()))
            if (twin !== undefined) return `${dir}/${twin}`
            if (!entries.includes(segment)) break
            dir = `${dir}/${segment}`
        }
    }
    return undefined
}
