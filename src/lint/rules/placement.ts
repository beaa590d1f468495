/** Shared by webhook-location and event-location: handler files the build does not pick up. */
import type {App, AppFile} from "../../app-model/app.js"
import {EVENT_NAMES, HANDLER_ROOTS, type HandlerKind} from "../../app-model/layout.js"
import {FILE_START} from "../rule.js"
import {closest} from "../suggest.js"

export type PlacementProblem = "outsideRoot" | "ignoredSuffix" | "directory" | "linked"

export function misplacedHandler(
    app: App,
    file: AppFile,
    kind: HandlerKind
):
    | {file: AppFile; range: typeof FILE_START; problem: PlacementProblem; data: {name: string}; hint: string}
    | undefined {
    const info = file.handler
    if (!info || info.kind !== kind) return undefined
    const name = file.rel
    const base = {file, range: FILE_START, data: {name}}
    if (file.isDirectory) {
        // A folder of handlers that happens to be named like one (`v2.webhook.ts/deal.webhook.ts`) is just a folder.
        if (app.handlers(kind).some((f) => f.rel.startsWith(`${file.rel}/`))) return undefined
        return {...base, problem: "directory", hint: "Rename the directory; only files are handlers."}
    }
    if (info.linked) {
        return {
            ...base,
            problem: "linked",
            hint: "Move the files into the root itself; the build follows links to files, not to folders.",
        }
    }
    if (info.expected) {
        const fixed = suggestedHandlerPath(kind === "event" ? withEventName(info.expected) : info.expected, kind)
        return {
            ...base,
            problem: "ignoredSuffix",
            hint: `Did you mean ${fixed.slice(fixed.lastIndexOf("/") + 1)}? Rename it to ${fixed}.`,
        }
    }
    if (!info.root) {
        return {...base, problem: "outsideRoot", hint: `Move it to ${suggestedHandlerPath(file.rel, kind, app)}.`}
    }
    return undefined
}

/**
 * Where a handler file belongs: kept in place when already in a root, else under the root of the
 * layout the app uses (src/app when it has that folder).
 */
export function suggestedHandlerPath(rel: string, kind: HandlerKind, app?: App): string {
    const roots = HANDLER_ROOTS.filter((r) => r.kind === kind)
    if (roots.some((r) => rel.startsWith(r.dir + "/"))) return rel
    const usesAppLayout = app?.files.some((f) => f.rel.startsWith("src/app/")) ?? true
    const root = roots.find((r) => r.layout === (usesAppLayout ? "app" : "documented"))!
    return `${root.dir}/${rel.slice(rel.lastIndexOf("/") + 1)}`
}

/** An event path with its name corrected too, when it is a near miss of an event (`connection-add.events.ts`). */
function withEventName(rel: string): string {
    const match = /^(.*\/)?([^/]+)(\.event\.[jt]s)$/.exec(rel)
    const name =
        match && !(EVENT_NAMES as readonly string[]).includes(match[2]) ? closest(match[2], EVENT_NAMES) : undefined
    return name ? `${match![1] ?? ""}${name}${match![3]}` : rel
}
