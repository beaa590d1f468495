/**
 * What `attio-lint` does with its arguments, apart from the process it runs in (src/cli/attio-lint.ts wires that:
 * the exit code, stream errors). Given its streams and working folder, it runs in another process too: the tests
 * run it in theirs, where the engine, the rules and TypeScript load once for many runs.
 */
import {parseArgs} from "node:util"

import {FORMAT_NAMES, type FormatName, loadFormatter} from "../formatters/names.js"
import {escapeControls} from "../formatters/text.js"
import type {LintOptions} from "../lint/engine.js"
import type {RuleSeverity} from "../lint/types.js"
import {UsageError} from "../lint/usage-error.js"
import {packageVersion} from "../package-info.js"
import {enableCompileCache} from "./compile-cache.js"
import {readWorkingFolder} from "./working-folder.js"

const HELP = `Usage: attio-lint [options] [DIR | FILE...]

Checks an Attio app's webhook handlers and connection events. With no argument, lints the app in
the current directory; with DIR the app at (or around) DIR; with FILEs (as lint-staged passes them)
reports only on those files, analysed in the context of their whole app.

Options:
  -f, --format NAME      stylish (default), json, sarif or github
      --fix              apply safe fixes (a fileName carrying the suffix or folder
                         becomes the bare id; a handler returning Responses gets
                         \`async\`), then report what remains
      --watch            lint, then re-lint on every change and print what changed
      --quiet            report errors only
      --max-warnings N   exit 1 when there are more than N warnings
      --rule ID:LEVEL    set a rule to off, warn or error (repeatable)
      --cache            use the cache (the default; ESLint's flag, for its users'
                         scripts); --no-cache wins over it
      --no-cache         do not read or write the cache (facts, last findings)
      --cache-location P where the cache lives (a folder, or a .json file;
                         default: node_modules/.cache/attio-lint in the app)
      --debug            print stack traces, and run statistics on stderr
  -h, --help             show this help
  -v, --version          show the version

Settings can also live in package.json under "attioLint" or in attio-lint.config.json:
  {"rules": {"dynamic-filename": "off"}, "quiet": false, "maxWarnings": 0, "format": "stylish"}

Exit codes: 0 no errors, 1 errors found (or too many warnings), 2 usage or setup error.`

/** Where a run writes, and the folder it runs in. */
export interface LintIo {
    stdout: {write(chunk: string): unknown}
    stderr: {write(chunk: string): unknown}
    /** Whether stdout takes colours (a terminal, without NO_COLOR). */
    color: boolean
    /** The working folder; throws when it cannot be read (deleted). Read after --help and --version only. */
    cwd(): string
}

/** Runs attio-lint with these arguments; the exit code: 0, 1 (errors, or too many warnings) or 2 (one line on stderr). */
export async function runAttioLint(argv: string[], io: LintIo): Promise<number> {
    try {
        return await main(argv, io)
    } catch (error) {
        const code = (error as {code?: string}).code
        const usage = error instanceof UsageError || code?.startsWith("ERR_PARSE_ARGS")
        // Node's argument parser explains at length, about positionals: one line that names the option instead.
        const unknown = code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && /'([^']+)'/.exec((error as Error).message)?.[1]
        const text = unknown
            ? `unknown option ${unknown} (see attio-lint --help)`
            : error instanceof Error
              ? error.message
              : String(error)
        const message = escapeControls(text.split("\n").join(" "))
        io.stderr.write(`attio-lint: ${usage ? "" : "internal error: "}${message}\n`)
        if (argv.includes("--debug") && error instanceof Error) io.stderr.write(`${error.stack}\n`)
        return 2
    }
}

async function main(argv: string[], io: LintIo): Promise<number> {
    const {values, positionals} = parseArgs({
        args: argv,
        allowPositionals: true,
        options: {
            format: {type: "string", short: "f"},
            quiet: {type: "boolean"},
            fix: {type: "boolean"},
            watch: {type: "boolean"},
            "max-warnings": {type: "string"},
            rule: {type: "string", multiple: true},
            debug: {type: "boolean"},
            cache: {type: "boolean"},
            "no-cache": {type: "boolean"},
            "cache-location": {type: "string"},
            help: {type: "boolean", short: "h"},
            version: {type: "boolean", short: "v"},
        },
    })
    if (values.help) {
        io.stdout.write(HELP + "\n")
        return 0
    }
    if (values.version) {
        io.stdout.write(packageVersion() + "\n")
        return 0
    }
    const cwd = readWorkingFolder(() => io.cwd())
    if (typeof cwd !== "string") throw new UsageError(cwd.problem)
    // Checking rule ids loads every rule: only when there are some to check.
    const rules: Record<string, RuleSeverity> = values.rule
        ? Object.fromEntries(values.rule.map((await import("../lint/config.js")).parseRuleOption))
        : {}
    const maxWarnings = values["max-warnings"] === undefined ? undefined : parseMaxWarnings(values["max-warnings"])
    if (values.format !== undefined && !FORMAT_NAMES.includes(values.format as FormatName)) {
        throw new UsageError(`--format ${values.format}: use one of ${FORMAT_NAMES.join(", ")}`)
    }
    const options: LintOptions = {
        cwd,
        targets: positionals,
        rules,
        quiet: values.quiet,
        fix: values.fix,
        // The cache is on unless --no-cache turns it off: --cache (ESLint's opt-in) asks for what is already so.
        cache: values["no-cache"] !== true,
        cacheLocation: values["cache-location"],
    }
    // Before the engine, the rules and TypeScript load; --no-cache writes nothing, this cache included.
    if (options.cache) enableCompileCache()
    const {color} = io
    if (values.watch) {
        if (values.format !== undefined && values.format !== "stylish") {
            throw new UsageError(
                `--watch prints changes for a terminal; it cannot be combined with --format ${values.format}`
            )
        }
        const {watch} = await import("./watch.js")
        return watch(options, {color, write: (text) => io.stdout.write(text)})
    }
    // An unchanged app is answered from the last run's findings without loading the engine.
    const warm =
        options.cache && !options.fix ? (await import("../lint/warm-report.js")).warmReport(options) : undefined
    const report = warm ?? (await (await import("../lint/engine.js")).lint(options))
    // Settings from the app's config apply where the command line is silent.
    const settings = report.settings
    const format = (values.format ?? settings.format ?? "stylish") as FormatName
    io.stdout.write((await loadFormatter(format))(report, {color}))
    if (values.debug) {
        io.stderr.write(`attio-lint: ${JSON.stringify(report.stats)}\n`)
    }
    const limit = maxWarnings ?? settings.maxWarnings
    if (report.errorCount > 0) return 1
    if (limit !== undefined && report.warningCount > limit) {
        io.stderr.write(`attio-lint found too many warnings (maximum: ${limit}).\n`)
        return 1
    }
    return 0
}

/** Digits only: Number() would also take "", " 3", "1e3", "0x10" and "1.0". */
function parseMaxWarnings(value: string): number {
    const n = /^[0-9]+$/.test(value) ? Number(value) : NaN
    if (!Number.isSafeInteger(n))
        throw new UsageError(`--max-warnings ${JSON.stringify(value)}: expected a whole number, 0 or more`)
    return n
}
