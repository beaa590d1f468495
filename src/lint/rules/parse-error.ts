import {defineRule, FILE_START} from "../rule.js"

/** Files whose parse matters: handlers, and files that create webhook handlers. */

export default defineRule({
    meta: {
        id: "parse-error",
        description: "A handler file, or a file that calls createWebhookHandler, must parse",
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
        for (const file of app.relevantFiles()) {
            const text = app.text(file)
            // A handler the build picks up, or a TypeScript file named like one (the build's type check reads all of src/).
            const isHandler = file.handler !== undefined && ((file.handler.picked && file.handler.root) || /\.[cm]?tsx?$/.test(file.rel))
            if (text === null) {
                if (isHandler) report({file, range: FILE_START, messageId: "unreadable", data: {reason: app.unreadableReason(file)}})
                continue
            }
            const createsHandlers = text.includes("createWebhookHandler") && text.includes("attio/server")
            if (!isHandler && !createsHandlers) continue
            const error = app.facts(file)?.parseError
            if (error) report({file, range: error.range, messageId: "syntax", data: {message: error.message}})
        }
    },
})


