import type {Formatter} from "../lint/types.js"
import {github} from "./github.js"
import {json} from "./json.js"
import {sarif} from "./sarif.js"
import {stylish} from "./stylish.js"

export const FORMAT_NAMES = ["stylish", "json", "sarif", "github"] as const
export type FormatName = (typeof FORMAT_NAMES)[number]

const FORMATTERS: Record<FormatName, Formatter> = {stylish, json, sarif, github}

export function getFormatter(name: FormatName): Formatter {
    return FORMATTERS[name]
}
