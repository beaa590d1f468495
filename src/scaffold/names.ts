/** Turning what the user typed into a handler id, and ids into identifiers. */
import {HANDLER_ROOTS} from "../app-model/layout.js"
import {ScaffoldError} from "./errors.js"

export interface NormalisedId {
    /** kebab-case segments joined by "/", e.g. `crm/deal-closed`. */
    id: string
    /** True when the id differs from what was typed (the generator shows it then). */
    changed: boolean
}

// Characters that could end a string, comment or template literal in generated code. They are refused
// rather than converted, because silently dropping them would hide a typo or an injection attempt.
const FORBIDDEN: readonly [RegExp, string][] = [
    [/["']/, "quotes"],
    [/`/, "backticks"],
    [/[\r\n\u2028\u2029]/, "a line break"],
    [/\$\{/, "${"],
]

/**
 * The handler id for a name such as `Prospect Updated`, `crm/dealClosed` or `prospect-updated.webhook.ts`.
 * Throws a ScaffoldError for names that are unsafe or that would leave the webhooks root.
 */
export function normaliseHandlerId(input: string): NormalisedId {
    const shown = JSON.stringify(input)
    for (const [pattern, what] of FORBIDDEN) {
        if (pattern.test(input))
            throw new ScaffoldError(`The handler name ${shown} contains ${what}; use letters, digits, "-" and "/".`)
    }
    const trimmed = input.trim()
    if (/^([\\/]|[a-zA-Z]:)/.test(trimmed)) {
        throw new ScaffoldError(
            `The handler name ${shown} is an absolute path; give the id relative to the webhooks folder, e.g. crm/deal-closed.`
        )
    }
    const segments = trimmed.replace(/\.webhook(\.[jt]s)?$/, "").split(/[\\/]/)
    if (segments.some((s) => s.trim() === "..")) {
        throw new ScaffoldError(`The handler name ${shown} contains "..", which would leave the webhooks folder.`)
    }
    const named = segments.filter((s) => s !== "" && s !== ".")
    if (named[0] === "src") {
        // A path from the app root: as an id it would become src/app/webhooks/src/app/webhooks/….
        const root = HANDLER_ROOTS.find((r) => named.join("/").startsWith(`${r.dir}/`))
        const id = root ? named.join("/").slice(root.dir.length + 1) : undefined
        throw new ScaffoldError(
            `The handler name ${shown} is a path from the app root; give the id relative to the webhooks folder${id ? `: ${JSON.stringify(id)}` : ", e.g. crm/deal-closed"}.`
        )
    }
    const id = segments
        .map(kebabCase)
        .filter((s) => s !== "")
        .join("/")
    if (id === "")
        throw new ScaffoldError(
            `The handler name ${shown} is empty once turned into kebab-case; use letters and digits.`
        )
    return {id, changed: id !== input}
}

/** `dealClosed`, `Deal Closed` or `deal_closed` -> `deal-closed`; anything but letters and digits separates words. */
export function kebabCase(segment: string): string {
    return segment
        .normalize("NFKD")
        .replace(/\p{M}/gu, "")
        .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
        .replace(/([A-Z]+)([A-Z][a-z])/g, "$1-$2")
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-+|-+$/g, "")
}

export {pascalCase} from "../text-case.js"

/**
 * A file name as the generators print it: as is, or JSON-quoted with `\uXXXX` escapes when it holds a control
 * character (a terminal escape sequence, a line break) or a bidirectional override, which would otherwise act on
 * the terminal or hide what the name is.
 */
export function shownPath(name: string): string {
    return UNSAFE.test(name) ? escapeControls(JSON.stringify(name)) : name
}

/** Text with every such character written as `\uXXXX`, for messages that quote what the user's files hold. */
export function escapeControls(text: string): string {
    return text.replace(UNSAFE_GLOBAL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)
}

const UNSAFE_CHARS = "\\p{Cc}\\u2028\\u2029\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069"
const UNSAFE = new RegExp(`[${UNSAFE_CHARS}]`, "u")
const UNSAFE_GLOBAL = new RegExp(`[${UNSAFE_CHARS}]`, "gu")
