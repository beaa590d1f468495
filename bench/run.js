#!/usr/bin/env node
/**
 * `npm run bench`: attio-lint against the tools users know, on generated Attio apps.
 *
 *   node bench/run.js [--apps template,10,100,1000,5000] [--only TOOL|ID,...] [--runs N] [--lint FILE] [--no-write]
 *
 * For each app (bench/apps.js: "template", an app of about 50 files made from this project's
 * templates, and apps of N handlers) it generates the app under bench/apps/ (gitignored), links the
 * cached dependencies into it (bench/.cache/, gitignored; installed once with --ignore-scripts),
 * then runs every scenario (bench/scenarios.js), each run in a fresh process. Each timed run is paired with a run
 * of `node -e 0` just before it, so that every figure is shown beside Node's own start on the same
 * machine at the same moment; the parse-only floor (bench/parse-only.js) and tsc 5.9 are measured on
 * the same app, and the ratios to them are what carries across machines. attio-lint is timed as users install
 * it: a copy of the current build in bench/.cache/installed/node_modules (bench/apps.js, installLinter), where it
 * keeps its compile cache. It prints medians, peak
 * memory and the issues' targets with PASS/MISS, and writes all of it to bench/RESULTS.md.
 *
 * The parts: bench/apps.js generates the apps from this project's templates (and installs the
 * tools once), bench/scenarios.js holds what is timed and the targets, bench/measure.js times the
 * runs, bench/report.js makes the tables and RESULTS.md; this file reads the options and runs them.
 */
import {writeFileSync} from "node:fs"
import module from "node:module"
import os from "node:os"
import path from "node:path"

import {compileCacheOf, generateApp, installDependencies, installLinter, REPO} from "./apps.js"
import {log, measure, memoryProbe} from "./measure.js"
import {addNote, formatTable, formatTargets, resultsMarkdown, rowsOf} from "./report.js"
import {SCENARIOS} from "./scenarios.js"

const RESULTS_FILE = path.join(REPO, "bench/RESULTS.md")

const DEFAULT_APPS = ["template", "10", "100", "1000", "5000"]

/** Installed into every generated app's node_modules (the app's own dependencies). */
const APP_PACKAGES = ["attio@1.0.4"]

async function main() {
    const options = parseArgs(process.argv.slice(2))
    const scenarios = SCENARIOS.filter(
        (s) => !options.only || options.only.includes(s.id) || options.only.includes(s.tool)
    )
    if (scenarios.length === 0) usage(`nothing matches --only (known: ${selectors().join(", ")})`)

    const started = Date.now()
    const load = [os.loadavg()[0]]
    const deps = installDependencies([...new Set([...APP_PACKAGES, ...SCENARIOS.flatMap((s) => s.packages)])].sort())
    const memory = memoryProbe()
    const rows = []
    const notes = []
    if (!memory) notes.push("Peak memory not measured: /usr/bin/time (GNU) is not available.")
    // As users run it: installed in a node_modules folder, where it keeps its compile cache (unless --lint says otherwise).
    const lintBin = options.lintBin ?? installLinter()
    const compileCache = await compileCacheOf(lintBin)
    if (!compileCache) {
        notes.push(
            `${path.relative(REPO, lintBin)} is in no node_modules folder: attio-lint keeps no compile cache there.`
        )
    } else if (!("enableCompileCache" in module)) {
        notes.push(
            `Node ${process.version} has no module.enableCompileCache (Node 22.1+): attio-lint's compile cache holds a V8 code cache of its TypeScript subset only, not of its own modules.`
        )
    }

    for (const name of options.apps) {
        const ctx = {...(await generateApp(name, deps)), lintBin, compileCache}
        log(`\n${ctx.label} (${ctx.sourceFiles} source files): ${path.relative(REPO, ctx.app)}`)
        const measured = []
        for (const scenario of scenarios) {
            const available = scenario.available ? scenario.available(ctx) : true
            if (available !== true) {
                log(`  ${scenario.label}: skipped, ${available}`)
                addNote(notes, `${scenario.label}: skipped, ${available}.`)
                continue
            }
            const floorScenario = scenario.pairFloor ? SCENARIOS.find((s) => s.floor) : undefined
            const runs = options.runs ?? runsFor(scenario, name)
            measured.push({scenario, ...measure(scenario, ctx, runs, memory, floorScenario)})
        }
        rows.push(...rowsOf(measured, name, ctx, notes))
    }
    load.push(os.loadavg()[0])

    const minutes = (Date.now() - started) / 6e4
    const run = {rows, notes, deps, scenarios, lintBin, load, minutes, argv: process.argv.slice(2)}
    log(`\n${formatTable(rows)}\n\n${formatTargets(rows)}`)
    for (const note of notes) log(note)
    // RESULTS.md holds a whole run: a run of some scenarios only would replace the others' figures with dashes.
    if (options.write && options.only) log("\nA run with --only leaves bench/RESULTS.md alone.")
    else if (options.write) {
        writeFileSync(RESULTS_FILE, resultsMarkdown(run))
        log(`\nWritten to ${path.relative(process.cwd(), RESULTS_FILE) || RESULTS_FILE}`)
    }
    // A failed measurement (a crash, a wrong exit code, errors on the generated app) fails the bench.
    if (rows.some((r) => r.failure)) process.exitCode = 1
}

