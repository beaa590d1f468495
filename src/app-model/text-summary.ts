/**
 * What the checks read from a file's text besides its facts: which files it imports, and whether it mentions the
 * SDK or re-exports. Pure functions of the text, kept in the facts cache beside the file's stamp (./stamp.ts), so
 * that a run after one edit does not read the app's other files again to answer them.
 */
import {mentionsSdk} from "./facts/index.js"

/** Relative module specifiers in a text: `from "./x"`, `import "./x"`, `import("./x")`. */
export const RELATIVE_SPECIFIER = /\bfrom\s*["'](\.[^"']*)["']|\bimport\s*\(?\s*["'](\.[^"']*)["']/g

/** Text that may re-export what it imports: `export … from`, `export {x}`, `export const x = y`, `export default x`. */
const RE_EXPORT = /\bexport\b[^;]*?\bfrom\b|\bexport\s*(\{|const\b|default\b)/

export interface TextSummary {
    /** It mentions the SDK (mentionsSdk). */
    sdk: boolean
    /** It may re-export what it imports (RE_EXPORT). */
    reExport: boolean
    /** It mentions both createWebhookHandler and attio/server. */
    createsHandlers: boolean
    /** Its relative module specifiers, in order (RELATIVE_SPECIFIER): a type-only or commented-out import counts too. */
    specifiers: string[]
}

export function summarize(text: string): TextSummary {
    return {
        sdk: mentionsSdk(text),
        reExport: RE_EXPORT.test(text),
        createsHandlers: text.includes("createWebhookHandler") && text.includes("attio/server"),
        specifiers: [...text.matchAll(RELATIVE_SPECIFIER)].map(([, from, bare]) => from ?? bare),
    }
}
