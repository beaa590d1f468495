#!/usr/bin/env node
/**
 * `npm run bench`: attio-lint against the tools users know, on generated Attio apps.
 *
 *   node bench/run.js [--handlers 10,100,1000] [--scenarios id,id] [--runs N] [--lint FILE] [--no-write]
 *
 * For each handler count it generates an app under bench/apps/ (gitignored), links the cached
 * dependencies into it (bench/.cache/, gitignored; installed once with --ignore-scripts), then runs
 * every scenario below, each run in a fresh process, and prints medians, the ratio to the baseline
 * scenario (tsc) and peak memory. The table is also written to bench/RESULTS.md.
 *
 * To add a scenario (warm cache, one file changed, a staged file, TypeScript 7's native tsc,
 * ESLint ...), add an object to SCENARIOS: the functions after it need no change.
 */
import {createHash} from "node:crypto"
import {existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync} from "node:fs"
import os from "node:os"
import path from "node:path"
import {spawnSync} from "node:child_process"
import {fileURLToPath} from "node:url"

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url))
const REPO = path.dirname(BENCH_DIR)
const APPS_DIR = path.join(BENCH_DIR, "apps")
const CACHE_DIR = path.join(BENCH_DIR, ".cache")
const RESULTS_FILE = path.join(BENCH_DIR, "RESULTS.md")
const DEFAULT_LINT_BIN = path.join(REPO, "dist/src/cli/attio-lint.js")

const DEFAULT_HANDLERS = [1000]

/** Installed into every generated app's node_modules (the app's own dependencies). */
const APP_PACKAGES = ["attio@1.0.4"]

/*
 * The scenarios. Fields:
 *   id          what --scenarios selects; label: the table's first column
 *   runs        timed runs per handler count (the median is reported)
 *   baseline    the scenario the others are compared with (exactly one)
 *   packages    npm packages the scenario needs; all scenarios' packages are installed together
 *   available   (ctx) => true, or a string saying why the scenario cannot run (it is then skipped)
 *   setup       (ctx) => void, once per app before the timed runs (e.g. fill a cache)
 *   beforeEach  (ctx, run) => void, before each timed run, not timed (e.g. change one file)
 *   command     (ctx) => [executable, ...args], run with the app's folder as cwd
 *   check       (result, ctx) => undefined when the run is valid, else a short reason
 * ctx: {app, handlers, deps (the folder holding node_modules), handlerFiles (absolute paths),
 *      lintBin (the attio-lint script to time)}
 */
const SCENARIOS = [
    {
        id: "attio-lint-cold",
        label: "attio-lint (cold)",
        runs: 5,
        packages: [],
        available: (ctx) => existsSync(ctx.lintBin) || `${path.relative(REPO, ctx.lintBin)} is missing (npm run build)`,
        // Cold: any cache the linter keeps in the app is removed before each run.
        beforeEach: (ctx) =>
            rmSync(path.join(ctx.app, "node_modules/.cache/attio-lint"), {recursive: true, force: true}),
        command: (ctx) => [process.execPath, ctx.lintBin, ctx.app, "--format", "json"],
        check: checkLintRun,
    },
    {
        id: "tsc",
        label: "tsc 5.9 --noEmit",
        runs: 3,
        baseline: true,
        packages: ["typescript@5.9"],
        available: (ctx) => existsSync(tscBin(ctx)) || "typescript is not installed in the bench cache",
        command: (ctx) => [process.execPath, tscBin(ctx), "--noEmit", "-p", ctx.app],
        check: (result) => (result.status === 0 ? undefined : `exit ${result.status}: ${firstLine(result.stdout)}`),
    },
]

function tscBin(ctx) {
    return path.join(ctx.deps, "node_modules/typescript/bin/tsc")
}

/** attio-lint must exit 0 or 1 and print ESLint's JSON shape; errors in a generated app are a bug. */
function checkLintRun(result) {
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
    if (errors === 0) return undefined
    const file = files.find((f) => f.errorCount > 0)
    const first = file.messages.find((m) => m.severity === 2)
    const where = `${path.basename(file.filePath)}:${first?.line}`
    return `${errors} error${errors === 1 ? "" : "s"} reported on the generated app (first: ${first?.ruleId} at ${where})`
}

