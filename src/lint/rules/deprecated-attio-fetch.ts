import {isLegacySdk} from "../../app-model/sdk.js"
import {defineRule} from "../rule.js"

const TYPESCRIPT_FILE = /\.[cm]?tsx?$/

export default defineRule({
    meta: {
        id: "deprecated-attio-fetch",
        description: "attioFetch is deprecated (declared `never`) since attio 1.0",
        defaultSeverity: "error",
        requiresTypeInformation: false,
        fixable: false,
        scope: "file",
        messages: {
            deprecated:
                'attioFetch is deprecated since attio 1.0 (installed: {{version}}) and this call is a type error that fails `attio build`: call Attio\'s REST API with fetch and ATTIO_API_TOKEN from "attio/server" instead',
        },
        docs: {
            bad: 'import {attioFetch} from "attio/server"\nawait attioFetch({path: "/objects/people/records", method: "PUT", body})',
            good: 'import {ATTIO_API_TOKEN} from "attio/server"\nawait fetch("https://api.attio.com/v2/objects/people/records?matching_attribute=email_addresses", {\n    method: "PUT",\n    headers: {Authorization: `Bearer ${ATTIO_API_TOKEN}`, "Content-Type": "application/json"},\n    body: JSON.stringify(body),\n})',
            note: "Reported when the installed SDK (`node_modules/attio`, looked up from the app upwards) is 1.0 or later; with an older SDK, or none installed, `attioFetch` is left alone.",
        },
    },
    checkFile({file, app, analysis, report}) {
        // Only a call is a type error, and `attio build` type-checks TypeScript files only.
        const calls = TYPESCRIPT_FILE.test(file.rel) ? analysis.sdkCallsIn(file, "attioFetch") : []
        if (calls.length === 0) return
        const version = app.sdkVersion()
        if (!version || isLegacySdk(version)) return
        for (const range of calls) {
            report({
                range,
                messageId: "deprecated",
                data: {version},
                hint: "Send `Authorization: Bearer ${ATTIO_API_TOKEN}` to https://api.attio.com/v2/….",
            })
        }
    },
})
