/** The programmatic API: `import {lint} from "generator-attio-app"` returns what the CLI reports. */
export {lint, type LintOptions, RULE_DOCS} from "./lint/engine.js"
export {UsageError} from "./lint/config.js"
export {getFormatter, loadFormatter, FORMAT_NAMES, type FormatName} from "./formatters/index.js"
export type {FileResult, LintMessage, LintReport, RuleDocs, RuleSeverity} from "./lint/types.js"
