import type {Formatter} from "../lint/types.js"
import {escapeControls, relativePath} from "./text.js"

// The escaping of @actions/core's issueCommand: the runner decodes exactly these. Other control
// characters are never written raw (the log viewer would run an escape sequence in a file name).
function escapeData(value: string): string {
    return escapeControls(value, "\r\n").replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A")
}

function escapeProperty(value: string): string {
    return escapeData(value).replace(/:/g, "%3A").replace(/,/g, "%2C")
}

/** GitHub Actions workflow commands: the runner turns each line into an annotation on the diff. */
export const github: Formatter = (report) => {
    const lines: string[] = []
    for (const result of report.results) {
        const file = relativePath(report.cwd, result.filePath)
        for (const message of result.messages) {
            const properties = {
                file,
                line: message.line,
                col: message.column,
                endLine: message.endLine,
                endColumn: message.endColumn,
                title: `attio-lint (${message.ruleId})`,
            }
            const propertyText = Object.entries(properties)
                .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
                .join(",")
            const command = message.severity === 2 ? "error" : "warning"
            lines.push(`::${command} ${propertyText}::${escapeData(message.message)}\n`)
        }
    }
    return lines.join("")
}
