import {isServerFunctionPath} from "../../app-model/layout.js"
import {defineRule} from "../rule.js"

export default defineRule({
    meta: {
        id: "client-import",
        description: 'Webhook, event and server files must not import "attio/client"',
        defaultSeverity: "error",
        requiresTypeInformation: false,
        fixable: false,
        scope: "file",
        messages: {
            clientImport: '"attio/client" is for browser code; this {{kind}} file runs on the server',
            clientImportThrough:
                '"{{module}}" imports "attio/client", which is for browser code; this {{kind}} file runs on the server, so bundling it fails',
        },
        docs: {
            bad: 'import {showToast} from "attio/client"   // in a .webhook.ts file',
            good: 'import {createWebhookHandler} from "attio/server"   (types alone: import type {…} from "attio/client")',
        },
    },
    checkFile({file, app, analysis, report}) {
        // Only what the build bundles as server code: a file it ignores imports nothing.
        const handler = file.handler?.picked && file.handler.root ? file.handler : undefined
        const kind = handler
            ? `${handler.kind} handler`
            : isServerFunctionPath(file.rel)
              ? "server function"
              : undefined
        if (!kind) return
        const facts = analysis.usableFacts(file)
        for (const range of facts?.clientImports ?? []) {
            report({range, messageId: "clientImport", data: {kind}, hint: 'Import from "attio/server" instead.'})
        }
        // Imports of types only, which the bundler erases unless the tsconfig says to keep them as written.
        if (facts?.clientTypeImports && app.verbatimModuleSyntax()) {
            for (const range of facts.clientTypeImports) {
                report({
                    range,
                    messageId: "clientImport",
                    data: {kind},
                    hint: 'With verbatimModuleSyntax the build keeps this import: write `import type {…} from "attio/client"`.',
                })
            }
        }
        for (const {range, module} of analysis.clientImportsThrough(file)) {
            report({
                range,
                messageId: "clientImportThrough",
                data: {kind, module},
                hint: 'Move what this file needs into a module that does not import "attio/client".',
            })
        }
    },
})
