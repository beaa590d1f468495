import {defineRule} from "../rule.js"

export default defineRule({
    meta: {
        id: "missing-cleanup",
        description: "An app that creates webhook handlers should delete them in connection-removed",
        defaultSeverity: "warn",
        requiresTypeInformation: false,
        fixable: false,
        scope: "app",
        notInEslint:
            "It judges the app as a whole (any file may create handlers, and the finding is on the first call), which an editor linting one file cannot keep current",
        messages: {
            noCleanup:
                "This app creates webhook handlers but has no connection-removed event, so third-party webhooks are never deleted",
        },
        docs: {
            bad: "src/events/connection-added.event.ts creates handlers; there is no connection-removed.event.ts",
            good: "src/events/connection-removed.event.ts lists the handlers, deletes each third-party webhook, then deleteWebhookHandler(h.id)",
            note: "The rule checks only that connection-removed exists; the right way below is what it should do.",
        },
    },
    checkApp({analysis, report}) {
        const [first] = analysis.webhookCallSites()
        if (!first || analysis.handlersById("event").has("connection-removed")) return
        report({
            file: first.file,
            range: first.call.range,
            messageId: "noCleanup",
            hint: "Add one, e.g. with generator-attio-app's `attio-app event connection-removed`.",
        })
    },
})