// ---------------------------------------------------------------------------------------------

function main() {
    const options = parseArgs(process.argv.slice(2))
    const scenarios = SCENARIOS.filter((s) => !options.scenarios || options.scenarios.includes(s.id))
    if (scenarios.length === 0)
        usage(`no scenario matches --scenarios (known: ${SCENARIOS.map((s) => s.id).join(", ")})`)

    const deps = installDependencies()
    const memory = memoryProbe()
    const rows = []
    const notes = []
    if (!memory) notes.push("Peak memory not measured: /usr/bin/time (GNU) is not available.")

    for (const handlers of options.handlers) {
        const ctx = {...generateApp(handlers, deps), lintBin: options.lintBin}
        log(`\n${handlers} handlers: ${path.relative(REPO, ctx.app)}`)
        const measured = []
        for (const scenario of scenarios) {
            const available = scenario.available ? scenario.available(ctx) : true
            if (available !== true) {
                log(`  ${scenario.label}: skipped, ${available}`)
                addNote(notes, `${scenario.label}: skipped, ${available}.`)
                continue
            }
            measured.push({scenario, ...measure(scenario, ctx, options.runs ?? scenario.runs, memory)})
        }
        const baseline = measured.find((m) => m.scenario.baseline && !m.failure)
        for (const m of measured) {
            rows.push({
                label: m.scenario.label,
                handlers,
                median: m.failure ? undefined : m.median,
                ratio: m.failure || !baseline ? undefined : m.median / baseline.median,
                peakMb: m.peakKb === undefined ? undefined : m.peakKb / 1024,
                runs: m.times.length,
                failure: m.failure,
            })
            if (m.failure) addNote(notes, `${m.scenario.label}, ${handlers} handlers: failed, ${m.failure}.`)
        }
    }

    const table = formatTable(rows)
    log(`\n${table}`)
    for (const note of notes) log(note)
    if (options.write) {
        writeFileSync(RESULTS_FILE, resultsMarkdown(table, notes, deps, options.lintBin))
        log(`\nWritten to ${path.relative(process.cwd(), RESULTS_FILE) || RESULTS_FILE}`)
    }
    // A failed measurement (a crash, a wrong exit code, errors on the generated app) fails the bench.
    if (rows.some((r) => r.failure)) process.exitCode = 1
}

function parseArgs(argv) {
    const options = {
        handlers: DEFAULT_HANDLERS,
        scenarios: undefined,
        runs: undefined,
        lintBin: DEFAULT_LINT_BIN,
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
            case "--handlers":
                options.handlers = value()
                    .split(",")
                    .map((n) => positiveInt(n, name))
                break
            case "--scenarios":
                options.scenarios = value()
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
        "Usage: node bench/run.js [--handlers 10,100,1000] [--scenarios id,id] [--runs N] [--lint FILE] [--no-write]",
        "",
        `  --handlers   handler counts of the generated apps (default ${DEFAULT_HANDLERS.join(",")})`,
        `  --scenarios  only these scenarios (${SCENARIOS.map((s) => s.id).join(", ")})`,
        "  --runs       timed runs per scenario instead of each scenario's own number",
        `  --lint       the attio-lint script to time (default ${path.relative(REPO, DEFAULT_LINT_BIN)})`,
        "  --no-write   print the table but leave bench/RESULTS.md alone",
        "",
    ].join("\n")
}

function usage(message) {
    process.stderr.write(`bench: ${message}\n\n${helpText()}`)
    process.exit(2)
}

