import type {Formatter} from "../lint/types.js"

/** ESLint's `json` formatter shape, key for key, so existing ESLint tooling can read the output. */
export const json: Formatter = (report) =>
    JSON.stringify(
        report.results.map((result) => ({
            filePath: result.filePath,
            messages: result.messages.map((message) => ({
                ruleId: message.ruleId,
                severity: message.severity,
                message: message.message,
                line: message.line,
                column: message.column,
                nodeType: null,
                messageId: message.messageId,
                endLine: message.endLine,
                endColumn: message.endColumn,
                // ESLint lists these only on messages that have them.
                ...(message.fix ? {fix: message.fix} : {}),
                ...(message.suggestions ? {suggestions: message.suggestions} : {}),
            })),
            suppressedMessages: [],
            errorCount: result.errorCount,
            fatalErrorCount: 0,
            warningCount: result.warningCount,
            fixableErrorCount: result.fixableErrorCount,
            fixableWarningCount: result.fixableWarningCount,
            // ESLint gives the text of each file with problems, for tools that show excerpts.
            ...(result.messages.length > 0 && result.source !== undefined ? {source: result.source} : {}),
            usedDeprecatedRules: [],
        }))
    ) + "\n"
