// ℹ️ Handler ids are file paths under src/app/webhooks without the ".webhook.ts" suffix
export const PROSPECT_UPDATED = "prospect-updated"
