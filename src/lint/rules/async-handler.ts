import type {ReturnFact} from "../../app-model/facts/index.js"
import {defineRule} from "../rule.js"

export default defineRule({
    meta: {
        id: "async-handler",
        description: "A handler must be async, or return a Promise (of a Response, for a webhook) on every path",
        defaultSeverity: "error",
        requiresTypeInformation: false,
        fixable: true,
        scope: "file",
        messages: {
            notAsync: "This {{kind}} handler is neither async nor declared to return a Promise",
        },
        docs: {
            bad: "export default function handler(req: Request) { … }",
            good: "export default async function handler(req: Request): Promise<Response> { … }",
        },
    },
    checkFile({file, analysis, report}) {
        for (const kind of ["webhook", "event"] as const) {
            for (const {handler, fn} of analysis.handlerFunctionsIn(file, kind)) {
                if (fn.async || fn.declaredReturn === "promise" || fn.declaredReturn === "promise-response") continue
                // The platform awaits whatever the handler returns: a Promise on every path (of a Response, for a
                // webhook) is as good as `async`.
                const promised = (r: ReturnFact) =>
                    r.promise === "response" || (kind === "event" && r.promise !== undefined)
                if (
                    fn.declaredReturn === "none" &&
                    fn.missingReturns.length === 0 &&
                    fn.returns.length > 0 &&
                    fn.returns.every(promised)
                )
                    continue
                // Safe only where `async` changes nothing but the Promise: no declared return type to
                // contradict, every return a Response (a returned Promise would be awaited twice), and
                // no caller in the file that would get a Promise instead.
                const at = fn.asyncAt
                const safe =
                    at !== undefined &&
                    kind === "webhook" &&
                    !fn.generator &&
                    !fn.usedElsewhere &&
                    fn.declaredReturn === "none" &&
                    fn.returns.length > 0 &&
                    fn.returns.every((r) => r.kind === "response") &&
                    // A handler re-exported from a module other files import: they may call it.
                    (file.path === handler.path || !analysis.importedElsewhere(file, handler))
                const fix = safe ? {range: [at, at] as [number, number], text: "async "} : undefined
                report({
                    range: fn.range,
                    messageId: "notAsync",
                    data: {kind},
                    hint: "Add `async` before `function`.",
                    fix,
                })
            }
        }
    },
})
