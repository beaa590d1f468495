/**
 * The report: rows from the measured runs (medians, the paired `node -e 0`, the ratios to tsc 5.9
 * and to the parse-only floor), the targets judged on them, and bench/RESULTS.md.
 */
import {readFileSync} from "node:fs"
import os from "node:os"
import path from "node:path"

import {LINT_CACHE, REPO} from "./apps.js"
import {median} from "./measure.js"
import {quotient, TARGET_APP, TARGETS} from "./scenarios.js"

function difference(a, b) {
    return a === undefined || b === undefined ? undefined : a - b
}

/** One table row per measured scenario of an app; failures are noted in `notes`. */
export function rowsOf(measured, name, ctx, notes) {
    const baseline = measured.find((m) => m.scenario.baseline && !m.failure)
    const floor = measured.find((m) => m.scenario.floor && !m.failure)
    return measured.map((m) => {
        const ok = !m.failure
        // The floor's own runs, or the ones paired with this scenario's.
        const floorTimes = m.floorTimes ?? floor?.times
        const nodeMedian = ok ? median(m.nodeTimes) : undefined
        if (m.failure) addNote(notes, `${m.scenario.label}, ${ctx.label}: failed, ${m.failure}.`)
        return {
            id: m.scenario.id,
            tool: m.scenario.tool,
            label: m.scenario.label,
            app: name,
            appLabel: ctx.label,
            median: ok ? m.median : undefined,
            min: ok ? Math.min(...m.times) : undefined,
            max: ok ? Math.max(...m.times) : undefined,
            node: nodeMedian,
            overNode: ok ? m.median - nodeMedian : undefined,
            fastestOverNode: ok ? Math.min(...m.times) - Math.min(...m.nodeTimes) : undefined,
            ratio: ok && baseline ? m.median / baseline.median : undefined,
            fastestRatio: ok && baseline ? Math.min(...m.times) / Math.min(...baseline.times) : undefined,
            floorRatio: ok && floorTimes ? m.median / median(floorTimes) : undefined,
            fastestFloorRatio: ok && floorTimes ? Math.min(...m.times) / Math.min(...floorTimes) : undefined,
            cpu: ok ? m.cpu : undefined,
            cpuOverNode: ok ? difference(m.cpu, m.nodeCpu) : undefined,
            cpuRatio: ok && baseline ? quotient(m.cpu, baseline.cpu) : undefined,
            cpuFloorRatio: ok ? quotient(m.cpu, m.floorCpu ?? floor?.cpu) : undefined,
            peakMb: m.peakKb === undefined ? undefined : m.peakKb / 1024,
            runs: m.times.length,
            failure: m.failure,
        }
    })
}

export function formatTable(rows) {
    const header = [
        "tool",
        "app",
        "median s",
        "node -e 0 s",
        "over node s",
        "min–max s",
        "cpu s",
        "cpu over node s",
        "vs tsc 5.9",
        "vs parse-only",
        "peak MB",
        "runs",
    ]
    const fixed = (n, digits = 2) => (n === undefined ? "–" : n.toFixed(digits))
    const body = rows.map((r) => [
        r.label,
        r.appLabel,
        r.failure ? "failed" : fixed(r.median),
        fixed(r.node),
        signed(r.overNode),
        r.failure ? "–" : `${r.min.toFixed(2)}–${r.max.toFixed(2)}`,
        fixed(r.cpu),
        signed(r.cpuOverNode),
        r.ratio === undefined ? "–" : `${r.ratio.toFixed(2)}×`,
        r.floorRatio === undefined ? "–" : `${r.floorRatio.toFixed(2)}×`,
        fixed(r.peakMb, 0),
        String(r.runs),
    ])
    return markdownTable(header, body)
}

function signed(n) {
    return n === undefined ? "–" : `${n >= 0 ? "+" : ""}${n.toFixed(2)}`
}

/**
 * The targets, judged on the medians; the same numbers from each scenario's fastest run, and from
 * the median CPU times (the process's and its paired node -e 0's), are shown beside them, since on
 * a shared machine noise only ever adds time, and adds the least to CPU time.
 */
export function formatTargets(rows) {
    const fastest = rows.map((r) => ({
        ...r,
        median: r.min,
        ratio: r.fastestRatio,
        floorRatio: r.fastestFloorRatio,
        overNode: r.fastestOverNode,
    }))
    const cpu = rows.map((r) => ({
        ...r,
        median: r.cpu,
        ratio: r.cpuRatio,
        floorRatio: r.cpuFloorRatio,
        overNode: r.cpuOverNode,
    }))
    const body = TARGETS.map(({target, limit, unit, value}) => {
        // Judged as shown: the noise on this machine is larger than the digits left out.
        const [measured, best, onCpu] = [rows, fastest, cpu].map((view) =>
            value(targetLookup(view), view)?.toFixed(unit === " MB" ? 0 : 2)
        )
        const shown = (n) => (n === undefined ? "–" : `${n}${unit}`)
        if (measured === undefined) return [target, "–", "–", "–", "not measured"]
        return [target, shown(measured), shown(best), shown(onCpu), Number(measured) <= limit ? "PASS" : "MISS"]
    })
    return markdownTable(["target", "median", "fastest runs", "on CPU time", "result"], body)
}

function targetLookup(rows) {
    return (id, app = TARGET_APP) => rows.find((r) => r.id === id && r.app === app && !r.failure) ?? {}
}

