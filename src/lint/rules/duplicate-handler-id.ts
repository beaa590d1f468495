import {defineRule, FILE_START} from "../rule.js"

export default defineRule({
    meta: {
        id: "duplicate-handler-id",
        description: "Two handler files must not share an id, nor have ids that differ only in letter case",
        defaultSeverity: "error",
        requiresTypeInformation: false,
        fixable: false,
        scope: "app",
        messages: {
            duplicate: "Handler id `{{id}}` is also used by {{others}}; the build fails with \"Two {{kind}} handler files register the same handler id\"",
            caseOnly:
                "Handler id `{{id}}` differs only in letter case from {{others}}: on macOS and Windows they are one file, and the build fails (.ts) or bundles one file for both ids (.js)",
        },
        docs: {
            bad: "src/webhooks/deal.webhook.ts\nsrc/app/webhooks/deal.webhook.ts\nsrc/app/webhooks/Deal.webhook.ts",
            good: "src/app/webhooks/deal.webhook.ts   (one file per id; finish `attio migrate folder-structure`)",
        },
    },
    check({analysis, report}) {
        for (const kind of ["webhook", "event"] as const) {
            // Ids that differ only in case collide on case-insensitive file systems: one group per folded id.
            const groups = new Map<string, string[]>()
            for (const id of analysis.handlersById(kind).keys()) {
                const folded = id.toLowerCase()
                groups.set(folded, [...(groups.get(folded) ?? []), id])
            }
            for (const [id, files] of analysis.handlersById(kind)) {
                const sameCase = files.length > 1
                const otherCase = groups.get(id.toLowerCase())!.filter((other) => other !== id)
                for (const file of files) {
                    if (sameCase) {
                        const others = files.filter((f) => f !== file).map((f) => f.rel)
                        report({
                            file,
                            range: FILE_START,
                            messageId: "duplicate",
                            data: {id, others: others.join(", "), kind},
                            hint: "Keep one of them: move the code into a single file.",
                        })
                    } else if (otherCase.length > 0) {
                        const names = otherCase.flatMap((other) => analysis.handlersById(kind).get(other)!.map((f) => f.rel))
                        report({
                            file,
                            range: FILE_START,
                            messageId: "caseOnly",
                            data: {id, others: names.join(", ")},
                            hint: "Rename one of them so that the ids differ in more than letter case.",
                        })
                    }
                }
            }
        }
    },
})