/** Installs every package the app and the scenarios need once, into a folder keyed by their list. */
function installDependencies() {
    const packages = [...new Set([...APP_PACKAGES, ...SCENARIOS.flatMap((s) => s.packages)])].sort()
    const key = createHash("sha256").update(packages.join("\n")).digest("hex").slice(0, 12)
    const deps = path.join(CACHE_DIR, `deps-${key}`)
    const stamp = path.join(deps, ".installed")
    if (existsSync(stamp)) return {dir: deps, packages}

    log(`Installing ${packages.join(" ")} into ${path.relative(REPO, deps)} (once) ...`)
    rmSync(deps, {recursive: true, force: true})
    mkdirSync(deps, {recursive: true})
    writeFileSync(
        path.join(deps, "package.json"),
        JSON.stringify({name: "attio-lint-bench-deps", private: true}, null, 2)
    )
    const npm = process.platform === "win32" ? "npm.cmd" : "npm"
    const result = spawnSync(
        npm,
        ["install", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error", ...packages],
        {cwd: deps, stdio: ["ignore", "inherit", "inherit"], shell: process.platform === "win32"}
    )
    if (result.status !== 0) {
        process.stderr.write(`bench: npm install failed (${result.error?.message ?? `exit ${result.status}`})\n`)
        process.exit(2)
    }
    writeFileSync(stamp, `${packages.join("\n")}\n`)
    return {dir: deps, packages}
}

/** GNU time reports a child's peak RSS (`%M`, in KiB); spawnSync itself cannot. */
function memoryProbe() {
    if (process.platform !== "linux" || !existsSync("/usr/bin/time")) return undefined
    const out = path.join(os.tmpdir(), `attio-bench-probe-${process.pid}`)
    const probe = spawnSync("/usr/bin/time", ["-f", "%M", "-o", out, process.execPath, "-e", ""], {stdio: "ignore"})
    const ok = probe.status === 0 && existsSync(out) && Number(readFileSync(out, "utf8").trim()) > 0
    rmSync(out, {force: true})
    return ok ? {file: path.join(os.tmpdir(), `attio-bench-rss-${process.pid}`)} : undefined
}

/** Times the scenario's runs, each a fresh process. */
function measure(scenario, ctx, runs, memory) {
    try {
        return timeRuns(scenario, ctx, runs, memory)
    } finally {
        if (memory) rmSync(memory.file, {force: true})
    }
}

function timeRuns(scenario, ctx, runs, memory) {
    scenario.setup?.(ctx)
    const times = []
    let peakKb
    for (let run = 0; run < runs; run++) {
        scenario.beforeEach?.(ctx, run)
        const [command, ...args] = scenario.command(ctx)
        const [file, argv] = memory
            ? ["/usr/bin/time", ["-f", "%M", "-o", memory.file, command, ...args]]
            : [command, args]
        const start = process.hrtime.bigint()
        const result = spawnSync(file, argv, {cwd: ctx.app, encoding: "utf8", maxBuffer: 1 << 30, env: benchEnv()})
        const seconds = Number(process.hrtime.bigint() - start) / 1e9
        if (result.error) return {times, failure: result.error.message}
        const failure = scenario.check?.(result, ctx)
        if (failure) return {times, failure}
        times.push(seconds)
        if (memory) {
            const kb = Number(readFileSync(memory.file, "utf8").trim().split("\n").pop())
            if (kb > 0) peakKb = Math.max(peakKb ?? 0, kb)
        }
        log(`  ${scenario.label}: run ${run + 1}/${runs} ${seconds.toFixed(2)} s`)
    }
    return {times, median: median(times), peakKb}
}

function benchEnv() {
    // No colours, no update notices, nothing that depends on a terminal.
    return {...process.env, NO_COLOR: "1", FORCE_COLOR: "0", CI: "true"}
}

function median(values) {
    const sorted = [...values].sort((a, b) => a - b)
    const mid = Math.floor(sorted.length / 2)
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

// --- the generated app ------------------------------------------------------------------------

/**
 * bench/apps/<N>-handlers: an Attio app in the src/app layout with N webhook handlers (every tenth
 * one nested under crm/), a connection-added that creates them all and registers them with the
 * third party, and a connection-removed that cleans them up. Regenerated on every run.
 */
function generateApp(handlers, deps) {
    const app = path.join(APPS_DIR, `${handlers}-handlers`)
    rmSync(app, {recursive: true, force: true})
    const write = (rel, text) => {
        const file = path.join(app, rel)
        mkdirSync(path.dirname(file), {recursive: true})
        writeFileSync(file, text)
        return file
    }
    write("package.json", appPackageJson(handlers))
    write("tsconfig.json", APP_TSCONFIG)
    const ids = Array.from({length: handlers}, (_, i) => handlerId(i + 1))
    const handlerFiles = ids.map((id, i) => write(`src/app/webhooks/${id}.webhook.ts`, webhookSource(id, i + 1)))
    write("src/app/events/connection-added.event.ts", connectionAddedSource(ids))
    write("src/app/events/connection-removed.event.ts", CONNECTION_REMOVED_SOURCE)
    symlinkSync(path.join(deps.dir, "node_modules"), path.join(app, "node_modules"), "dir")
    return {app, handlers, deps: deps.dir, handlerFiles}
}

function handlerId(n) {
    const name = `${["contact", "lead", "account", "deal", "meeting"][n % 5]}-sync-${String(n).padStart(4, "0")}`
    return n % 10 === 0 ? `crm/${name}` : name
}

function pascalCase(id) {
    return id
        .split(/[^a-zA-Z0-9]+/)
        .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
        .join("")
}

function appPackageJson(handlers) {
    const pkg = {
        name: `bench-app-${handlers}`,
        description: `Generated by bench/run.js: ${handlers} webhook handlers`,
        private: true,
        version: "0.0.1",
        scripts: {dev: "attio dev", build: "attio build"},
        dependencies: {attio: "^1.0.4"},
        devDependencies: {typescript: "^5.9.2"},
    }
    return `${JSON.stringify(pkg, null, 2)}\n`
}

const APP_TSCONFIG = `${JSON.stringify(
    {
        compilerOptions: {
            esModuleInterop: true,
            forceConsistentCasingInFileNames: true,
            jsx: "react-jsx",
            lib: ["ES2020", "DOM", "DOM.Iterable"],
            module: "ES6",
            moduleResolution: "bundler",
            noFallthroughCasesInSwitch: true,
            noImplicitReturns: true,
            noUnusedLocals: true,
            noEmit: true,
            resolveJsonModule: true,
            skipLibCheck: true,
            strict: true,
            target: "ES2019",
        },
        exclude: ["node_modules"],
        include: ["src"],
    },
    null,
    2
)}\n`

/** A realistic handler of about 45 lines: parse, validate, upsert the person in Attio, answer. */
function webhookSource(id, n) {
    const event = `${id.split("/").pop()}.updated`
    return `import {ATTIO_API_TOKEN} from "attio/server"

type WebhookBody = {
    event: "${event}"
    data: {
        externalId: string
        name: string
        email: string
        score${n % 3 === 0 ? "?" : ""}: number
    }
}

export default async function handle${pascalCase(id)}(req: Request): Promise<Response> {
    let body: WebhookBody
    try {
        body = await req.json()
    } catch {
        return new Response("Request body is not valid JSON", {status: 400})
    }
    if (body.event !== "${event}" || !body.data?.email) {
        return new Response("Unexpected payload", {status: 400})
    }

    const {email, name, externalId} = body.data
    try {
        const response = await fetch(
            "https://api.attio.com/v2/objects/people/records?matching_attribute=email_addresses",
            {
                method: "PUT",
                headers: {
                    Authorization: \`Bearer \${ATTIO_API_TOKEN}\`,
                    "Content-Type": "application/json",
                },
                body: JSON.stringify({
                    data: {values: {email_addresses: [email], description: \`\${name} (\${externalId})\`}},
                }),
            }
        )
        if (!response.ok) {
            console.error(\`Attio rejected ${id} for \${externalId}: \${response.status}\`)
            return new Response(null, {status: 502})
        }
        return new Response(null, {status: 200})
    } catch (error) {
        console.error(error)
        return new Response(null, {status: 500})
    }
}
`
}

/** One statement per handler, the way an app that registers handlers one by one reads. */
function connectionAddedSource(ids) {
    const calls = ids
        .map((id) => `    await register(connection, await createWebhookHandler({fileName: "${id}"}))`)
        .join("\n")
    return `import {
    type Connection,
    createWebhookHandler,
    updateWebhookHandler,
    type WebhookHandler,
} from "attio/server"

async function register(connection: Connection, handler: WebhookHandler) {
    const response = await fetch("https://emailsequencingtool.com/api/v1/webhooks", {
        method: "POST",
        headers: {
            "Content-Type": "application/json",
            Authorization: \`Bearer \${connection.value}\`,
        },
        body: JSON.stringify({name: handler.id, url: handler.url, event: \`\${handler.fileName}.updated\`}),
    })
    if (!response.ok) {
        throw new Error(\`Failed to register webhook \${handler.fileName}: \${response.statusText}\`)
    }
    const webhook: {webhook_id: string} = await response.json()
    await updateWebhookHandler(handler.id, {externalWebhookId: webhook.webhook_id})
}

export default async function connectionAdded({connection}: {connection: Connection}) {
${calls}
}
`
}

const CONNECTION_REMOVED_SOURCE = `import {type Connection, deleteWebhookHandler, listWebhookHandlers} from "attio/server"

export default async function connectionRemoved({connection}: {connection: Connection}) {
    try {
        const handlers = await listWebhookHandlers()
        for (const handler of handlers) {
            try {
                if (handler.externalWebhookId !== null) {
                    const webhookId = encodeURIComponent(handler.externalWebhookId)
                    await fetch(\`https://emailsequencingtool.com/api/v1/webhooks/\${webhookId}\`, {
                        method: "DELETE",
                        headers: {Authorization: \`Bearer \${connection.value}\`},
                    })
                }
                await deleteWebhookHandler(handler.id)
            } catch (error) {
                console.error(\`Failed to remove webhook handler \${handler.id}\`, error)
            }
        }
    } catch (error) {
        console.error("Failed to list webhook handlers", error)
    }
}
`

// --- output -----------------------------------------------------------------------------------

function formatTable(rows) {
    const baseline = SCENARIOS.find((s) => s.baseline)
    const header = ["tool", "handlers", "median s", `vs ${baseline?.id ?? "baseline"}`, "peak MB", "runs"]
    const body = rows.map((r) => [
        r.label,
        String(r.handlers),
        r.failure ? "failed" : r.median.toFixed(2),
        r.ratio === undefined ? "–" : `${r.ratio.toFixed(2)}×`,
        r.peakMb === undefined ? "–" : r.peakMb.toFixed(0),
        String(r.runs),
    ])
    const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)))
    const line = (cells) =>
        `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(" | ")} |`
    const rule = `|${widths.map((w, i) => (i === 0 ? `${"-".repeat(w + 1)}-` : `${"-".repeat(w + 1)}:`)).join("|")}|`
    return [line(header), rule, ...body.map(line)].join("\n")
}

