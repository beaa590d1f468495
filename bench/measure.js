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
    const setupFailure = scenario.setup?.(ctx)
    if (setupFailure) return {times, nodeTimes, failure: `untimed first run: ${setupFailure}`}
    let peakKb
    // CPU seconds (user + system) of the timed process: what load from other work inflates least.
    const cpuTimes = []
    for (let run = 0; run < runs; run++) {
        scenario.beforeEach?.(ctx, run)
        // Node's own start, timed just before: the machine's speed at this very moment.
        nodeTimes.push(timed(() => spawnSync(process.execPath, ["-e", "0"], {stdio: "ignore"})).seconds)
        const [command, args] = splitCommand(scenario.command(ctx))
        const [file, argv] = memory
            ? ["/usr/bin/time", ["-f", "%M %U %S", "-o", memory.file, command, ...args]]
            : [command, args]
        let result
        let seconds
        try {
            ;({result, seconds} = timed(() => spawnSync(file, argv, spawnOptions(ctx, scenario.env))))
        } finally {
            scenario.afterEach?.(ctx, run)
        }
        if (result.error) return {times, nodeTimes, failure: result.error.message}
        const failure = scenario.check?.(result, ctx)
        if (failure) return {times, nodeTimes, failure}
        if (floorScenario) {
            const floor = timed(() => spawnSync(...splitCommand(floorScenario.command(ctx)), spawnOptions(ctx, {})))
            if (floor.result.status !== 0) return {times, nodeTimes, failure: `paired floor run: ${checkExitZero(floor.result)}`}
            floorTimes.push(floor.seconds)
        }
        times.push(seconds)
        if (memory) {
            const [kb, user, system] = readFileSync(memory.file, "utf8").trim().split("\n").pop().split(" ").map(Number)
            if (kb > 0) peakKb = Math.max(peakKb ?? 0, kb)
            if (user + system >= 0) cpuTimes.push(user + system)
        }
        const paired = floorTimes ? `, parse-only: ${floorTimes.at(-1).toFixed(2)} s` : ""
        log(`  ${scenario.label}: run ${run + 1}/${runs} ${seconds.toFixed(2)} s (node -e 0: ${nodeTimes.at(-1).toFixed(2)} s${paired})`)
    }
    return {times, nodeTimes, floorTimes, median: median(times), cpu: cpuTimes.length ? median(cpuTimes) : undefined, peakKb}
}

function timed(spawn) {
    const start = process.hrtime.bigint()
    const result = spawn()
    return {result, seconds: Number(process.hrtime.bigint() - start) / 1e9}
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
