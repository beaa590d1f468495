import {defineRule} from "../rule.js"

export default defineRule({
    meta: {
        id: "dynamic-filename",
        description: "createWebhookHandler's fileName should be statically known",
        defaultSeverity: "warn",
        requiresTypeInformation: true,
        fixable: false,
        scope: "file",
        messages: {
            dynamic: "The possible values of this fileName cannot be determined statically, so it cannot be checked",
        },
        docs: {
            bad: "await createWebhookHandler({fileName: `${kind}-updated`})",
            good: 'const HOOKS = ["deal-updated", "person-updated"] as const\nfor (const fileName of HOOKS) await createWebhookHandler({fileName})',
        },
    },
    checkFile({file, analysis, report}) {
        for (const {call, values} of analysis.webhookCallSitesIn(file)) {
            if (values) continue
            report({
                range: call.valueRange,
                messageId: "dynamic",
                hint: "Use a string literal, a const, or a union of literals (e.g. an `as const` array).",
            })
        }
    },
})
