/** Checks that an app's own configuration files are usable before anything is linted. */
import fs from "node:fs"
import path from "node:path"

import {typescript} from "./typescript.js"

/** TypeScript's codes for "file not found" / "cannot read file" on `extends`. */
const MISSING_FILE_CODES = new Set([5083, 6053])

/** A one-line description of what is wrong with the app's tsconfig.json, if anything. */
export function tsconfigProblem(appRoot: string): string | undefined {
    const configPath = path.join(appRoot, "tsconfig.json")
    if (!fs.existsSync(configPath)) return undefined
    const tsApi = typescript()
    if (fs.statSync(configPath).isDirectory()) return `${configPath} is a directory`
    const read = tsApi.readConfigFile(configPath, tsApi.sys.readFile)
    const error =
        read.error ??
        tsApi
            .parseJsonConfigFileContent(read.config, tsApi.sys, appRoot, undefined, configPath)
            .errors.find((d) => MISSING_FILE_CODES.has(d.code))
    if (!read.error && (read.config === null || typeof read.config !== "object")) return `${configPath}: expected a JSON object`
    return error ? `${configPath}: ${tsApi.flattenDiagnosticMessageText(error.messageText, " ")}` : undefined
}
