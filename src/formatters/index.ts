import type {Formatter} from "../lint/types.js"
import {github} from "./github.js"
import {json} from "./json.js"
import type {FormatName} from "./names.js"
import {sarif} from "./sarif.js"
import {stylish} from "./stylish.js"

export {FORMAT_NAMES, type FormatName, loadFormatter} from "./names.js"

/** The registry's formatters loaded up front, for callers that cannot wait (names.ts lists the formats). */
const FORMATTERS: Record<FormatName, Formatter> = {stylish, json, sarif, github}

export function getFormatter(name: FormatName): Formatter {
    return FORMATTERS[name]
}