function resultsMarkdown(table, notes, deps, lintBin) {
    const versions = deps.packages
        .map(packageName)
        .map((name) => `${name} ${installedVersion(deps.dir, name)}`)
        .join(", ")
    const cpus = os.cpus()
    return `# attio-lint benchmark

Generated by \`npm run bench\` (bench/run.js) on ${new Date().toISOString().slice(0, 10)}:
Node ${process.version}, ${os.type()} ${os.arch()}, ${cpus.length} CPUs (${cpus[0]?.model.trim() ?? "unknown"}),
${(os.totalmem() / 2 ** 30).toFixed(0)} GiB memory; ${versions}.

${table}

Each run is a fresh process; the median of the runs is shown, with the ratio to tsc on the same app
and the highest peak resident memory of the runs (GNU time's %M).
- attio-lint: \`node ${path.relative(REPO, lintBin)} <app> --format json\`
- tsc: \`tsc --noEmit -p <app>\`

The apps (bench/apps/<N>-handlers) use the src/app layout: N webhook handlers of about 45 lines
each (every tenth under crm/), a connection-added that creates them all with
\`createWebhookHandler({fileName: "..."})\` and registers them at the third party, and a
connection-removed that deletes them. attio and typescript are installed with --ignore-scripts
into bench/.cache and linked into each app as node_modules.
${notes.length ? `\n${notes.map((n) => `- ${n}`).join("\n")}\n` : ""}`
}

/** "attio@1.0.4" -> "attio", "@scope/pkg@1" -> "@scope/pkg". */
function packageName(spec) {
    const at = spec.lastIndexOf("@")
    return at > 0 ? spec.slice(0, at) : spec
}

function installedVersion(dir, name) {
    try {
        return JSON.parse(readFileSync(path.join(dir, "node_modules", name, "package.json"), "utf8")).version
    } catch {
        return "?"
    }
}

function addNote(notes, note) {
    if (!notes.includes(note)) notes.push(note)
}

function firstLine(text) {
    return (text ?? "").trim().split("\n")[0]?.slice(0, 200) ?? ""
}

function log(message) {
    process.stdout.write(`${message}\n`)
}

main()
