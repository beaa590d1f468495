/**
 * Settings from package.json's "attioLint" key, attio-lint.config.json and the command line, in
 * that order (later wins). Invalid settings are usage errors: never silently ignored.
 */
import fs from "node:fs"
import path from "node:path"

import {readText, ReadFailure} from "../app-model/read-file.js"
import {FORMAT_NAMES, type FormatName} from "../formatters/names.js"
import {isJsonObject} from "../json.js"
import {RULE_IDS} from "./rules/index.js"
import {closest} from "./suggest.js"
import type {RuleSeverity} from "./types.js"
import {UsageError} from "./usage-error.js"

export const CONFIG_FILE = "attio-lint.config.json"
export const PACKAGE_KEY = "attioLint"

export interface LintSettings {
    rules: Record<string, RuleSeverity>
    quiet?: boolean
    maxWarnings?: number
    format?: FormatName
}

export {UsageError}

const SEVERITIES: Record<string, RuleSeverity> = {
    off: "off",
    warn: "warn",
    error: "error",
    0: "off",
    1: "warn",
    2: "error",
}

export function parseSeverity(value: unknown, where: string): RuleSeverity {
    // Own keys only: "constructor" or "__proto__" must not find Object.prototype's.
    const name = typeof value === "string" || typeof value === "number" ? String(value) : undefined
    if (name === undefined || !Object.hasOwn(SEVERITIES, name)) {
        throw new UsageError(
            `${where}: severity must be off, warn or error, not ${JSON.stringify(value) ?? String(value)}`
        )
    }
    return SEVERITIES[name]
}

export function checkRuleId(id: string, where: string): void {
    if (RULE_IDS.includes(id)) return
    const suggestion = closest(id, RULE_IDS)
    throw new UsageError(`${where}: unknown rule "${id}"${suggestion ? ` (did you mean "${suggestion}"?)` : ""}`)
}

/** `--rule id:severity` */
export function parseRuleOption(option: string): [string, RuleSeverity] {
    // Rule ids have no colon: what follows the first one is the severity, however malformed.
    const at = option.indexOf(":")
    if (at <= 0) throw new UsageError(`--rule ${option}: expected ID:off|warn|error, e.g. --rule dynamic-filename:off`)
    const id = option.slice(0, at)
    checkRuleId(id, "--rule")
    return [id, parseSeverity(option.slice(at + 1), `--rule ${id}`)]
}

/** The app's own settings (package.json key, then the config file). */
export function loadSettings(appRoot: string): LintSettings {
    const settings: LintSettings = {rules: {}}
    const pkgPath = path.join(appRoot, "package.json")
    if (fs.existsSync(pkgPath)) {
        const pkg = readJson(pkgPath)
        // npm and the Attio CLI reject any other package.json too.
        if (!isJsonObject(pkg)) throw new UsageError(`${pkgPath}: expected a JSON object`)
        if (Object.hasOwn(pkg, PACKAGE_KEY)) merge(settings, pkg[PACKAGE_KEY], `${pkgPath} "${PACKAGE_KEY}"`)
    }
    const configPath = path.join(appRoot, CONFIG_FILE)
    if (fs.existsSync(configPath)) merge(settings, readJson(configPath), configPath)
    return settings
}

/** A JSON file of the user's: a regular file of at most 5 MB; a byte order mark is allowed, as npm allows it. */
function readJson(file: string): unknown {
    const text = readText(file)
    if (text instanceof ReadFailure) throw new UsageError(`${file} ${text.message}`)
    try {
        return JSON.parse(text.replace(/^\uFEFF/, ""))
    } catch (error) {
        throw new UsageError(`${file}: not valid JSON: ${(error as Error).message}`)
    }
}

function merge(into: LintSettings, raw: unknown, where: string): void {
    if (!isJsonObject(raw)) throw new UsageError(`${where}: expected an object`)
    for (const [key, value] of Object.entries(raw)) {
        switch (key) {
            case "rules":
                if (!isJsonObject(value)) {
                    throw new UsageError(`${where}: "rules" must be an object of rule id to off|warn|error`)
                }
                for (const [id, severity] of Object.entries(value)) {
                    checkRuleId(id, where)
                    into.rules[id] = parseSeverity(severity, `${where} rule "${id}"`)
                }
                break
            case "quiet":
                if (typeof value !== "boolean") throw new UsageError(`${where}: "quiet" must be true or false`)
                into.quiet = value
                break
            case "maxWarnings":
                if (!Number.isSafeInteger(value) || (value as number) < 0) {
                    throw new UsageError(`${where}: "maxWarnings" must be a whole number, 0 or more`)
                }
                into.maxWarnings = value as number
                break
            case "format":
                if (!FORMAT_NAMES.includes(value as FormatName)) {
                    throw new UsageError(`${where}: "format" must be one of ${FORMAT_NAMES.join(", ")}`)
                }
                into.format = value as FormatName
                break
            default:
                throw new UsageError(`${where}: unknown setting "${key}" (known: rules, quiet, maxWarnings, format)`)
        }
    }
}
