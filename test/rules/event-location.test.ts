import eventLocation from "../../src/lint/rules/event-location.js"
import {event, REAL_WORLD_APPS, webhook} from "../support/apps.js"
import {ruleTester} from "../support/rule-tester.js"

ruleTester(eventLocation, {
    valid: [
        ...REAL_WORLD_APPS,
        {
            name: "documented layout",
            files: {"src/events/connection-added.event.ts": event(), "src/events/connection-removed.event.ts": event()},
        },
        {
            name: "src/app layout",
            files: {
                "src/app/events/connection-added.event.ts": event(),
                "src/app/events/connection-removed.event.ts": event(),
            },
        },
        {
            name: "a .js event",
            files: {
                "src/app/events/connection-added.event.js": "export default async function added({connection}) {}\n",
            },
        },
        {
            name: "a nested event is in a root (its name is event-name's business)",
            files: {"src/events/crm/connection-added.event.ts": event()},
        },
        {
            name: "tests beside events and elsewhere",
            files: {
                "src/events/connection-added.event.ts": event(),
                "src/events/connection-added.event.spec.ts": 'import {it} from "vitest"\n\nit("runs", () => {})\n',
                "test/connection-removed.event.test.ts": 'import {it} from "vitest"\n\nit("runs", () => {})\n',
            },
        },
        {name: "helpers in an event root", files: {"src/app/events/helpers.ts": "export async function notify() {}\n"}},
        {
            name: "a webhook outside the roots is webhook-location's business",
            files: {"src/handlers/a.webhook.ts": webhook()},
        },
        {
            name: "an event's implementation beside it, and other modules in an event root",
            files: {
                "src/app/events/connection-added.ts": event(),
                "src/app/events/connection-added.event.ts": 'export {default} from "./connection-added"\n',
                "src/app/events/connection-removed.ts": 'export const HOOKS = ["a", "b"]\n',
                "src/events/register.webhooks.ts": "export async function register() {}\n",
                "src/events/connection-added.events.test.ts": 'import {it} from "vitest"\n\nit("runs", () => {})\n',
                "src/lib/connection-added.events.ts": event(),
            },
        },
        {
            name: "a declaration file",
            files: {"src/connection-added.event.d.ts": "export default function added(): Promise<void>\n"},
        },
    ],
    invalid: [
        {
            name: "an event outside both roots (documented layout suggested)",
            files: {"src/connection-added.event.ts": event()},
            errors: [
                {
                    messageId: "outsideRoot",
                    line: 1,
                    column: 1,
                    message: "`src/connection-added.event.ts`",
                    hint: "Move it to src/events/connection-added.event.ts",
                },
            ],
        },
        {
            name: "an event outside both roots of an app using src/app",
            files: {
                "src/app/webhooks/a.webhook.ts": webhook(),
                "src/app/event/connection-removed.event.js": "export default async function removed() {}\n",
            },
            errors: [
                {
                    messageId: "outsideRoot",
                    file: "src/app/event/connection-removed.event.js",
                    hint: "Move it to src/app/events/connection-removed.event.js",
                },
            ],
        },
        {
            name: "an event in a webhook root",
            files: {"src/webhooks/connection-added.event.ts": event()},
            errors: [{messageId: "outsideRoot", hint: "src/events/connection-added.event.ts"}],
        },
        {
            name: "a .event.tsx in a root",
            files: {"src/app/events/connection-added.event.tsx": event()},
            errors: [
                {
                    messageId: "ignoredSuffix",
                    message: "`src/app/events/connection-added.event.tsx`",
                    hint: "Rename it to src/app/events/connection-added.event.ts",
                },
            ],
        },
        {
            name: "a .event.cjs in a root",
            files: {"src/events/connection-removed.event.cjs": "module.exports = async function removed() {}\n"},
            errors: [{messageId: "ignoredSuffix", hint: "src/events/connection-removed.event.js"}],
        },
        {
            name: "a plural, misspelt or differently cased suffix in an event root, with a did-you-mean",
            files: {
                "src/app/events/connection-added.events.ts": event(),
                "src/events/connection-removed.evnt.js": "export default async function removed() {}\n",
                "src/events/crm/connection-added.Event.ts": event(),
                "src/events/connection-remove.events.ts": event(),
            },
            errors: [
                {
                    messageId: "ignoredSuffix",
                    file: "src/app/events/connection-added.events.ts",
                    message: "`src/app/events/connection-added.events.ts` is silently ignored",
                    hint: "Did you mean connection-added.event.ts? Rename it to src/app/events/connection-added.event.ts.",
                },
                {
                    messageId: "ignoredSuffix",
                    file: "src/events/connection-remove.events.ts",
                    hint: "Did you mean connection-removed.event.ts? Rename it to src/events/connection-removed.event.ts.",
                },
                {
                    messageId: "ignoredSuffix",
                    file: "src/events/connection-removed.evnt.js",
                    hint: "src/events/connection-removed.event.js",
                },
                {
                    messageId: "ignoredSuffix",
                    file: "src/events/crm/connection-added.Event.ts",
                    hint: "Did you mean connection-added.event.ts?",
                },
            ],
        },
        {
            name: "an event without its suffix",
            files: {
                "src/app/events/connection-added.ts": event(),
                "src/events/connection-removed.js": "export default async ({connection}) => {}\n",
            },
            errors: [
                {
                    messageId: "missingSuffix",
                    file: "src/app/events/connection-added.ts",
                    hint: "Did you mean connection-added.event.ts? Rename it to src/app/events/connection-added.event.ts.",
                },
                {
                    messageId: "missingSuffix",
                    file: "src/events/connection-removed.js",
                    hint: "src/events/connection-removed.event.js",
                },
            ],
        },
        {
            name: "a directory named like an event",
            files: {"src/events/connection-added.event.ts/README.md": "# not an event\n"},
            errors: [{messageId: "directory", file: "src/events/connection-added.event.ts"}],
        },
        {
            name: "one report per misplaced file",
            files: {
                "src/events/connection-added.event.ts": event(),
                "server/connection-added.event.ts": event(),
                "src/connection-removed.event.js": "export default async () => {}\n",
            },
            errors: [
                {messageId: "outsideRoot", file: "server/connection-added.event.ts"},
                {messageId: "outsideRoot", file: "src/connection-removed.event.js"},
            ],
        },
    ],
})
