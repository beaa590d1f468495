import {defineRule} from "../rule.js"

/** A declared return type that is a bare name, or a Promise of one: possibly an alias. */
const MAYBE_ALIAS = /^(Promise<\s*)?[A-Za-z_$][\w$.]*\s*>?$/
const BUILTIN_TYPE =
    /^(Promise<\s*)?(void|undefined|null|never|unknown|any|object|string|number|boolean|bigint|symbol)\s*>?$/

export default defineRule({
    meta: {
        id: "webhook-signature",
        description: "A webhook handler takes the Fetch API Request and returns Response or Promise<Response>",
        defaultSeverity: "error",
        requiresTypeInformation: true,
        fixable: false,
        scope: "file",
        messages: {
            firstParam: "The first parameter of a webhook handler is the Fetch API `Request`, not `{{type}}`",
            extraParam: "A webhook handler is called with the Request only; `{{param}}` is required but never passed",
            declaredReturn: "A webhook handler must return `Promise<Response>`, not `{{type}}`",
            inferredReturn: "This webhook handler's return type is not Response or Promise<Response>",
            generator: "A generator function returns an iterator, never a Response: the platform answers 500",
        },
        docs: {
            bad: "export default async function handler(body: Payload, token: string) {\n    return {ok: true}\n}",
            good: "export default async function handler(req: Request): Promise<Response> {\n    return new Response(null, {status: 200})\n}",
        },
    },
    checkFile({file, types, analysis, report}) {
        for (const {fn} of analysis.handlerFunctionsIn(file, "webhook")) {
            if (fn.generator) {
                report({range: fn.range, messageId: "generator", hint: "Drop the `*`."})
                continue
            }
            const [first, ...rest] = fn.params
            const firstType = first?.type
            const notRequest =
                firstType !== undefined &&
                firstType.kind !== "none" &&
                firstType.kind !== "request" &&
                (firstType.kind !== "reference" || types.isRequest(file.path, first.pos) === false)
            if (notRequest) {
                const type =
                    "text" in firstType ? firstType.text : firstType.kind === "connection" ? "Connection" : "an object"
                report({
                    range: first.range,
                    messageId: "firstParam",
                    data: {type},
                    hint: "Declare it as `req: Request`.",
                })
            }
            for (const param of rest.filter((p) => !p.optional)) {
                report({range: param.range, messageId: "extraParam", data: {param: param.text}})
            }
            if (fn.declaredReturn === "foreign") {
                report({
                    range: fn.range,
                    messageId: "declaredReturn",
                    data: {type: `${fn.declaredReturnText} (not the Fetch API's Response)`},
                })
                continue
            }
            if (fn.declaredReturn === "other" || fn.declaredReturn === "promise") {
                // `Result` or `Promise<Res>` may name an alias of Response: only there ask the checker.
                const text = fn.declaredReturnText ?? ""
                const alias = MAYBE_ALIAS.test(text) && !BUILTIN_TYPE.test(text)
                if (!alias || types.returnsResponse(file.path, fn.pos) === false) {
                    report({range: fn.range, messageId: "declaredReturn", data: {type: text}})
                }
                continue
            }
            // A returned value that is no Response is webhook-response's finding, on that return.
            if (fn.declaredReturn !== "none") continue
            const undecided = fn.returns.some((r) => r.kind === "unknown")
            if (undecided && !fn.returns.some((r) => r.kind === "not-response")) {
                if (types.returnsResponse(file.path, fn.pos) === false) {
                    report({
                        range: fn.range,
                        messageId: "inferredReturn",
                        hint: "Declare `: Promise<Response>` to see where.",
                    })
                }
            }
        }
    },
})
