import {EVENT_NAMES} from "../../app-model/layout.js"
import {defineRule, FILE_START} from "../rule.js"
import {closest} from "../suggest.js"

export default defineRule({
    meta: {
        id: "event-name",
        description: "An event handler must be named connection-added or connection-removed",
        defaultSeverity: "error",
        requiresTypeInformation: false,
        fixable: false,
        scope: "file",
        messages: {
            unknown:
                "`{{id}}` is not an event: only connection-added and connection-removed exist, so this handler is never called",
        },
        docs: {
            bad: "src/app/events/connection-add.event.ts",
            good: "src/app/events/connection-added.event.ts",
        },
    },
    checkFile({file, app, report}) {
        const id = file.handler?.id
        if (file.handler?.kind !== "event" || id === undefined || !app.handlers("event").includes(file)) return
        if ((EVENT_NAMES as readonly string[]).includes(id)) return
        const suggestion = closest(id.slice(id.lastIndexOf("/") + 1).replace(/([a-z])([A-Z])/g, "$1-$2"), EVENT_NAMES)
        // Events are found at the top of a root only: a nested file must move, not just be renamed.
        const ext = file.rel.slice(file.rel.lastIndexOf("."))
        const at = (name: string) => `${file.handler!.root!.dir}/${name}.event${ext}`
        const fix = `${id.includes("/") ? "Move" : "Rename"} the file to`
        const hint = suggestion
            ? `Did you mean ${suggestion}? ${fix} ${at(suggestion)}.`
            : `${fix} ${at("connection-added")} or ${at("connection-removed")}.`
        report({range: FILE_START, messageId: "unknown", data: {id}, hint})
    },
})
