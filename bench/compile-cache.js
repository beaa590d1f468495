/**
 * Does Node's compile cache (module.enableCompileCache(), Node ≥ 22.1) make the TypeScript subset
 * (src/build/typescript-syntax.ts) unnecessary? docs/performance.md ("The compile cache") has the method and
 * the result. Run it with the Node to measure:
 *
 *     <node> bench/compile-cache.js [--runs 7] [--apps app-layout,documented-layout,1000]
 *
 * Three builds of attio-lint, each a copy of this repository's dist/ (npm run build first) in a temp folder:
 * - subset: the build as it is;
 * - full: the same without dist/typescript-syntax.cjs, so the syntactic path loads the full TypeScript bundle
 *   (typescriptSyntax()'s fallback);
 * - full+cache: the full one, started through an entry that calls module.enableCompileCache(<dir>) before it
 *   imports the bin (whose own call then does nothing); subset+cache: the build as it is, with the compile cache
 *   it turns on itself (src/cli/compile-cache.ts: the copies sit in a node_modules folder, as installed). Both are
 *   skipped on a Node without the cache; the variants without it set NODE_DISABLE_COMPILE_CACHE=1.
 * First, the load alone (loadCosts). Scenarios: cold (facts cache deleted before each run; the compile cache primed by one untimed run, as after any
 * earlier run), first (both caches deleted: the very first run, which writes the compile cache) and warm (nothing
 * changed since an untimed run). Each timed run is paired with `node -e 0` on the same Node (bench/measure.js);
 * the figures are medians of CPU time (user + system).
 */
import {spawnSync} from "node:child_process"
import {cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync} from "node:fs"
import module, {createRequire} from "node:module"
import os from "node:os"
import path from "node:path"

import {generateApp, installPackageCopy, REPO} from "./apps.js"
import {checkExitZero, measure, median, memoryProbe} from "./measure.js"

const SDK_DEPS = "/tmp/generator-attio-app-sdk/1.0.4"
const EXAMPLES = ["app-layout", "documented-layout"]
const BIN = "dist/src/cli/attio-lint.js"
/** attio-lint stores its warm report only for files older than two seconds (src/lint/warm-report.ts). */
const SETTLE_MS = 2100

function parseArgs(argv) {
    const options = {runs: 7, apps: [...EXAMPLES, "1000"]}
    for (let i = 0; i < argv.length; i++) {
        if (argv[i] === "--runs") options.runs = Number(argv[++i])
        else if (argv[i] === "--apps") options.apps = argv[++i].split(",").filter(Boolean)
        else throw new Error(`unknown argument ${argv[i]}`)
    }
    return options
}

/** A copy of the built package (dist/ and package.json; node_modules linked), with or without the subset. */
function packageCopy(work, name, subset) {
    // Installed, as far as the bin can tell: it keeps its compile cache in the node_modules folder that holds it.
    const dir = installPackageCopy(REPO, path.join(work, "node_modules"), name)
    if (!subset) rmSync(path.join(dir, "dist/typescript-syntax.cjs"))
    // What the bin would do first thing: enable the cache, then load everything else.
    writeFileSync(
        path.join(dir, "cached.mjs"),
        'import module, {createRequire} from "node:module"\nmodule.enableCompileCache(process.env.ATTIO_BENCH_COMPILE_CACHE)\n' +
            `await import("./${BIN}")\n`
    )
    return dir
}

function variants(work) {
    const subset = packageCopy(work, "subset", true)
    const full = packageCopy(work, "full", false)
    const list = [
        {name: "subset", bin: path.join(subset, BIN), typescript: "syntax"},
        {name: "full", bin: path.join(full, BIN), typescript: "full"},
    ]
    if (typeof module.enableCompileCache === "function") {
        const cache = path.join(work, "compile-cache-full")
        list.push({name: "full+cache", bin: path.join(full, "cached.mjs"), typescript: "full", cache})
        // The bin's own: src/cli/compile-cache.ts.
        const own = path.join(work, "node_modules/.cache/attio-lint-compile")
        list.push({name: "subset+cache", bin: path.join(subset, BIN), typescript: "syntax", cache: own})
    }
    return list
}

async function appContexts(work, names) {
    const apps = []
    for (const name of names) {
        if (EXAMPLES.includes(name)) {
            const app = path.join(work, name)
            cpSync(path.join(REPO, "examples", name), app, {recursive: true})
            symlinkSync(path.join(SDK_DEPS, "node_modules"), path.join(app, "node_modules"), "dir")
            apps.push({app, name, handlers: 1, writtenAt: Date.now()})
        } else {
            apps.push(await generateApp(name, {dir: SDK_DEPS}))
        }
    }
    return apps
}

function lintCommand(ctx) {
    return [process.execPath, ctx.lintBin, ctx.app, "--format", "json", "--cache-location", ctx.lintCache, "--debug"]
}

/** Exit 0 or 1 with JSON on stdout, and the TypeScript the variant should load (none on a warm run). */
function checkRun(expected) {
    return (result) => {
        if (result.status !== 0 && result.status !== 1) return checkExitZero(result)
        const line = result.stderr.split("\n").find((l) => l.startsWith("attio-lint: {"))
        const stats = line && JSON.parse(line.slice("attio-lint: ".length))
        if (!stats) return "no statistics on stderr (--debug)"
        return stats.typescript === expected ? undefined : `TypeScript loaded: ${stats.typescript}, not ${expected}`
    }
}

