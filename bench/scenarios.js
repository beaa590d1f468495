/**
 * The scenarios the bench times on each app and the targets it judges them by. To add a scenario,
 * add an object to SCENARIOS; to add a target, an object to TARGETS: bench/run.js, bench/measure.js
 * and bench/report.js need no change.
 */
import {spawnSync} from "node:child_process"
import {existsSync, rmSync, writeFileSync} from "node:fs"
import os from "node:os"
import path from "node:path"

import {REPO} from "./apps.js"
import {checkExitZero, firstLine, spawnOptions, splitCommand} from "./measure.js"

/** Timed runs of the tools that take seconds: fewer on the largest app. */
const TOOL_RUNS = {default: 3, 5000: 2}
const SLOW_TOOL_RUNS = {default: 3, 5000: 1}

/**
 * attio-lint stores its warm report only when the app's files are older than this (file times are
 * coarse; see src/lint/warm-report.ts): the warm scenarios wait that long after the last write.
 */
const SETTLE_MS = 2100

/*
 * The scenarios. Fields:
 *   id          what --only selects (as does tool); label: the table's first column
 *   tool        attio-lint, floor, tsc, tsc7, eslint or testing: what --only selects
 *   how         one line for RESULTS.md: what the scenario measures
 *   runs        timed runs: a number, or {default, <app>: n} (the median is reported)
 *   baseline    the scenario the others are compared with (exactly one)
 *   floor       the parse-only floor, the other comparison (exactly one)
 *   pairFloor   true: each timed run is followed by a run of the floor scenario, and the ratio to the
 *               floor is taken from those paired runs (load that comes and goes then hits both)
 *   packages    npm packages the scenario needs; all scenarios' packages are installed together
 *   env         environment variables added to the bench's for the timed runs
 *   available   (ctx) => true, or a string saying why the scenario cannot run (it is then skipped)
 *   setup       (ctx) => undefined, or a failure; once per app before the timed runs, not timed
 *   beforeEach  (ctx, run) => void, before each timed run, not timed (e.g. change one file)
 *   afterEach   (ctx, run) => void, after each timed run, also when it failed (e.g. restore it)
 *   command     (ctx) => [executable, ...args], run with the app's folder as cwd
 *   check       (result, ctx) => undefined when the run is valid, else a short reason
 * ctx: {app, name ("template" or the handler count), label, handlers, sourceFiles (how many), deps
 *      (the folder holding node_modules), handlerFiles (absolute paths), edited: {file, source}
 *      (the handler the "changed" scenarios edit), lintBin (the attio-lint script to time),
 *      lintCache (the app's cache location), compileCache (where the attio-lint timed keeps its compile cache, or
 *      undefined), writtenAt (when the bench last wrote to the app)}
 */
/** What the attio-lint scenarios share. */
const ATTIO_LINT = {tool: "attio-lint", runs: 5, packages: [], available: lintAvailable}

