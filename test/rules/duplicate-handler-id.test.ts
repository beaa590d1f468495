import duplicateHandlerId from "../../src/lint/rules/duplicate-handler-id.js"
import {event, REAL_WORLD_APPS, webhook} from "../support/apps.js"
import {ruleTester} from "../support/rule-tester.js"

ruleTester(duplicateHandlerId, {
    valid: [
        ...REAL_WORLD_APPS,
        {
            name: "different ids in the two roots",
            files: {"src/webhooks/a.webhook.ts": webhook(), "src/app/webhooks/b.webhook.ts": webhook()},
        },
        {
            name: "the same base name in different folders",
            files: {"src/webhooks/deal.webhook.ts": webhook(), "src/app/webhooks/crm/deal.webhook.ts": webhook()},
        },
        {
            name: "a webhook and an event may share a name",
            files: {
                "src/webhooks/connection-added.webhook.ts": webhook(),
                "src/app/events/connection-added.event.ts": event(),
            },
        },
        {
            name: "a test file is no handler",
            files: {"src/webhooks/a.webhook.ts": webhook(), "src/app/webhooks/a.webhook.test.ts": webhook()},
        },
        {
            name: "a .webhook.tsx is not picked up",
            files: {"src/webhooks/a.webhook.ts": webhook(), "src/app/webhooks/a.webhook.tsx": webhook()},
        },
        {
            name: "ids that differ only in case in different roots, or with another extension, are different files everywhere",
            files: {
                "src/webhooks/Deal.webhook.ts": webhook(),
                "src/app/webhooks/deal.webhook.ts": webhook(),
                "src/app/webhooks/Lead.webhook.js": "export default async (req) => new Response(null)\n",
                "src/app/webhooks/lead.webhook.ts": webhook(),
            },
        },
        {
            name: "a file outside the roots is not picked up",
            files: {"src/webhooks/a.webhook.ts": webhook(), "src/handlers/a.webhook.ts": webhook()},
        },
    ],
    invalid: [
        {
            name: "webhook paths that differ only in letter case, in a file or a folder name",
            files: {
                "src/app/webhooks/Deal.webhook.ts": webhook(),
                "src/app/webhooks/deal.webhook.ts": webhook(),
                "src/webhooks/crm/lead.webhook.js": "export default async (req) => new Response(null)\n",
                "src/webhooks/CRM/lead.webhook.js": "export default async (req) => new Response(null)\n",
            },
            errors: [
                {messageId: "caseOnly", file: "src/app/webhooks/deal.webhook.ts", message: "`deal`"},
                {
                    messageId: "caseOnly",
                    file: "src/app/webhooks/Deal.webhook.ts",
                    message:
                        "Handler file of id `Deal` differs only in letter case from src/app/webhooks/deal.webhook.ts",
                    hint: "Rename one of them",
                },
                {
                    messageId: "caseOnly",
                    file: "src/webhooks/crm/lead.webhook.js",
                    message: "src/webhooks/CRM/lead.webhook.js",
                },
                {messageId: "caseOnly", file: "src/webhooks/CRM/lead.webhook.js", message: "`CRM/lead`"},
            ],
        },
        {
            name: "an exact duplicate and a case-only one",
            files: {
                "src/webhooks/connection-added.event.ts": webhook(),
                "src/events/connection-added.event.ts": event(),
                "src/app/events/connection-added.event.ts": event(),
                "src/app/events/Connection-Added.event.ts": event(),
            },
            errors: [
                {messageId: "duplicate", file: "src/app/events/connection-added.event.ts"},
                {
                    messageId: "caseOnly",
                    file: "src/app/events/Connection-Added.event.ts",
                    message: "differs only in letter case from src/app/events/connection-added.event.ts:",
                },
                {messageId: "duplicate", file: "src/events/connection-added.event.ts"},
            ],
        },
        {
            name: "the same webhook id in both roots",
            files: {"src/webhooks/a.webhook.ts": webhook(), "src/app/webhooks/a.webhook.ts": webhook()},
            errors: [
                {
                    messageId: "duplicate",
                    file: "src/app/webhooks/a.webhook.ts",
                    line: 1,
                    column: 1,
                    message: "also used by src/webhooks/a.webhook.ts",
                },
                {
                    messageId: "duplicate",
                    file: "src/webhooks/a.webhook.ts",
                    message: "also used by src/app/webhooks/a.webhook.ts",
                },
            ],
        },
        {
            name: "a nested id, .ts in one root and .js in the other",
            files: {
                "src/webhooks/crm/deal.webhook.ts": webhook(),
                "src/app/webhooks/crm/deal.webhook.js": "export default async (req) => new Response(null)\n",
            },
            errors: [
                {messageId: "duplicate", file: "src/app/webhooks/crm/deal.webhook.js", message: "`crm/deal`"},
                {
                    messageId: "duplicate",
                    file: "src/webhooks/crm/deal.webhook.ts",
                    message: "Two webhook handler files register the same handler id",
                },
            ],
        },
        {
            name: "the same event in both roots",
            files: {
                "src/events/connection-added.event.ts": event(),
                "src/app/events/connection-added.event.ts": event(),
            },
            errors: [
                {
                    messageId: "duplicate",
                    file: "src/app/events/connection-added.event.ts",
                    message: "Two event handler files",
                },
                {messageId: "duplicate", file: "src/events/connection-added.event.ts"},
            ],
        },
    ],
})
