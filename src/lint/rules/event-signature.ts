import {defineRule} from "../rule.js"

export default defineRule({
    meta: {
        id: "event-signature",
        description: "An event handler takes a `{connection: Connection}` object",
        defaultSeverity: "error",
        requiresTypeInformation: true,
        fixable: false,
        scope: "file",
        messages: {
            connectionItself:
                "Event handlers receive `{connection}`, not the Connection itself: `{{param}}` gets the wrapper object",
            noConnection:
                "Event handlers receive a `{connection: Connection}` object; `{{param}}` does not take `connection` from it",
            connectionType: "The platform passes the SDK's `Connection` as `connection`, not `{{type}}`",
            extraParam: "An event handler is called with one argument; `{{param}}` is required but never passed",
            generator:
                "A generator function only returns an iterator: the platform never runs this event handler's body",
        },
        docs: {
            bad: "export default async function connectionAdded(connection: Connection) { … }",
            good: "export default async function connectionAdded({connection}: {connection: Connection}) { … }",
        },
    },
    checkFile({file, types, analysis, report}) {
        for (const {fn} of analysis.handlerFunctionsIn(file, "event")) {
            if (fn.generator) report({range: fn.range, messageId: "generator", hint: "Drop the `*`."})
            const [first, ...rest] = fn.params
            for (const param of rest.filter((p) => !p.optional)) {
                report({range: param.range, messageId: "extraParam", data: {param: param.text}})
            }
            if (!first) continue
            const hint = "Write `({connection}: {connection: Connection})`."
            const data = {param: first.text}
            const type = first.type
            if (type.kind === "connection") {
                report({range: first.range, messageId: "connectionItself", data, hint})
                continue
            }
            const lacksConnection =
                (first.bindingNames !== undefined && !first.bindingNames.includes("connection")) ||
                (type.kind === "object" && !type.properties.includes("connection")) ||
                type.kind === "request" ||
                type.kind === "other" ||
                (type.kind === "reference" && types.hasConnectionProperty(file.path, first.pos) === false)
            if (lacksConnection) {
                report({range: first.range, messageId: "noConnection", data, hint})
                continue
            }
            const connection = type.kind === "object" ? type.connection : undefined
            const wrongType =
                connection?.kind === "incompatible" ||
                (connection?.kind === "reference" && types.isConnectionCompatible(file.path, connection.pos) === false)
            if (wrongType) {
                report({
                    range: connection.range,
                    messageId: "connectionType",
                    data: {type: connection.text},
                    hint: 'Declare it as `Connection` from "attio/server".',
                })
            }
        }
    },
})
