/** Which webhook handler a createWebhookHandler fileName that names none was meant for. */
import {HANDLER_ROOTS} from "../app-model/layout.js"
import {closeMatches} from "./suggest.js"

const WEBHOOK_DIRS = HANDLER_ROOTS.filter((r) => r.kind === "webhook").map((r) => r.dir)

/** The id a fileName carrying a root folder or the file suffix was meant to be. */
export function bareId(value: string): string {
    let id = value.replace(/^\.?\//, "")
    for (const dir of [...WEBHOOK_DIRS, "app/webhooks", "webhooks"]) {
        if (id.startsWith(dir + "/")) {
            id = id.slice(dir.length + 1)
            break
        }
    }
    return id.replace(/\.webhook(\.[cm]?[jt]sx?)?$/, "").replace(/\.[cm]?[jt]sx?$/, "")
}

/**
 * The handler id among `ids` that a fileName naming no handler was meant for: the same id written with its folder
 * or suffix, else the closest id when one is close enough to be a typo.
 */
export function meantId(value: string, ids: readonly string[]): string | undefined {
    const bare = bareId(value)
    if (bare !== value) return ids.includes(bare) ? bare : undefined
    return closeMatches(value, ids)[0]
}
