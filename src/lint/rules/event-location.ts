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
        },
        docs: {
            bad: "src/connection-added.event.ts\nsrc/app/events/connection-added.event.tsx",
            good: "src/app/events/connection-added.event.ts   (or src/events/…)",
        },
    },
    checkFile({file, app, report}) {
        const misplaced = misplacedHandler(app, file, "event")
        if (misplaced) report({...misplaced, messageId: misplaced.problem})
    },
})
