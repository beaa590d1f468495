/** The short attio-lint report the webhook generator prints once it has written the app. */
import path from "node:path"
import {pluralize} from "../formatters/text.js"
import {lint} from "../index.js"
import {escapeControls, shownPath} from "./names.js"

/** Shown lines per run; the rest is counted, and `npx attio-lint` shows them all. */
const MAX_LINES = 5

export async function lintSummary(appRoot: string): Promise<string> {
    let report
    try {
        report = await lint({cwd: appRoot})
    } catch (error) {
        return `attio-lint could not check the app: ${error instanceof Error ? error.message : String(error)}`
    }
    const {errorCount, warningCount} = report
    if (errorCount + warningCount === 0) return "attio-lint: no problems."
    const lines = report.results.flatMap((file) =>
        file.messages.map(
            (m) =>
                `  ${shownPath(path.relative(appRoot, file.filePath))}:${m.line}:${m.column} ${m.severity === 2 ? "error" : "warning"} ${escapeControls(m.message)} (${m.ruleId})`
        )
    )
    const more = lines.length > MAX_LINES ? [`  … and ${lines.length - MAX_LINES} more: run npx attio-lint`] : []
    return [
        `attio-lint: ${pluralize(errorCount, "error")}, ${pluralize(warningCount, "warning")}`,
        ...lines.slice(0, MAX_LINES),
        ...more,
    ].join("\n")
}