export const SCENARIOS = [
    {
        ...ATTIO_LINT,
        id: "attio-lint-cold",
        label: "attio-lint, cold",
        how:
            "facts cache deleted before each run; the compile cache written by one untimed run on the app, as after any " +
            "earlier run on the machine; each run is followed by a parse-only run, which the ratio to the floor uses",
        pairFloor: true,
        setup: primeCompileCache,
        beforeEach: (ctx) => rmSync(ctx.lintCache, {recursive: true, force: true}),
        // The run makes the cache folder again: a change of the app's folder.
        afterEach: (ctx) => (ctx.writtenAt = Date.now()),
        command: (ctx) => lintCommand(ctx, ctx.app),
        check: (result, ctx) => checkLintRun(result, ctx, "all"),
    },
    {
        ...ATTIO_LINT,
        id: "attio-lint-first",
        label: "attio-lint, cold, first run",
        how:
            "facts cache and compile cache deleted before each run: the first run after an install (or a CI runner " +
            "that keeps no node_modules/.cache), which writes the compile cache",
        available: (ctx) =>
            ctx.compileCache
                ? lintAvailable(ctx)
                : "the attio-lint timed is in no node_modules folder: it keeps no compile cache",
        beforeEach: (ctx) => {
            rmSync(ctx.lintCache, {recursive: true, force: true})
            rmSync(ctx.compileCache, {recursive: true, force: true})
        },
        afterEach: (ctx) => (ctx.writtenAt = Date.now()),
        command: (ctx) => lintCommand(ctx, ctx.app),
        check: (result, ctx) => checkLintRun(result, ctx, "all"),
    },
    {
        ...ATTIO_LINT,
        id: "attio-lint-warm",
        label: "attio-lint, warm, nothing changed",
        how: "after one untimed run filled the caches (with the app's files over two seconds old, so that it stores its warm report)",
        setup: primeLintCache,
        command: (ctx) => lintCommand(ctx, ctx.app),
        check: (result, ctx) => checkLintRun(result, ctx, 0),
    },
    {
        ...ATTIO_LINT,
        id: "attio-lint-staged",
        label: "attio-lint, warm, 1 staged file",
        how: "`attio-lint <one handler>` as lint-staged runs it, the file unchanged since the cache was filled",
        setup: primeLintCache,
        command: (ctx) => lintCommand(ctx, ctx.edited.file),
        check: (result, ctx) => checkLintRun(result, ctx, 0),
    },
    {
        ...ATTIO_LINT,
        id: "attio-lint-changed",
        label: "attio-lint, warm, 1 file changed",
        how: "a distinct comment line appended to one handler before each run, the file restored after it",
        setup: primeLintCache,
        beforeEach: editHandler,
        afterEach: restoreHandler,
        command: (ctx) => lintCommand(ctx, ctx.app),
        check: (result, ctx) => checkLintRun(result, ctx, 1),
    },
    {
        ...ATTIO_LINT,
        id: "attio-lint-staged-edited",
        label: "attio-lint, warm, 1 staged file, edited",
        how: 'the same with the file edited as in "1 file changed" (a pre-commit hook after an edit; no target)',
        setup: primeLintCache,
        beforeEach: editHandler,
        afterEach: restoreHandler,
        command: (ctx) => lintCommand(ctx, ctx.edited.file),
        check: (result, ctx) => checkLintRun(result, ctx, 1),
    },
    {
        id: "parse-only",
        tool: "floor",
        label: "parse-only floor",
        how:
            "`node bench/parse-only.js <app>`: Node's start, loading the TypeScript subset attio-lint parses with, and " +
            "reading and parsing every source file with its options; no facts, rules, cache or output (a cold run's floor)",
        runs: 5,
        floor: true,
        packages: [],
        available: () =>
            existsSync(path.join(REPO, "dist/typescript-syntax.cjs")) ||
            "dist/typescript-syntax.cjs is missing (npm run build)",
        command: (ctx) => [process.execPath, path.join(REPO, "bench/parse-only.js"), ctx.app],
        check: checkExitZero,
    },
    {
        id: "tsc",
        tool: "tsc",
        label: "tsc 5.9 --noEmit",
        how: "`tsc --noEmit -p <app>`",
        runs: TOOL_RUNS,
        baseline: true,
        packages: ["typescript@5.9"],
        available: (ctx) => existsSync(tscBin(ctx)) || "typescript is not installed in the bench cache",
        command: (ctx) => [process.execPath, tscBin(ctx), "--noEmit", "-p", ctx.app],
        check: checkExitZero,
    },
    {
        id: "tsc7",
        tool: "tsc7",
        label: "tsc 7 (native) --noEmit",
        how:
            "`tsc --noEmit -p <app>` from npm typescript@7 (installed as typescript7): a Node script that runs " +
            "the native binary of @typescript/typescript-<platform>; on Node 20 it waits for it (no process.execve)",
        runs: 3,
        packages: ["typescript7@npm:typescript@7"],
        available: tsc7Available,
        command: (ctx) => [process.execPath, tsc7Bin(ctx), "--noEmit", "-p", ctx.app],
        check: checkExitZero,
    },
    {
        id: "eslint",
        tool: "eslint",
        label: "ESLint 9 + typescript-eslint",
        how:
            "`eslint src` with the app's eslint.config.cjs: js and typescript-eslint recommended (no type " +
            "information) plus attio/lint's attio-client-import and server-default-export, as Attio's app template",
        runs: SLOW_TOOL_RUNS,
        packages: ["eslint@9", "@eslint/js@9", "typescript-eslint@8"],
        available: (ctx) => existsSync(eslintBin(ctx)) || "eslint is not installed in the bench cache",
        command: (ctx) => [process.execPath, eslintBin(ctx), "src"],
        check: checkExitZero,
    },
    {
        id: "testing-runtime",
        tool: "testing",
        label: "testing runtime: loadApp + 1 delivery",
        how:
            "`node bench/testing-runtime.js --deliver <app>`: a fresh process imports generator-attio-app/testing, " +
            "loads the app (finds and bundles its handlers) and delivers one request to one handler (issue 13)",
        runs: 5,
        packages: [],
        available: (ctx) => ctx.name === "10" || "timed on the app of 10 handlers only (issue 13's target)",
        command: (ctx) => [process.execPath, path.join(REPO, "bench/testing-runtime.js"), "--deliver", ctx.app],
        check: checkExitZero,
    },
]

