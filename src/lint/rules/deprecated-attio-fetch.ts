import {defineRule} from "../rule.js"

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
                "attioFetch is deprecated since attio 1.0 (installed: {{version}}) and any call is a type error: call Attio's REST API with fetch and ATTIO_API_TOKEN from \"attio/server\" instead",
        },
        docs: {
            bad: 'import {attioFetch} from "attio/server"\nawait attioFetch({path: "/objects/people/records", method: "PUT", body})',
            good: 'import {ATTIO_API_TOKEN} from "attio/server"\nawait fetch("https://api.attio.com/v2/objects/people/records?matching_attribute=email_addresses", {\n    method: "PUT",\n    headers: {Authorization: `Bearer ${ATTIO_API_TOKEN}`, "Content-Type": "application/json"},\n    body: JSON.stringify(body),\n})',
        },
    },
    checkFile({file, app, analysis, report}) {
        const imports = analysis.usableFacts(file)?.sdkValueImports.filter((i) => i.name === "attioFetch") ?? []
        if (imports.length === 0) return
        const version = app.sdkVersion()
        if (!version || Number.parseInt(version, 10) < 1) return
        for (const imp of imports) {
            report({
                range: imp.range,
                messageId: "deprecated",
                data: {version},
                hint: "Send `Authorization: Bearer ${ATTIO_API_TOKEN}` to https://api.attio.com/v2/….",
            })
        }
    },
})
