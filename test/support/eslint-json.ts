/** The keys of one file's result in ESLint 9's JSON output, in order, for a file with problems. */
export const ESLINT_RESULT_KEYS = [
    "filePath",
    "messages",
    "suppressedMessages",
    "errorCount",
    "fatalErrorCount",
    "warningCount",
    "fixableErrorCount",
    "fixableWarningCount",
    "source",
    "usedDeprecatedRules",
]