/** The app the targets are set for, unless a target names another. */
export const TARGET_APP = "1000"

/*
 * The targets of issues 4, 9, 13 and 14. value: (at, rows) => the measured number, or undefined when
 * it was not measured (a filter left it out, or the run failed); at(id, app = TARGET_APP) is that
 * scenario's row ({} when there is none): median, overNode (median minus the paired node -e 0
 * runs' median), ratio (to tsc 5.9), floorRatio (to the parse-only floor), peakMb. PASS when the
 * number is at most limit.
 */
export const TARGETS = [
    {target: "cold ≤ 0.2 × tsc 5.9", limit: 0.2, unit: "×", value: (at) => at("attio-lint-cold").ratio},
    {
        target: "cold ≤ 1.5 × the parse-only floor",
        limit: 1.5,
        unit: "×",
        value: (at) => at("attio-lint-cold").floorRatio,
    },
    {
        target: "warm, nothing changed ≤ node + 0.15 s",
        limit: 0.15,
        unit: " s",
        value: (at) => at("attio-lint-warm").overNode,
    },
    {
        target: "one staged file (warm) ≤ node + 0.15 s",
        limit: 0.15,
        unit: " s",
        value: (at) => at("attio-lint-staged").overNode,
    },
    {target: "one file changed ≤ 0.6 s", limit: 0.6, unit: " s", value: (at) => at("attio-lint-changed").median},
    {
        target: "peak memory ≤ 200 MB (the largest of the attio-lint runs)",
        limit: 200,
        unit: " MB",
        value: (at, rows) =>
            largest(rows.filter((r) => r.tool === "attio-lint" && r.app === TARGET_APP).map((r) => r.peakMb)),
    },
    {
        target: "5000 handlers: cold time grows linearly (5000/1000 ≤ 5.5×)",
        limit: 5.5,
        unit: "×",
        value: (at) => quotient(at("attio-lint-cold", "5000").median, at("attio-lint-cold").median),
    },
    {
        target: "template app (~50 files): cold ≤ node + 0.3 s, no type checker",
        limit: 0.3,
        unit: " s",
        value: (at) => at("attio-lint-cold", "template").overNode,
    },
    {
        target: "template app (~50 files): warm ≤ node + 0.1 s",
        limit: 0.1,
        unit: " s",
        value: (at) => at("attio-lint-warm", "template").overNode,
    },
    {
        target: "testing runtime: loadApp (10 handlers) + 1 delivery < 0.5 s",
        limit: 0.5,
        unit: " s",
        value: (at) => at("testing-runtime", "10").median,
    },
    {
        target: "aim: cold at parity with tsc 7 (native)",
        limit: 1,
        unit: "×",
        value: (at) => quotient(at("attio-lint-cold").median, at("tsc7").median),
    },
]

// --- the scenarios' helpers -------------------------------------------------------------------

function lintAvailable(ctx) {
    return existsSync(ctx.lintBin) || `${path.relative(REPO, ctx.lintBin)} is missing (npm run build)`
}

/** --debug prints the run's statistics on stderr: the checks use them to prove a run was warm. */
function lintCommand(ctx, target) {
    return [process.execPath, ctx.lintBin, target, "--format", "json", "--cache-location", ctx.lintCache, "--debug"]
}

/**
 * One untimed run of the whole app with no compile cache, which writes it (and the facts cache, which the cold runs
 * delete): as after any earlier run on the machine.
 */
function primeCompileCache(ctx) {
    if (ctx.compileCache) rmSync(ctx.compileCache, {recursive: true, force: true})
    rmSync(ctx.lintCache, {recursive: true, force: true})
    const result = spawnSync(...splitCommand(lintCommand(ctx, ctx.app)), spawnOptions(ctx, {}))
    ctx.writtenAt = Date.now()
    return result.error?.message ?? checkLintRun(result, ctx, "all")
}

