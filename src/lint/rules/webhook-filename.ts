import {bareId} from "../meant-id.js"
import {defineRule} from "../rule.js"
import {closeMatches} from "../suggest.js"

export default defineRule({
    meta: {
        id: "webhook-filename",
        description: "createWebhookHandler's fileName must name a webhook handler id",
        defaultSeverity: "error",
        requiresTypeInformation: true,
        fixable: true,
        hasSuggestions: true,
        scope: "file",
        messages: {
            unknown: 'fileName "{{value}}" names no webhook handler: there is no {{expected}}',
            notBare: 'fileName "{{value}}" must be the handler id without folder or suffix: "{{id}}"',
        },
        docs: {
            bad: 'await createWebhookHandler({fileName: "prospect-updated.webhook.ts"})\nawait createWebhookHandler({fileName: "prospect-update"})',
            good: 'await createWebhookHandler({fileName: "prospect-updated"})   // src/webhooks/prospect-updated.webhook.ts',
        },
    },
    checkFile({file, analysis, report}) {
        const ids = analysis.handlersById("webhook")
        for (const {call, values} of analysis.webhookCallSitesIn(file)) {
            // Only a literal written at the call is rewritten: a shared const may serve other uses.
            const replaceLiteral = (id: string) =>
                call.literal && values?.length === 1
                    ? {
                          range: [call.literal.start, call.literal.end] as [number, number],
                          text: quoted(id, call.literal.quote),
                      }
                    : undefined
            for (const value of new Set(values ?? [])) {
                if (ids.has(value)) continue
                const range = call.valueRange
                const bare = bareId(value)
                if (bare !== value) {
                    const known = ids.has(bare)
                    const hint = known ? undefined : `No handler has id "${bare}" either.`
                    const fix = known ? replaceLiteral(bare) : undefined
                    report({range, messageId: "notBare", data: {value, id: bare}, hint, fix})
                    continue
                }
                const matches = closeMatches(value, ids.keys())
                const expected = `src/webhooks/${value}.webhook.ts or src/app/webhooks/${value}.webhook.ts`
                const hint =
                    matches.length > 0
                        ? `Did you mean "${matches[0]}"?`
                        : ids.size > 0
                          ? `Handler ids in this app: ${[...ids.keys()].sort().join(", ")}.`
                          : "Create the handler file, e.g. with generator-attio-app's `attio-app webhook " +
                            value +
                            "`."
                // A typo is only ever suggested, and only when one id is close: never applied silently.
                const fix = matches.length === 1 ? replaceLiteral(matches[0]) : undefined
                const suggestions = fix ? [{desc: `Change the fileName to "${matches[0]}"`, fix}] : undefined
                report({range, messageId: "unknown", data: {value, expected}, hint, suggestions})
            }
        }
    },
})

function quoted(id: string, quote: string): string {
    return quote === "`" ? `\`${id}\`` : quote === "'" ? `'${id}'` : JSON.stringify(id)
}