function runsFor(scenario, app) {
    return typeof scenario.runs === "number" ? scenario.runs : (scenario.runs[app] ?? scenario.runs.default)
}

function selectors() {
    return [...new Set(SCENARIOS.flatMap((s) => [s.tool, s.id]))]
}

function parseArgs(argv) {
    const options = {
        apps: DEFAULT_APPS,
        only: undefined,
        runs: undefined,
        lintBin: undefined,
        write: true,
    }
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i]
        const [name, inline] = arg.startsWith("--") && arg.includes("=") ? arg.split(/=(.*)/s) : [arg, undefined]
        const value = () => {
            const v = inline ?? argv[++i]
            if (v === undefined || v === "") usage(`${name} needs a value`)
            return v
        }
        switch (name) {
            case "--apps":
            case "--handlers":
                options.apps = value()
                    .split(",")
                    .map((a) => (a.trim() === "template" ? "template" : String(positiveInt(a, name))))
                break
            case "--only":
                options.only = value()
                    .split(",")
                    .map((s) => s.trim())
                break
            case "--runs":
                options.runs = positiveInt(value(), name)
                break
            case "--lint":
                options.lintBin = path.resolve(value())
                break
            case "--no-write":
                options.write = false
                break
            case "-h":
            case "--help":
                process.stdout.write(helpText())
                process.exit(0)
                break
            default:
                usage(`unknown argument ${arg}`)
        }
    }
    return options
}

function positiveInt(text, name) {
    const n = Number(text)
    if (!Number.isInteger(n) || n < 1) usage(`${name} takes positive integers, got "${text}"`)
    return n
}

function helpText() {
    return [
        "Usage: node bench/run.js [--apps template,10,100,1000,5000] [--only TOOL|ID,...] [--runs N] [--lint FILE] [--no-write]",
        "",
        `  --apps       the generated apps: "template" (about 50 files) and handler counts (default ${DEFAULT_APPS.join(",")})`,
        `  --only       only these tools or scenarios (${selectors().join(", ")})`,
        "  --runs       timed runs per scenario instead of each scenario's own number",
        "  --lint       the attio-lint script to time (default: the build, installed in bench/.cache/installed/node_modules)",
        "  --no-write   print the tables but leave bench/RESULTS.md alone (as every --only run does)",
        "",
    ].join("\n")
}

function usage(message) {
    process.stderr.write(`bench: ${message}\n\n${helpText()}`)
    process.exit(2)
}

/** Installs every package the app and the scenarios need once, into a folder keyed by their list. */

main()
