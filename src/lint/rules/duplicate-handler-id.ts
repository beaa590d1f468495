import {defineRule, FILE_START} from "../rule.js"

export default defineRule({
    meta: {
        id: "duplicate-handler-id",
        description: "Two handler files must not share an id, nor have paths that differ only in letter case",
        defaultSeverity: "error",
        requiresTypeInformation: false,
        fixable: false,
        scope: "app",
        messages: {
            duplicate:
                'Handler id `{{id}}` is also used by {{others}}; the build fails with "Two {{kind}} handler files register the same handler id"',
            caseOnly:
                "Handler file of id `{{id}}` differs only in letter case from {{others}}: on macOS and Windows they are one file, and the build fails (.ts) or bundles one file for both ids (.js)",
        },
        docs: {
            bad: "src/webhooks/deal.webhook.ts\nsrc/app/webhooks/deal.webhook.ts\nsrc/app/webhooks/Deal.webhook.ts",
            good: "src/app/webhooks/deal.webhook.ts   (one file per id; finish `attio migrate folder-structure`)",
        },
    },
    checkApp({analysis, report}) {
        for (const kind of ["webhook", "event"] as const) {
            // Paths that differ only in case are one file on case-insensitive file systems (macOS, Windows).
            const byFoldedPath = new Map<string, string[]>()
            for (const files of analysis.handlersById(kind).values()) {
                for (const {rel} of files)
                    byFoldedPath.set(rel.toLowerCase(), [...(byFoldedPath.get(rel.toLowerCase()) ?? []), rel])
            }
            for (const [id, files] of analysis.handlersById(kind)) {
                for (const file of files) {
                    if (files.length > 1) {
                        const others = files.filter((f) => f !== file).map((f) => f.rel)
                        report({
                            file,
                            range: FILE_START,
                            messageId: "duplicate",
                            data: {id, others: others.join(", "), kind},
                            hint: "Keep one of them: move the code into a single file.",
                        })
                        continue
                    }
                    const others = byFoldedPath.get(file.rel.toLowerCase())!.filter((rel) => rel !== file.rel)
                    if (others.length === 0) continue
                    report({
                        file,
                        range: FILE_START,
                        messageId: "caseOnly",
                        data: {id, others: others.join(", ")},
                        hint: "Rename one of them so that the ids differ in more than letter case.",
                    })
                }
            }
        }
    },
})
