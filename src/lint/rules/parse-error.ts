import type {App, AppFile} from "../../app-model/app.js"
import {defineRule, FILE_START} from "../rule.js"

/** Files whose parse matters: handlers, the modules they bundle, and files that create webhook handlers. */

export default defineRule({
    meta: {
        id: "parse-error",
        description: "A handler file, a module it bundles, or a file that calls createWebhookHandler, must parse",
        defaultSeverity: "error",
        requiresTypeInformation: false,
        fixable: false,
        scope: "file",
        messages: {
            syntax: "This file does not parse: {{message}}",
            unreadable: "This handler file {{reason}}",
        },
        docs: {
            bad: "export default async function handler(req: Request) {\n    return new Response(\n",
            good: "export default async function handler(req: Request) {\n    return new Response(null, {status: 200})\n}",
        },
    },
    check({app, report}) {
        const bundled = importedByHandlers(app)
        for (const file of new Set([...app.relevantFiles(), ...bundled])) {
            const text = app.text(file)
            // A handler the build picks up, or a TypeScript file named like one (the build's type check reads all of src/).
            const isHandler = file.handler !== undefined && ((file.handler.picked && file.handler.root) || /\.[cm]?tsx?$/.test(file.rel))
            if (text === null) {
                if (isHandler) report({file, range: FILE_START, messageId: "unreadable", data: {reason: app.unreadableReason(file)}})
                continue
            }
            const createsHandlers = text.includes("createWebhookHandler") && text.includes("attio/server")
            if (!isHandler && !createsHandlers && !bundled.has(file)) continue
            const error = app.facts(file)?.parseError
            if (error) report({file, range: error.range, messageId: "syntax", data: {message: error.message}})
        }
    },
})

/** The app's modules that the build bundles with its handlers: what they import or re-export, transitively. */
function importedByHandlers(app: App): Set<AppFile> {
    const found = new Set<AppFile>()
    const queue = [...app.handlers("webhook"), ...app.handlers("event")]
    for (let file = queue.pop(); file; file = queue.pop()) {
        // Followed through files that do not parse too: their imports are read all the same.
        const facts = app.facts(file)
        if (!facts) continue
        const reExported = Object.values(facts.exports).flatMap((t) => ("module" in t ? [t.module] : []))
        for (const specifier of [...facts.imports.map((i) => i.module), ...reExported, ...facts.starExports]) {
            const target = app.resolveModule(file, specifier)
            if (target && !found.has(target)) {
                found.add(target)
                queue.push(target)
            }
        }
    }
    return found
}
