/** The output formats, and each formatter's module loaded only when it is used (stylish alone pulls in chalk and a code-frame library). */
import type {Formatter} from "../lint/types.js"

export const FORMAT_NAMES = ["stylish", "json", "sarif", "github"] as const
export type FormatName = (typeof FORMAT_NAMES)[number]

export async function loadFormatter(name: FormatName): Promise<Formatter> {
    switch (name) {
        case "stylish":
            return (await import("./stylish.js")).stylish
        case "json":
            return (await import("./json.js")).json
        case "sarif":
            return (await import("./sarif.js")).sarif
        case "github":
            return (await import("./github.js")).github
    }
}
