import eventName from "../../src/lint/rules/event-name.js"
import {event, REAL_WORLD_APPS} from "../support/apps.js"
import {ruleTester} from "../support/rule-tester.js"

ruleTester(eventName, {
    valid: [
        ...REAL_WORLD_APPS,
        {
            name: "both events, documented layout",
            files: {"src/events/connection-added.event.ts": event(), "src/events/connection-removed.event.ts": event()},
        },
        {
            name: "both events, src/app layout, .js",
            files: {
                "src/app/events/connection-added.event.js": "export default async function added({connection}) {}\n",
                "src/app/events/connection-removed.event.ts": event(),
            },
        },
        {
            name: "tests and helpers beside events are no events",
            files: {
                "src/events/connection-added.event.ts": event(),
                "src/events/connection-added.event.test.ts": 'import {it} from "vitest"\n\nit("runs", () => {})\n',
                "src/app/events/sync.event.spec.ts": 'import {it} from "vitest"\n\nit("runs", () => {})\n',
                "src/events/register.ts": "export async function register() {}\n",
            },
        },
        {
            name: "a misplaced file is event-location's business",
            files: {"src/sync.event.ts": event(), "src/app/events/sync.event.tsx": event()},
        },
        {
            name: "a webhook may have any id",
            files: {
                "src/webhooks/connection-add.webhook.ts":
                    "export default async function a(req: Request) {\n    return new Response(null)\n}\n",
            },
        },
    ],
    invalid: [
        {
            name: "a typo, with a did-you-mean",
            files: {"src/events/connection-add.event.ts": event()},
            errors: [
                {
                    messageId: "unknown",
                    line: 1,
                    column: 1,
                    message: "`connection-add`",
                    hint: "Did you mean connection-added? Rename the file to src/events/connection-added.event.ts.",
                },
            ],
        },
        {
            name: "camelCase in the src/app layout, .js",
            files: {
                "src/app/events/connectionRemoved.event.js": "export default async function removed({connection}) {}\n",
            },
            errors: [
                {
                    messageId: "unknown",
                    hint: "Did you mean connection-removed? Rename the file to src/app/events/connection-removed.event.js.",
                },
            ],
        },
        {
            name: "snake_case",
            files: {"src/events/connection_added.event.ts": event()},
            errors: [{messageId: "unknown", hint: "Did you mean connection-added?"}],
        },
        {
            name: "a nested event must move to the root",
            files: {"src/events/crm/connection-added.event.ts": event()},
            errors: [
                {
                    messageId: "unknown",
                    message: "`crm/connection-added`",
                    hint: "Did you mean connection-added? Move the file to src/events/connection-added.event.ts.",
                },
            ],
        },
        {
            name: "a name like no event",
            files: {"src/app/events/sync-deals.event.ts": event()},
            errors: [
                {
                    messageId: "unknown",
                    hint: "Rename the file to src/app/events/connection-added.event.ts or src/app/events/connection-removed.event.ts.",
                },
            ],
        },
        {
            name: "a nested name like no event",
            files: {"src/events/crm/sync.event.js": "export default async () => {}\n"},
            errors: [
                {
                    messageId: "unknown",
                    message: "`crm/sync`",
                    hint: "Move the file to src/events/connection-added.event.js or src/events/connection-removed.event.js.",
                },
            ],
        },
        {
            name: "one report per file",
            files: {
                "src/events/connection-add.event.ts": event(),
                "src/app/events/connection-add.event.ts": event(),
                "src/events/connection-removed.event.ts": event(),
            },
            errors: [
                {messageId: "unknown", file: "src/app/events/connection-add.event.ts"},
                {messageId: "unknown", file: "src/events/connection-add.event.ts"},
            ],
        },
    ],
})
