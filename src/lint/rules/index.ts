/** Every rule, in the order the docs list them. */
import type {Rule} from "../rule.js"
import asyncHandler from "./async-handler.js"
import clientImport from "./client-import.js"
import defaultExport from "./default-export.js"
import deprecatedAttioFetch from "./deprecated-attio-fetch.js"
import duplicateHandlerId from "./duplicate-handler-id.js"
import dynamicFilename from "./dynamic-filename.js"
import eventLocation from "./event-location.js"
import eventName from "./event-name.js"
import eventSignature from "./event-signature.js"
import missingCleanup from "./missing-cleanup.js"
import parseError from "./parse-error.js"
import unregisteredWebhook from "./unregistered-webhook.js"
import webhookFilename from "./webhook-filename.js"
import webhookLocation from "./webhook-location.js"
import webhookResponse from "./webhook-response.js"
import webhookSignature from "./webhook-signature.js"

export const RULES: readonly Rule[] = [
    parseError,
    webhookLocation,
    eventLocation,
    eventName,
    duplicateHandlerId,
    defaultExport,
    asyncHandler,
    webhookSignature,
    webhookResponse,
    eventSignature,
    webhookFilename,
    dynamicFilename,
    unregisteredWebhook,
    missingCleanup,
    deprecatedAttioFetch,
    clientImport,
] as Rule[]

export const RULE_IDS: readonly string[] = RULES.map((r) => r.meta.id)
