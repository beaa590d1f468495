import type {MissingReturnReason} from "../../app-model/facts/index.js"
import {defineRule} from "../rule.js"

export default defineRule<MissingReturnReason | "notResponse">({
    meta: {
        id: "webhook-response",
        description: "Every path through a webhook handler returns a Response",
        defaultSeverity: "error",
        // Only where a path ends with a switch without default or a call (exhaustive, or `never`): see typesDecide.
        requiresTypeInformation: true,
        fixable: false,
        scope: "file",
        messages: {
            end: "This webhook handler can reach its end without returning a Response; the platform answers 500 there",
            "bare-return": "This `return` gives no Response; the platform answers 500 there",
            catch: "This catch block ends without returning a Response; the platform answers 500 there",
            if: "When this condition is false the handler ends without returning a Response; the platform answers 500 there",
            notResponse: "This webhook handler returns `{{value}}`, not a Response; the platform answers 500 there",
        },
        docs: {
            bad: "try {\n    await sync(await req.json())\n    return new Response(null, {status: 200})\n} catch (error) {\n    console.error(error)\n}",
            good: "try {\n    await sync(await req.json())\n    return new Response(null, {status: 200})\n} catch (error) {\n    console.error(error)\n    return new Response(null, {status: 500})\n}",
        },
    },
    checkFile({file, types, analysis, report}) {
        for (const {fn} of analysis.handlerFunctionsIn(file, "webhook")) {
            const hint = "Return a Response, e.g. `return new Response(null, {status: 500})`."
            for (const missing of fn.missingReturns) {
                if (missing.typesDecide && types.endReachable(file.path, fn.pos) === false) continue
                report({range: missing.range, messageId: missing.reason, hint})
            }
            for (const r of fn.returns.filter((r) => r.kind === "not-response")) {
                report({range: r.range, messageId: "notResponse", data: {value: r.text}, hint})
            }
        }
    },
})
