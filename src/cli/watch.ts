/**
 * `attio-lint --watch`: lints once, then re-lints on every change in the app and prints only what
 * changed (new findings, fixed ones, and those gone with a deleted file), for a terminal beside the
 * editor. The facts cache makes each re-lint cost about one parse of the edited file.
 */
import fs from "node:fs"
import path from "node:path"

import {Chalk} from "chalk"

import {isIgnoredPath} from "../app-model/discovery.js"
import {escapeControls} from "../formatters/text.js"
import {UsageError} from "../lint/config.js"
import {appRootsOf, lint, type LintOptions} from "../lint/engine.js"
import type {LintMessage, LintReport} from "../lint/types.js"
import {saveCompileCache} from "./compile-cache.js"

/** Editors save in bursts (temp file, rename, chmod): wait for the burst to end. */
const SETTLE_MS = 80

interface Finding {
    file: string
    message: LintMessage
}

export async function watch(
    options: LintOptions,
    out: {color: boolean; write: (text: string) => void}
): Promise<never> {
    const chalk = new Chalk({level: out.color ? 1 : 0})
    let previous = await lint(options)
    // Ctrl-C ends a watch without an exit event, when the compile cache would be written: written now.
    saveCompileCache()
    const roots = outermost(appRootsOf(options))
    // What the run was given to watch: once one is gone (deleted, renamed), there is nothing left to watch.
    const cwd = path.resolve(options.cwd ?? process.cwd())
    const watched = [...roots, ...(options.targets ?? []).map((t) => path.resolve(cwd, t)).filter(isDirectory)]
    const watchers = new Set<fs.FSWatcher>()
    let timer: NodeJS.Timeout | undefined
    let fail: (error: Error) => void = () => {}
    let stopped = false
    /** Ends the watch with an exit-2 message: every watcher closed, so that the process can exit. */
    const stop = (error: Error) => {
        stopped = true
        clearTimeout(timer)
        for (const watcher of watchers) watcher.close()
        fail(error)
    }
    let running = Promise.resolve()
    const relint = () => {
        running = running.then(async () => {
            const gone = watched.find((dir) => !isDirectory(dir))
            if (gone) return stop(new UsageError(`${gone} is gone: nothing left to watch`))
            try {
                const next = await lint(options)
                // The first lint may not have loaded the parser (its facts were cached); no-op once written.
                saveCompileCache()
                printChanges(findings(next), findings(previous), next, out.write, chalk)
                previous = next
            } catch (error) {
                out.write(`${chalk.red("attio-lint:")} ${escapeControls((error as Error).message)}\n`)
            }
        })
    }
    const changed = () => {
        clearTimeout(timer)
        timer = setTimeout(relint, SETTLE_MS)
    }
    return new Promise<never>((_resolve, reject) => {
        fail = reject
        const watchRoot = (root: string): void => {
            let watcher: fs.FSWatcher
            try {
                watcher = fs.watch(root, {recursive: true}, (_event, name) => {
                    if (!name || !isIgnoredPath(name)) changed()
                })
            } catch (error) {
                stop(new UsageError(`cannot watch ${root}: ${(error as Error).message}`))
                return
            }
            watchers.add(watcher)
            // A folder removed while the watcher reads it (a git checkout, a build) fails the
            // watcher: watch afresh once the burst is over, and lint what it left.
            watcher.on("error", () => {
                watcher.close()
                watchers.delete(watcher)
                setTimeout(() => {
                    if (stopped) return
                    // A root removed for good is not watched again: the re-lint ends the watch saying it is gone.
                    if (isDirectory(root)) watchRoot(root)
                    changed()
                }, SETTLE_MS)
            })
        }
        for (const root of roots) watchRoot(root)
        // Printed once the watchers are on, so that an edit made on seeing it is never missed.
        out.write(`${chalk.bold("attio-lint")} watching ${escapeControls(roots.join(", "))} (Ctrl-C to stop)\n`)
        printChanges(findings(previous), [], previous, out.write, chalk)
    })
}

function isDirectory(dir: string): boolean {
    try {
        return fs.statSync(dir).isDirectory()
    } catch {
        return false
    }
}

/** The roots not inside another one: a recursive watch of that one covers them. */
function outermost(roots: string[]): string[] {
    return roots.filter((root) => !roots.some((other) => other !== root && root.startsWith(other + path.sep)))
}

function findings(report: LintReport): Finding[] {
    return report.results.flatMap((r) =>
        r.messages.map((message) => ({file: path.relative(report.cwd, r.filePath), message}))
    )
}

/** Findings are the same when file, rule and message match: a finding that only moved is not news. */
function key(f: Finding): string {
    return `${f.file}\0${f.message.ruleId}\0${f.message.message}`
}

function printChanges(
    now: Finding[],
    before: Finding[],
    report: LintReport,
    write: (text: string) => void,
    chalk: InstanceType<typeof Chalk>
): void {
    const added = difference(now, before)
    const fixed = difference(before, now)
    if (added.length === 0 && fixed.length === 0 && before.length + now.length > 0) return
    const time = new Date().toLocaleTimeString("en-GB")
    let text = ""
    for (const file of [...new Set([...added, ...fixed].map((f) => f.file))].sort()) {
        text += `${chalk.dim(`[${time}]`)} ${chalk.underline(escapeControls(file))}\n`
        for (const f of added.filter((a) => a.file === file)) {
            const m = f.message
            const level = m.severity === 2 ? chalk.red("error") : chalk.yellow("warning")
            text += `  ${chalk.red("+")} ${m.line}:${m.column}  ${level}  ${escapeControls(m.message)}  ${chalk.dim(m.ruleId)}\n`
            if (m.hint) text += `      ${chalk.cyan("hint:")} ${escapeControls(m.hint)}\n`
        }
        // A deleted (or renamed) file's findings went with it: nothing was fixed.
        const gone = !fs.existsSync(path.resolve(report.cwd, file))
        for (const f of fixed.filter((a) => a.file === file)) {
            const label = gone ? `${chalk.dim("-")} removed with the file:` : `${chalk.green("✓")} fixed:`
            text += `  ${label} ${escapeControls(f.message.message)}  ${chalk.dim(f.message.ruleId)}\n`
        }
    }
    const summary =
        report.errorCount + report.warningCount === 0
            ? chalk.green("✔ no problems")
            : `✖ ${report.errorCount} error(s), ${report.warningCount} warning(s)`
    write(`${text}${chalk.dim(`[${time}]`)} ${summary}\n`)
}

/** Findings in `a` that are not in `b`, counting duplicates. */
function difference(a: Finding[], b: Finding[]): Finding[] {
    const counts = new Map<string, number>()
    for (const f of b) counts.set(key(f), (counts.get(key(f)) ?? 0) + 1)
    return a.filter((f) => {
        const n = counts.get(key(f)) ?? 0
        if (n > 0) counts.set(key(f), n - 1)
        return n === 0
    })
}
