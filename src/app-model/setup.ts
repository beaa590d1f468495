/** Checks that an app's own configuration files are usable before anything is linted. */
import fs from "node:fs"
import path from "node:path"

import {isJsonObject} from "../json.js"
import type {CachedCheck, FactsCache} from "./facts-cache.js"
import {contentHash} from "./sealed-file.js"
import {readText, ReadFailure} from "./read-file.js"
import {typescriptSyntax} from "./typescript.js"

/** TypeScript's codes for "file not found" / "cannot read file" on `extends`. */
const MISSING_FILE_CODES = new Set([5083, 6053])

/**
 * A one-line description of what is wrong with the app's tsconfig.json, if anything. The answer is
 * cached with the files it was read from (the tsconfig and what it extends), so a warm run with
 * none of them changed does not load TypeScript.
 */
export function tsconfigProblem(appRoot: string, cache?: FactsCache): string | undefined {
    const configPath = path.join(appRoot, "tsconfig.json")
    if (!fs.existsSync(configPath)) return undefined
    // Keyed by the path: a cache shared by several apps (--cache-location) holds a check for each.
    const name = `tsconfig ${configPath}`
    const cached = cache?.getCheck(name, appRoot)
    if (cached) return cached.result ?? undefined
    const check = checkTsconfig(configPath, appRoot)
    cache?.setCheck(name, check)
    return check.result ?? undefined
}

function checkTsconfig(configPath: string, appRoot: string): CachedCheck {
    const own = readText(configPath)
    // A folder, FIFO or device named tsconfig.json is never handed to TypeScript, which would wait on it.
    if (own instanceof ReadFailure) return {inputs: {[configPath]: null}, result: `${configPath} ${own.message}`}
    const tsApi = typescriptSyntax()
    const inputs: Record<string, string | null> = {}
    const host = configHost(
        (file, text) => (inputs[path.resolve(file)] = text === undefined ? null : contentHash(text))
    )
    const {readFile} = host
    let result: string | null = null
    try {
        const read = tsApi.readConfigFile(configPath, readFile)
        if (read.error) {
            result = `${configPath}: ${tsApi.flattenDiagnosticMessageText(read.error.messageText, " ")}`
        } else if (!isJsonObject(read.config)) {
            result = `${configPath}: expected a JSON object`
        } else {
            const missing = tsApi
                .parseJsonConfigFileContent(read.config, host, appRoot, undefined, configPath)
                .errors.find((d) => MISSING_FILE_CODES.has(d.code))
            if (missing) result = `${configPath}: ${tsApi.flattenDiagnosticMessageText(missing.messageText, " ")}`
        }
    } catch (error) {
        // Thousands of nested brackets exhaust TypeScript's recursive parser.
        if (!(error instanceof RangeError)) throw error
        result = `${configPath}: nested too deeply to read`
    }
    return {inputs, result}
}

/**
 * A host for TypeScript's config reading: every file it reads (the tsconfig, what it extends) is read
 * here, regular files only and bounded, so a FIFO or device is never waited on; it lists no files (only
 * options and `extends` matter, and listing the included files would cost a directory walk).
 */
export function configHost(onRead?: (file: string, text: string | undefined) => void) {
    const readFile = (file: string): string | undefined => {
        const read = readText(file)
        const text = typeof read === "string" ? read : undefined
        onRead?.(file, text)
        return text?.replace(/^\uFEFF/, "")
    }
    return {
        useCaseSensitiveFileNames: typescriptSyntax().sys.useCaseSensitiveFileNames,
        fileExists: (file: string) => readFile(file) !== undefined,
        readFile,
        readDirectory: () => [],
    }
}
