import type {Formatter} from "../lint/types.js"
import {github} from "./github.js"
import {json} from "./json.js"
import {sarif} from "./sarif.js"
import type {FormatName} from "./names.js"
import {stylish} from "./stylish.js"

export {FORMAT_NAMES, type FormatName, loadFormatter} from "./names.js"

const FORMATTERS: Record<FormatName, Formatter> = {stylish, json, sarif, github}

export function getFormatter(name: FormatName): Formatter {
    return FORMATTERS[name]
}
