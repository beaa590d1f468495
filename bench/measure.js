/**
 * Measurement: each timed run is a fresh process, timed from spawn to exit and paired with a run of
 * `node -e 0` just before it (the machine's speed at that moment); with GNU time, its peak memory and
 * CPU time too. A scenario (bench/scenarios.js) says what to run; bench/report.js turns the times
 * into rows.
 */
import {spawnSync} from "node:child_process"
import {existsSync, readFileSync, rmSync} from "node:fs"
import os from "node:os"
import path from "node:path"

export function memoryProbe() {
    if (process.platform !== "linux" || !existsSync("/usr/bin/time")) return undefined
    const out = path.join(os.tmpdir(), `attio-bench-probe-${process.pid}`)
    const probe = spawnSync("/usr/bin/time", ["-f", "%M", "-o", out, process.execPath, "-e", ""], {stdio: "ignore"})
    const ok = probe.status === 0 && existsSync(out) && Number(readFileSync(out, "utf8").trim()) > 0
    rmSync(out, {force: true})
    return ok ? {file: path.join(os.tmpdir(), `attio-bench-rss-${process.pid}`)} : undefined
}

/** Times the scenario's runs, each a fresh process. */
export function measure(scenario, ctx, runs, memory, floorScenario) {
    try {
        return timeRuns(scenario, ctx, runs, memory, floorScenario)
    } finally {
        if (memory) rmSync(memory.file, {force: true})
    }
}

function timeRuns(scenario, ctx, runs, memory, floorScenario) {
    const times = []
    const nodeTimes = []
    const floorTimes = floorScenario ? [] : undefined
    // CPU seconds (user + system) of each process: what load from other work inflates least.
    const cpuTimes = []
    const nodeCpuTimes = []
    const floorCpuTimes = []
    const setupFailure = scenario.setup?.(ctx)
    if (setupFailure) return {times, nodeTimes, failure: `untimed first run: ${setupFailure}`}
    let peakKb
    for (let run = 0; run < runs; run++) {
        scenario.beforeEach?.(ctx, run)
        // Node's own start, timed just before: the machine's speed at this very moment.
        const node = runOnce([process.execPath, "-e", "0"], {stdio: "ignore"}, memory)
        nodeTimes.push(node.seconds)
        if (node.cpu !== undefined) nodeCpuTimes.push(node.cpu)
        let timed
        try {
            timed = runOnce(scenario.command(ctx), spawnOptions(ctx, scenario.env), memory)
        } finally {
            scenario.afterEach?.(ctx, run)
        }
        const {result, seconds} = timed
        if (result.error) return {times, nodeTimes, failure: result.error.message}
        const failure = scenario.check?.(result, ctx)
        if (failure) return {times, nodeTimes, failure}
        if (floorScenario) {
            const floor = runOnce(floorScenario.command(ctx), spawnOptions(ctx, {}), memory)
            if (floor.result.status !== 0)
                return {times, nodeTimes, failure: `paired floor run: ${checkExitZero(floor.result)}`}
            floorTimes.push(floor.seconds)
            if (floor.cpu !== undefined) floorCpuTimes.push(floor.cpu)
        }
        times.push(seconds)
        if (timed.kb > 0) peakKb = Math.max(peakKb ?? 0, timed.kb)
        if (timed.cpu !== undefined) cpuTimes.push(timed.cpu)
        const paired = floorTimes ? `, parse-only: ${floorTimes.at(-1).toFixed(2)} s` : ""
        const cpu = timed.cpu === undefined ? "" : `, cpu ${timed.cpu.toFixed(2)} s`
        log(
            `  ${scenario.label}: run ${run + 1}/${runs} ${seconds.toFixed(2)} s${cpu} (node -e 0: ${nodeTimes.at(-1).toFixed(2)} s${paired})`
        )
    }
    const medianOf = (values) => (values.length ? median(values) : undefined)
    return {
        times,
        nodeTimes,
        floorTimes,
        median: median(times),
        cpu: medianOf(cpuTimes),
        nodeCpu: medianOf(nodeCpuTimes),
        floorCpu: floorScenario ? medianOf(floorCpuTimes) : undefined,
        peakKb,
    }
}

/**
 * One process, timed from spawn to exit; with GNU time (memory), also its peak resident memory (KiB)
 * and CPU seconds.
 */
function runOnce([command, ...args], options, memory) {
    const [file, argv] = memory
        ? ["/usr/bin/time", ["-f", "%M %U %S", "-o", memory.file, command, ...args]]
        : [command, args]
    const start = process.hrtime.bigint()
    const result = spawnSync(file, argv, options)
    const seconds = Number(process.hrtime.bigint() - start) / 1e9
    if (!memory || result.error) return {result, seconds}
    const [kb, user, system] = readFileSync(memory.file, "utf8").trim().split("\n").pop().split(" ").map(Number)
    return {result, seconds, kb, cpu: user + system >= 0 ? user + system : undefined}
}

export function splitCommand([command, ...args]) {
    return [command, args]
}

export function spawnOptions(ctx, env) {
    // No colours, no update notices, nothing that depends on a terminal.
    return {
        cwd: ctx.app,
        encoding: "utf8",
        maxBuffer: 1 << 30,
        env: {...process.env, NO_COLOR: "1", FORCE_COLOR: "0", CI: "true", ...env},
    }
}

export function median(values) {
    const sorted = [...values].sort((a, b) => a - b)
    const mid = Math.floor(sorted.length / 2)
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

export function checkExitZero(result) {
    if (result.status === 0) return undefined
    return `exit ${result.status}: ${firstLine(result.stdout) || firstLine(result.stderr)}`
}

export function firstLine(text) {
    return (text ?? "").trim().split("\n")[0]?.slice(0, 200) ?? ""
}

export function log(message) {
    process.stdout.write(`${message}\n`)
}