function untimedRun(ctx, env) {
    const wait = ctx.writtenAt + SETTLE_MS - Date.now()
    if (wait > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, wait)
    const [command, ...args] = lintCommand(ctx)
    const result = spawnSync(command, args, {cwd: ctx.app, encoding: "utf8", env: {...process.env, ...env}})
    return result.status === 0 || result.status === 1 ? undefined : checkExitZero(result)
}

function scenarios(variant) {
    // The bin turns the cache on itself: off means off.
    const env = variant.cache ? {ATTIO_BENCH_COMPILE_CACHE: variant.cache} : {NODE_DISABLE_COMPILE_CACHE: "1"}
    const clearCompileCache = () => variant.cache && rmSync(variant.cache, {recursive: true, force: true})
    const list = [
        {
            label: `${variant.name}, cold`,
            env,
            setup: (ctx) => untimedRun(ctx, env),
            beforeEach: (ctx) => rmSync(ctx.lintCache, {recursive: true, force: true}),
            afterEach: (ctx) => (ctx.writtenAt = Date.now()),
            command: lintCommand,
            check: checkRun(variant.typescript),
        },
        {
            label: `${variant.name}, warm`,
            env,
            setup: (ctx) => untimedRun(ctx, env),
            command: lintCommand,
            check: checkRun("none"),
        },
    ]
    if (variant.cache) {
        list.splice(1, 0, {
            label: `${variant.name}, first run`,
            env,
            beforeEach: (ctx) => {
                rmSync(ctx.lintCache, {recursive: true, force: true})
                clearCompileCache()
            },
            afterEach: (ctx) => (ctx.writtenAt = Date.now()),
            command: lintCommand,
            check: checkRun(variant.typescript),
        })
    }
    return list
}

/**
 * The load alone, measured inside a fresh process with process.cpuUsage() (microseconds, where GNU time counts
 * tens of milliseconds): require() of the subset or of the full bundle, with the compile cache off, or on and
 * already written by an earlier process.
 */
function loadCosts(runs) {
    const bundles = {subset: path.join(REPO, "dist/typescript-syntax.cjs"), full: fullBundle()}
    const withCache = typeof module.enableCompileCache === "function"
    const rows = []
    for (const [name, file] of Object.entries(bundles)) {
        for (const cached of withCache ? [false, true] : [false]) {
            const cache = mkdtempSync(path.join(os.tmpdir(), "attio-compile-cache-load-"))
            const script =
                (cached ? `require("node:module").enableCompileCache(${JSON.stringify(cache)});` : "") +
                `const t = process.cpuUsage(); require(${JSON.stringify(file)}); const d = process.cpuUsage(t);` +
                "console.log(d.user + d.system)"
            const once = () => Number(spawnSync(process.execPath, ["-e", script], {encoding: "utf8"}).stdout) / 1000
            if (cached) once()
            const times = Array.from({length: runs}, once)
            rmSync(cache, {recursive: true, force: true})
            rows.push({bundle: name, cache: cached, ms: median(times)})
        }
    }
    return rows
}

function fullBundle() {
    return createRequire(path.join(REPO, "package.json")).resolve("@ts-morph/common/dist/typescript.js")
}

async function main() {
    const options = parseArgs(process.argv.slice(2))
    const loads = loadCosts(Math.max(options.runs, 11))
    const memory = memoryProbe()
    if (!memory) throw new Error("CPU times need GNU time at /usr/bin/time")
    const work = mkdtempSync(path.join(os.tmpdir(), "attio-compile-cache-"))
    const rows = []
    try {
        const all = variants(work)
        for (const base of await appContexts(work, options.apps)) {
            for (const variant of all) {
                const ctx = {...base, lintBin: variant.bin, lintCache: path.join(work, `lint-cache-${variant.name}`)}
                for (const scenario of scenarios(variant)) {
                    const measured = measure(scenario, ctx, options.runs, memory)
                    if (measured.failure) throw new Error(`${base.name}, ${scenario.label}: ${measured.failure}`)
                    rows.push({app: base.name, scenario: scenario.label, cpu: measured.cpu, node: measured.nodeCpu})
                }
                rmSync(ctx.lintCache, {recursive: true, force: true})
            }
        }
    } finally {
        rmSync(work, {recursive: true, force: true})
    }
    const ms = (s) => `${Math.round(s * 1000)}`
    console.log(
        `\n${process.version}: require() of each bundle, CPU ms in-process (median of ${Math.max(options.runs, 11)})\n`
    )
    console.log("| bundle | compile cache | load |\n|---|---|---:|")
    for (const r of loads) console.log(`| ${r.bundle} | ${r.cache ? "on, written" : "off"} | ${r.ms.toFixed(1)} |`)
    console.log(`\n${process.version}, ${options.runs} runs each, CPU ms (median)\n`)
    console.log("| app | build, scenario | attio-lint | node -e 0 | difference |")
    console.log("|---|---|---:|---:|---:|")
    for (const r of rows)
        console.log(`| ${r.app} | ${r.scenario} | ${ms(r.cpu)} | ${ms(r.node)} | ${ms(r.cpu - r.node)} |`)
}

await main()
