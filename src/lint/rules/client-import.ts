import {defineRule} from "../rule.js"

const SERVER_FILE = /\.server\.[cm]?[jt]sx?$/

export default defineRule({
    meta: {
        id: "client-import",
        description: "Webhook, event and server files must not import \"attio/client\"",
        defaultSeverity: "error",
        requiresTypeInformation: false,
        fixable: false,
        scope: "file",
        messages: {
            clientImport: "\"attio/client\" is for browser code; this {{kind}} file runs on the server",
        },
        docs: {
            bad: 'import {showToast} from "attio/client"   // in a .webhook.ts file',
            good: 'import {createWebhookHandler} from "attio/server"',
        },
    },
    checkFile({file, analysis, report}) {
        const kind = file.handler ? `${file.handler.kind} handler` : SERVER_FILE.test(file.rel) ? "server function" : undefined
        if (!kind) return
        for (const range of analysis.usableFacts(file)?.clientImports ?? []) {
            report({range, messageId: "clientImport", data: {kind}, hint: "Import from \"attio/server\" instead."})
        }
    },
})
