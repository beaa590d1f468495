import {EVENT_NAMES, isTestFile, pickedExtension, rootOf} from "../../app-model/layout.js"
import {defineRule} from "../rule.js"
import {misplacedHandler} from "./placement.js"

export default defineRule({
    meta: {
        id: "event-location",
        description: "Event handlers must be `*.event.ts`/`.js` files inside src/events or src/app/events",
        defaultSeverity: "error",
        requiresTypeInformation: false,
        fixable: false,
        scope: "file",
        messages: {
            outsideRoot: "`{{name}}` is outside src/events and src/app/events, so the build silently ignores it",
            ignoredSuffix: "The build only picks up `.event.ts` and `.event.js` files; `{{name}}` is silently ignored",
            directory: "`{{name}}` is a directory, not an event handler file; the build ignores it",
            linked: "`{{name}}` is reached through a linked folder, which the build does not follow, so it silently ignores it",
            missingSuffix:
                "This module is named like an event and default-exports a function but lacks the `.event.ts` suffix, so the build ignores it",
        },
        docs: {
            bad: "src/connection-added.event.ts\nsrc/app/events/connection-added.events.ts\nsrc/app/events/connection-added.ts",
            good: "src/app/events/connection-added.event.ts   (or src/events/…)",
        },
    },
    checkFile({file, app, analysis, report}) {
        const misplaced = misplacedHandler(app, file, "event")
        if (misplaced) {
            report({...misplaced, messageId: misplaced.problem})
            return
        }
        // `connection-added.ts` in an event root: a handler without its suffix, unless the handler sits beside it.
        const root = rootOf(file.rel, "event")
        const name = /^([^.]+)(\.[cm]?[jt]sx?)$/.exec(file.rel.slice(file.rel.lastIndexOf("/") + 1))
        if (
            file.handler ||
            !root ||
            !name ||
            isTestFile(file.rel) ||
            !(EVENT_NAMES as readonly string[]).includes(name[1])
        )
            return
        const stem = file.rel.slice(0, file.rel.length - name[2].length)
        if (analysis.handlersById("event").has(stem.slice(root.dir.length + 1))) return
        const value = analysis.usableFacts(file)?.exportValues.default
        if (value?.kind !== "function") return
        const meant = `${name[1]}.event${pickedExtension(name[2])}`
        report({
            range: value.fn.range,
            messageId: "missingSuffix",
            hint: `Did you mean ${meant}? Rename it to ${stem}.event${pickedExtension(name[2])}.`,
        })
    },
})
