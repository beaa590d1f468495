import {defineRule, FILE_START} from "../rule.js"

export default defineRule({
    meta: {
        id: "duplicate-handler-id",
        description: "Two handler files must not share an id (the build rejects it)",
        defaultSeverity: "error",
        requiresTypeInformation: false,
        fixable: false,
        scope: "app",
        messages: {
            duplicate: "Handler id `{{id}}` is also used by {{others}}; the build fails with \"Two {{kind}} handler files register the same handler id\"",
        },
        docs: {
            bad: "src/webhooks/deal.webhook.ts\nsrc/app/webhooks/deal.webhook.ts",
            good: "src/app/webhooks/deal.webhook.ts   (one file per id; finish `attio migrate folder-structure`)",
        },
    },
    checkApp({analysis, report}) {
        for (const kind of ["webhook", "event"] as const) {
            for (const [id, files] of analysis.handlersById(kind)) {
                if (files.length < 2) continue
                for (const file of files) {
                    const others = files.filter((f) => f !== file).map((f) => f.rel).join(", ")
                    report({
                        file,
                        range: FILE_START,
                        messageId: "duplicate",
                        data: {id, others, kind},
                        hint: "Keep one of them: move the code into a single file.",
                    })
                }
            }
        }
    },
})
