import {codeFrameColumns} from "@babel/code-frame"
import {Chalk} from "chalk"
import type {Formatter} from "../lint/types.js"
import {escapeControls, pluralize, relativePath} from "./text.js"

function indent(text: string, prefix: string): string {
    return text
        .split("\n")
        .map((line) => prefix + line)
        .join("\n")
}

/** ESLint's stylish layout, plus a code excerpt and the fix hint under each message. */
export const stylish: Formatter = (report, options) => {
    const chalk = new Chalk({level: options.color ? 1 : 0})
    let output = "\n"
    let errorCount = 0
    let warningCount = 0

    for (const result of report.results) {
        if (result.messages.length === 0) continue
        output += `${chalk.underline(escapeControls(relativePath(report.cwd, result.filePath)))}\n`

        // Pad the short columns to the widest in this file so the messages line up.
        const positions = result.messages.map((m) => `${m.line}:${m.column}`)
        const positionWidth = Math.max(...positions.map((p) => p.length))
        const severityWidth = result.messages.some((m) => m.severity === 1) ? "warning".length : "error".length
        const source = result.source === undefined ? undefined : escapeControls(result.source, "\n\r")

        result.messages.forEach((message, index) => {
            if (message.severity === 2) errorCount++
            else warningCount++
            const severity =
                message.severity === 2
                    ? chalk.red("error".padEnd(severityWidth))
                    : chalk.yellow("warning".padEnd(severityWidth))
            output += `  ${chalk.dim(positions[index].padStart(positionWidth))}  ${severity}  ${escapeControls(message.message)}  ${chalk.dim(message.ruleId)}\n`
            if (source !== undefined && excerptFits(source, message.line, message.endLine)) {
                const frame = codeFrameColumns(
                    source,
                    {
                        start: {line: message.line, column: message.column},
                        end: {line: message.endLine, column: message.endColumn},
                    },
                    {highlightCode: options.color, forceColor: options.color}
                )
                output += `${indent(frame, "    ")}\n`
            }
            if (message.hint !== undefined) output += `    ${chalk.cyan("hint:")} ${escapeControls(message.hint)}\n`
            output += "\n"
        })
    }

    const total = errorCount + warningCount
    if (total === 0) return ""
    const summaryColor = errorCount > 0 ? chalk.red.bold : chalk.yellow.bold
    output += `${summaryColor(
        `✖ ${pluralize(total, "problem")} (${pluralize(errorCount, "error")}, ${pluralize(warningCount, "warning")})`
    )}\n`
    const fixableErrors = report.results.reduce((n, r) => n + r.fixableErrorCount, 0)
    const fixableWarnings = report.results.reduce((n, r) => n + r.fixableWarningCount, 0)
    if (fixableErrors + fixableWarnings > 0) {
        output += `${summaryColor(
            `  ${pluralize(fixableErrors, "error")} and ${pluralize(fixableWarnings, "warning")} potentially fixable with the \`--fix\` option.`
        )}\n`
    }
    return output
}

/** Minified or generated code would flood the terminal: no excerpt when a line around the finding is very long. */
const MAX_EXCERPT_LINE = 400

function excerptFits(source: string, line: number, endLine: number): boolean {
    const lines = source.split("\n", endLine + 2)
    return lines.slice(Math.max(0, line - 3), endLine + 2).every((l) => l.length <= MAX_EXCERPT_LINE)
}
