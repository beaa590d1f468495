import {createHash} from "node:crypto"
import path from "node:path"
import {pathToFileURL} from "node:url"
import type {Log, ReportingDescriptor, Result} from "sarif"
import type {Formatter, LintMessage, RuleDocs} from "../lint/types.js"
import {packageVersion, repositoryWebUrl} from "../package-info.js"

/** SARIF has one text per result: the message, then its hint as a sentence of its own. */
function withHint(message: LintMessage): string {
    if (message.hint === undefined) return message.message
    return `${message.message}${/[.!?]$/.test(message.message) ? "" : "."} ${message.hint}`
}

function pascalCase(id: string): string {
    return id
        .split(/[^A-Za-z0-9]+/)
        .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
        .join("")
}

function level(severity: RuleDocs["defaultSeverity"] | LintMessage["severity"]): "error" | "warning" {
    return severity === "error" || severity === 2 ? "error" : "warning"
}

function ruleDescriptor(rule: RuleDocs): ReportingDescriptor {
    return {
        id: rule.id,
        name: pascalCase(rule.id),
        shortDescription: {text: rule.description},
        fullDescription: {text: rule.description},
        help: {text: rule.help, markdown: rule.helpMarkdown},
        helpUri: rule.helpUri,
        defaultConfiguration: {level: level(rule.defaultSeverity)},
        properties: {
            tags: ["attio"],
            precision: "very-high",
            "problem.severity": level(rule.defaultSeverity),
        },
    }
}

/** SARIF 2.1.0 as GitHub code scanning ingests it (`github/codeql-action/upload-sarif`). */
export const sarif: Formatter = (report) => {
    const ruleIndexes = new Map(report.rules.map((rule, index) => [rule.id, index]))
    const results: Result[] = []

    for (const file of report.results) {
        const relative = path.relative(report.cwd, file.filePath).split(path.sep)
        const uri = relative.map(encodeURIComponent).join("/")
        const sourceLines = file.source?.split(/\r\n|\r|\n/)
        // Code scanning tracks an alert across commits by this hash, so it must not contain the
        // line number when the line's text is known; the counter keeps identical lines distinct.
        const occurrences = new Map<string, number>()

        for (const message of file.messages) {
            const lineText = sourceLines?.[message.line - 1]?.trim() ?? String(message.line)
            const hash = createHash("sha256")
                .update(`${message.ruleId}\n${relative.join("/")}\n${lineText}`)
                .digest("hex")
                .slice(0, 16)
            const occurrence = (occurrences.get(hash) ?? 0) + 1
            occurrences.set(hash, occurrence)
            const ruleIndex = ruleIndexes.get(message.ruleId)

            results.push({
                ruleId: message.ruleId,
                ...(ruleIndex === undefined ? {} : {ruleIndex}),
                level: level(message.severity),
                message: {text: withHint(message)},
                locations: [
                    {
                        physicalLocation: {
                            artifactLocation: {uri, uriBaseId: "%SRCROOT%"},
                            region: {
                                startLine: message.line,
                                startColumn: message.column,
                                endLine: message.endLine,
                                endColumn: message.endColumn,
                            },
                        },
                    },
                ],
                partialFingerprints: {primaryLocationLineHash: `${hash}:${occurrence}`},
            })
        }
    }

    const root = pathToFileURL(report.cwd).href
    const log: Log = {
        $schema: "https://json.schemastore.org/sarif-2.1.0.json",
        version: "2.1.0",
        runs: [
            {
                tool: {
                    driver: {
                        name: "attio-lint",
                        informationUri: repositoryWebUrl(),
                        version: packageVersion(),
                        rules: report.rules.map(ruleDescriptor),
                    },
                },
                results,
                columnKind: "utf16CodeUnits",
                originalUriBaseIds: {"%SRCROOT%": {uri: root.endsWith("/") ? root : `${root}/`}},
            },
        ],
    }
    return JSON.stringify(log, null, 2) + "\n"
}
