/**
 * The formatter registry: every output format by name, with its module loaded only when it is used (stylish
 * alone pulls in chalk and a code-frame library). index.ts's synchronous getFormatter is typed by these names.
 */
import type {Formatter} from "../lint/types.js"

const LOADERS = {
    stylish: async () => (await import("./stylish.js")).stylish,
    json: async () => (await import("./json.js")).json,
    sarif: async () => (await import("./sarif.js")).sarif,
    github: async () => (await import("./github.js")).github,
} satisfies Record<string, () => Promise<Formatter>>

export type FormatName = keyof typeof LOADERS
export const FORMAT_NAMES = Object.keys(LOADERS) as readonly FormatName[]

export function loadFormatter(name: FormatName): Promise<Formatter> {
    return LOADERS[name]()
}