/**
 * One untimed run of the whole app, once its files are old enough for attio-lint to store its warm
 * report: fills the facts cache (whatever it lacks) and the report.
 */
function primeLintCache(ctx) {
    const wait = ctx.writtenAt + SETTLE_MS - Date.now()
    if (wait > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, wait)
    const result = spawnSync(...splitCommand(lintCommand(ctx, ctx.app)), spawnOptions(ctx, {}))
    return result.error?.message ?? checkLintRun(result, ctx)
}

function editHandler(ctx, run) {
    writeFileSync(ctx.edited.file, `${ctx.edited.source}// bench edit ${run + 1} at ${Date.now()}\n`)
    ctx.writtenAt = Date.now()
}

function restoreHandler(ctx) {
    writeFileSync(ctx.edited.file, ctx.edited.source)
    ctx.writtenAt = Date.now()
}

/**
 * attio-lint must exit 0 or 1, print ESLint's JSON shape, find no errors on the generated app
 * and parse the files the scenario expects: `parsed` of them, "all" (at least one per handler),
 * or any number when it is undefined.
 */
function checkLintRun(result, ctx, parsed) {
    if (result.status !== 0 && result.status !== 1) {
        return `exit ${result.status}: ${firstLine(result.stderr) || firstLine(result.stdout)}`
    }
    let files
    try {
        files = JSON.parse(result.stdout)
    } catch {
        return `stdout is not JSON: ${firstLine(result.stdout) || "(empty)"} ${firstLine(result.stderr)}`.trim()
    }
    if (!Array.isArray(files)) return "JSON output is not an array"
    const errors = files.reduce((sum, file) => sum + (file.errorCount ?? 0), 0)
    if (errors > 0) {
        const file = files.find((f) => f.errorCount > 0)
        const first = file.messages.find((m) => m.severity === 2)
        const where = `${path.basename(file.filePath)}:${first?.line}`
        return `${errors} error${errors === 1 ? "" : "s"} reported on the generated app (first: ${first?.ruleId} at ${where})`
    }
    const stats = lintStats(result.stderr)
    if (!stats) return "no statistics on stderr (--debug)"
    if (parsed === "all" && stats.filesParsed < ctx.handlers) {
        return `${stats.filesParsed} files parsed, expected all ${ctx.handlers} handlers`
    }
    if (stats.typeCheckedFiles?.length) return `a type checker was built for ${stats.typeCheckedFiles.length} files`
    if (typeof parsed === "number" && stats.filesParsed !== parsed) {
        return `${stats.filesParsed} files parsed, expected ${parsed}`
    }
    // The generated handlers are decided from syntax alone: the full compiler would be a regression.
    if (stats.filesParsed > 0 && stats.typescript !== "syntax")
        return `TypeScript loaded: ${stats.typescript}, expected the syntax subset`
    return undefined
}

function lintStats(stderr) {
    const line = (stderr ?? "").split("\n").find((l) => l.startsWith("attio-lint: {"))
    try {
        return line ? JSON.parse(line.slice("attio-lint: ".length)) : undefined
    } catch {
        return undefined
    }
}

function tscBin(ctx) {
    return path.join(ctx.deps, "node_modules/typescript/bin/tsc")
}

function tsc7Bin(ctx) {
    return path.join(ctx.deps, "node_modules/typescript7/bin/tsc")
}

function eslintBin(ctx) {
    return path.join(ctx.deps, "node_modules/eslint/bin/eslint.js")
}

/** typescript@7 is a wrapper; its native binary comes as an optional dependency, which may be missing. */
function tsc7Available(ctx) {
    if (!existsSync(tsc7Bin(ctx))) return "typescript@7 is not installed in the bench cache"
    const result = spawnSync(process.execPath, [tsc7Bin(ctx), "--version"], {encoding: "utf8"})
    if (result.status === 0 && /^Version 7\./.test(result.stdout)) return true
    const why = result.stderr?.match(/^\w*Error: (.*)$/m)?.[1] ?? (firstLine(result.stderr) || result.error?.message)
    return `TypeScript 7's native binary cannot run here (${os.platform()}-${os.arch()}): ${why}`
}

export function quotient(a, b) {
    return a === undefined || b === undefined ? undefined : a / b
}

function largest(values) {
    const known = values.filter((v) => v !== undefined)
    return known.length ? Math.max(...known) : undefined
}
