import {meantId} from "../meant-id.js"
import {defineRule, FILE_START} from "../rule.js"

export default defineRule({
    meta: {
        id: "unregistered-webhook",
        description: "Every webhook handler should be created by some createWebhookHandler call",
        defaultSeverity: "warn",
        requiresTypeInformation: true,
        fixable: false,
        scope: "app",
        notInEslint:
            "Its finding on a handler depends on the createWebhookHandler calls of every other file, which an editor linting one file cannot keep current",
        messages: {
            unregistered: "No createWebhookHandler call names `{{id}}`, so this handler never receives a request",
        },
        docs: {
            bad: 'src/webhooks/deal-closed.webhook.ts exists, but nothing calls createWebhookHandler({fileName: "deal-closed"})',
            good: 'await createWebhookHandler({fileName: "deal-closed"})   // in connection-added',
        },
    },
    checkApp({analysis, report}) {
        const sites = analysis.webhookCallSites()
        // A call whose values are unknown might name any handler.
        if (sites.some((s) => s.values === undefined)) return
        const named = new Set(sites.flatMap((s) => s.values ?? []))
        const handlers = analysis.handlersById("webhook")
        const ids = [...handlers.keys()]
        for (const [id, files] of handlers) {
            if (named.has(id)) continue
            // A call whose fileName names no handler but was meant for this one: registering the handler again
            // would leave that call failing beside a second registration.
            const typo = sites
                .flatMap((site) => (site.values ?? []).map((value) => ({site, value})))
                .find(({value}) => !handlers.has(value) && meantId(value, ids) === id)
            const hint = typo
                ? `${typo.site.file.rel} calls createWebhookHandler({fileName: "${typo.value}"}), which names no handler: fix that fileName to "${id}" rather than registering "${id}" a second time.`
                : `Call createWebhookHandler({fileName: "${id}"}) in connection-added, e.g. with generator-attio-app's \`attio-app webhook ${id}\`.`
            for (const file of files) {
                const at = analysis.usableFacts(file)?.exportValues.default
                report({
                    file,
                    range: at?.kind === "function" ? at.fn.range : FILE_START,
                    messageId: "unregistered",
                    data: {id},
                    hint,
                })
            }
        }
    },
})
