import type {AppFile} from "../../app-model/app.js"
import type {FunctionFacts} from "../../app-model/facts/index.js"
import {isTestFile, rootOf} from "../../app-model/layout.js"
import {defineRule, FILE_START} from "../rule.js"
import {misplacedHandler, suggestedHandlerPath} from "./placement.js"

const REQUEST_PARAM_NAMES = new Set(["req", "request", "_req", "_request"])

export default defineRule({
    meta: {
        id: "webhook-location",
        description: "Webhook handlers must be `*.webhook.ts`/`.js` files inside src/webhooks or src/app/webhooks",
        defaultSeverity: "error",
        requiresTypeInformation: false,
        fixable: false,
        scope: "file",
        messages: {
            outsideRoot: "`{{name}}` is outside src/webhooks and src/app/webhooks, so the build silently ignores it",
            ignoredSuffix:
                "The build only picks up `.webhook.ts` and `.webhook.js` files; `{{name}}` is silently ignored",
            directory: "`{{name}}` is a directory, not a handler file; the build ignores it",
            linked: "`{{name}}` is reached through a linked folder, which the build does not follow, so it silently ignores it",
            missingSuffix:
                "This module default-exports a webhook handler but lacks the `.webhook.ts` suffix, so the build ignores it",
        },
        docs: {
            bad: "src/handlers/prospect-updated.webhook.ts\nsrc/webhooks/prospect-updated.webhook.tsx\nsrc/webhooks/prospect-updated.ts",
            good: "src/webhooks/prospect-updated.webhook.ts   (or src/app/webhooks/…)",
        },
    },
    checkFile({file, app, analysis, report}) {
        const misplaced = misplacedHandler(app, file, "webhook")
        if (misplaced) {
            report({...misplaced, messageId: misplaced.problem})
            return
        }
        if (file.handler || isTestFile(file.rel) || !rootOf(file.rel, "webhook")) return
        if (analysis.webhookHandlerModules().has(file.path)) return
        const value = analysis.usableFacts(file)?.exportValues.default
        if (value?.kind === "function" && looksLikeWebhookHandler(value.fn)) {
            report({
                range: value.fn.range ?? FILE_START,
                messageId: "missingSuffix",
                hint: `Rename it to ${suggestedName(file)} if it is a handler.`,
            })
        }
    },
})

function looksLikeWebhookHandler(fn: FunctionFacts): boolean {
    const [first, ...rest] = fn.params
    // A helper that takes more than the Request, or declares some other result, is no handler.
    if (rest.some((p) => !p.optional) || fn.declaredReturn === "other" || fn.declaredReturn === "promise") return false
    return (
        first?.type.kind === "request" ||
        (first !== undefined && REQUEST_PARAM_NAMES.has(first.text.replace(/[?:].*$/s, "").trim())) ||
        fn.declaredReturn === "response" ||
        fn.declaredReturn === "promise-response"
    )
}

function suggestedName(file: AppFile): string {
    return suggestedHandlerPath(file.rel.replace(/(\.[cm]?[jt]sx?)$/, ".webhook$1"), "webhook")
}
