/** Every rule's invalid cases, by rule id. */
import type {Case} from "./case.js"
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

export const INVALID_CASES: Record<string, Case[]> = {
    "async-handler": asyncHandler,
    "client-import": clientImport,
    "default-export": defaultExport,
    "deprecated-attio-fetch": deprecatedAttioFetch,
    "duplicate-handler-id": duplicateHandlerId,
    "dynamic-filename": dynamicFilename,
    "event-location": eventLocation,
    "event-name": eventName,
    "event-signature": eventSignature,
    "missing-cleanup": missingCleanup,
    "parse-error": parseError,
    "unregistered-webhook": unregisteredWebhook,
    "webhook-filename": webhookFilename,
    "webhook-location": webhookLocation,
    "webhook-response": webhookResponse,
    "webhook-signature": webhookSignature,
}
