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
        notInEslint: "ESLint's own parser reports a file that does not parse",
        messages: {
            syntax: "This file does not parse: {{message}}",
            unreadable: "This handler file {{reason}}",
        },
        docs: {
            bad: "export default async function handler(req: Request) {\n    return new Response(\n",
            good: "export default async function handler(req: Request) {\n    return new Response(null, {status: 200})\n}",
        },
    },
    checkFile({file, app, report}) {
        if (file.isDirectory) return
        const summary = app.summary(file)
        // A handler the build picks up, or a TypeScript file named like one (the build's type check reads all of src/).
        const isHandler =
            file.handler !== undefined && ((file.handler.picked && file.handler.root) || /\.[cm]?tsx?$/.test(file.rel))
        if (summary === null) {
            // No reason: the file was deleted since the walk listed it.
            const reason = isHandler ? app.unreadableReason(file) : undefined
            if (reason) report({range: FILE_START, messageId: "unreadable", data: {reason}})
            return
        }
        if (!isHandler && !summary.createsHandlers && !app.bundledFiles().has(file)) return
        const error = app.facts(file)?.parseError
        if (error) report({range: error.range, messageId: "syntax", data: {message: error.message}})
    },
})