/** A Markdown table, aligned for the terminal: the first column left, the others right. */
function markdownTable(header, body) {
    const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)))
    const line = (cells) =>
        `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(" | ")} |`
    const rule = `|${widths.map((w, i) => (i === 0 ? `${"-".repeat(w + 1)}-` : `${"-".repeat(w + 1)}:`)).join("|")}|`
    return [line(header), rule, ...body.map(line)].join("\n")
}

export function resultsMarkdown({rows, notes, deps, scenarios, lintBin, load, minutes, argv}) {
    const versions = deps.packages.map((spec) => installedVersion(deps.dir, packageName(spec))).join(", ")
    const cpus = os.cpus()
    const how = scenarios.map((s) => `- ${s.label}: ${s.how}.`).join("\n")
    return `# attio-lint benchmark

Generated by \`${["node bench/run.js", ...argv].join(" ")}\` (\`npm run bench\` builds, then runs it without options)
on ${new Date().toISOString().slice(0, 10)} in ${minutes.toFixed(1)} minutes:
Node ${process.version}, ${os.type()} ${os.arch()}, ${cpus.length} CPUs (${cpus[0]?.model.trim() ?? "unknown"}),
${(os.totalmem() / 2 ** 30).toFixed(0)} GiB memory; ${versions}. Load average (1 min) ${load[0].toFixed(2)} at the start,
${load[1].toFixed(2)} at the end: the machine is shared, so the numbers carry noise.

${formatTable(rows)}

## Targets (issues 4, 9 and 14; on the ${TARGET_APP}-handler app unless said)

${formatTargets(rows)}

## How it is measured

Each run is a fresh process, timed from spawn to exit, and follows a run of \`node -e 0\` timed the
same way: "node -e 0" is the median of those paired runs and "over node" the scenario's median
minus it, what a run costs beyond starting Node at that moment. The median of the runs is shown with
the fastest and slowest run, the median CPU time (user + system, which the machine's other work
inflates least; a multi-threaded tool such as tsc 7 counts every thread), the ratios to tsc 5.9 and
to the parse-only floor on the same app (the figures that carry across machines), and the highest
peak resident memory of the runs (GNU time's %M: the largest single process, so for tsc 7 the
native binary or its Node wrapper, whichever is larger). "cpu over node" is the median CPU time
minus that of the paired \`node -e 0\` runs: on a machine whose other work stretches wall times
several-fold, the figure that moves least. The targets are judged on the medians;
"fastest runs" computes the same from each scenario's fastest run (and fastest paired node run),
for a machine whose other work only ever adds time, and "on CPU time" from the median CPU times.

${how}

attio-lint runs as users install it: a copy of the current build of the attio-lint package
(packages/attio-lint), made afresh on every bench run inside a node_modules folder under bench/.cache, as
\`node ${path.relative(REPO, lintBin)} <app or file> --format json --cache-location <app>/${LINT_CACHE} --debug\`
(each app has its own cache, which holds the facts and the warm report; --debug prints the run's
statistics, which the bench checks: a cold run parses every file, a warm run none, a run after one
edit exactly one, and none builds a type checker). Besides that one attio-lint keeps only its compile
cache, in the node_modules folder that holds it (src/cli/compile-cache.ts: Node's compile cache on Node
22.1 and later; on Node 20 a V8 code cache of its TypeScript subset); no daemon. "cold" runs find the
compile cache that one untimed run on the app wrote, as after any earlier run on the machine; "cold, first
run" deletes it too, so that run starts from nothing but the installed package. The parse-only floor
loads the subset with a plain \`require\`, no cache: it is the parser's floor. The operating system's file
cache is warm for every tool alike.

The apps use the src/app layout and are made from this project's templates (templates/), never
copied from examples/. "template app" (bench/apps/template): about 50 source files, an empty app
given its two connection events by \`attio-app event\` and 20 webhook handlers by \`attio-app webhook\`
(each registered in connection-added and cleaned up in connection-removed), and server modules that
call Attio's API. "<N> handlers" (bench/apps/<N>-handlers): N webhook handlers rendered from
templates/webhook/handler.ts.ejs (every tenth under crm/), a connection-added with one registration
helper per handler from templates/event/register-webhook.ts.ejs, and a connection-removed with the
delete-webhooks helper, laid out as \`attio-app webhook\` lays them out. The packages above are installed with --ignore-scripts
into bench/.cache and linked into each app as node_modules.
${notes.length ? `\n${notes.map((n) => `- ${n}`).join("\n")}\n` : ""}`
}

/** "attio@1.0.4" -> "attio", "@scope/pkg@1" -> "@scope/pkg", "alias@npm:pkg@1" -> "alias". */
function packageName(spec) {
    return spec.match(/^(@?[^@]+)/)[1]
}

/** "typescript 5.9.3", or "typescript 7.0.2 (as typescript7)" for an alias. */
function installedVersion(dir, name) {
    try {
        const pkg = JSON.parse(readFileSync(path.join(dir, "node_modules", name, "package.json"), "utf8"))
        return `${pkg.name} ${pkg.version}${pkg.name === name ? "" : ` (as ${name})`}`
    } catch {
        return `${name} ?`
    }
}

export function addNote(notes, note) {
    if (!notes.includes(note)) notes.push(note)
}
