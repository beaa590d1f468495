import type {App} from "attio"

// ℹ️ The entry point of an app that keeps the documented src/webhooks + src/events layout.
// This app only syncs data in the background, so it adds nothing to Attio's interface.
export const app: App = {
    record: {
        actions: [],
        bulkActions: [],
        widgets: [],
    },
}
