import {defineRule, FILE_START} from "../rule.js"

export default defineRule({
    meta: {
        id: "default-export",
        description: "A handler file must default-export a function",
        defaultSeverity: "error",
        requiresTypeInformation: true,
        fixable: false,
        scope: "file",
        messages: {
            missing:
                'This handler has no default export; the platform fails with "Default export not found in module {{id}}" when it is called',
            notFunction:
                'This handler\'s default export is {{what}}, not a function; the platform fails with "{{id}} does not export a function"',
            missingTarget:
                'This handler\'s default export comes from "{{module}}", which {{problem}}: `attio build` fails',
        },
        docs: {
            bad: "export async function handler(req: Request) { … }",
            good: "export default async function handler(req: Request): Promise<Response> { … }",
        },
    },
    checkFile({file, app, analysis, report}) {
        if (!file.handler || !app.handlers(file.handler.kind).includes(file) || !analysis.usableFacts(file)) return
        const resolved = analysis.handlerDefault(file)
        const id = file.handler.id!
        if (resolved.kind === "none") {
            report({
                range: FILE_START,
                messageId: "missing",
                data: {id},
                hint: "Add `export default async function …`.",
            })
        } else if (resolved.kind === "not-function") {
            report({range: resolved.at.range, messageId: "notFunction", data: {id, what: resolved.what}})
        } else if (resolved.kind === "missing") {
            const problem = resolved.file ? `has no export \`${resolved.name}\`` : "does not exist"
            report({range: resolved.at.range, messageId: "missingTarget", data: {module: resolved.module, problem}})
        }
    },
})
