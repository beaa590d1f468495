/** Shared by webhook-location and event-location: handler files the build does not pick up. */
import type {App, AppFile} from "../../app-model/app.js"
import {HANDLER_ROOTS, type HandlerKind} from "../../app-model/layout.js"
import {FILE_START} from "../rule.js"

export type PlacementProblem = "outsideRoot" | "ignoredSuffix" | "directory"

export function misplacedHandler(
    app: App,
    file: AppFile,
    kind: HandlerKind
): {file: AppFile; range: typeof FILE_START; problem: PlacementProblem; data: {name: string}; hint: string} | undefined {
    const info = file.handler
    if (!info || info.kind !== kind) return undefined
    const name = file.rel
    const base = {file, range: FILE_START, data: {name}}
    if (file.isDirectory) return {...base, problem: "directory", hint: "Rename the directory; only files are handlers."}
    if (!info.picked) {
        const fixed = file.rel.replace(/\.[cm]?([jt])sx?$/, ".$1s")
        return {...base, problem: "ignoredSuffix", hint: `Rename it to ${suggestedHandlerPath(fixed, kind)}.`}
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
