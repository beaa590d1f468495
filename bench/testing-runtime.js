#!/usr/bin/env node
/**
 * The testing runtime's speed (not a test): loading an app of 10 webhook handlers with
 * generator-attio-app/testing and delivering one request, in a fresh Node process, beside `node -e 0`.
 *
 *   npm run build && node bench/testing-runtime.js [--runs N]
 *   node bench/testing-runtime.js --deliver APP    one such process on APP: prints the seconds it spent inside
 *
 * The target (issue 13) is under 0.5 s for the whole process. Prints one line per scenario: median and range.
 * `npm run bench` times the same process (--deliver) on its generated app of 10 handlers (scenario
 * "testing-runtime" in bench/scenarios.js, with its target); `npm run bench -- --apps 10 --only testing-runtime`
 * runs that alone.
 */
import {spawnSync} from "node:child_process"
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from "node:fs"
import os from "node:os"
import path from "node:path"
import {fileURLToPath} from "node:url"
import {parseArgs} from "node:util"

const REPO = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const RUNTIME = path.join(REPO, "dist/src/testing/index.js")
const HANDLERS = 10
const TARGET_S = 0.5

const {values} = parseArgs({options: {runs: {type: "string", default: "7"}, deliver: {type: "string"}}})
const runs = Number(values.runs)

/** What the timed process does: import the runtime, load the app, deliver one request to its first handler. */
async function deliverOnce(app) {
    const start = performance.now()
    const {loadApp} = await import(RUNTIME)
    const loaded = await loadApp(app, {fetch: async () => Response.json({})})
    const body = {event: "bench", data: {email: "ada@example.com", domain: "example.com"}}
    const response = await loaded.deliver(loaded.files.webhooks[0].id, {body})
    if (response.status >= 500) throw new Error(`status ${response.status}: ${await response.text()}`)
    // What the runtime itself takes, without Node's own start: the standalone run's second line.
    console.log((performance.now() - start) / 1000)
}

/** An app with HANDLERS webhook handlers, each importing a shared module and the SDK, and a connection-added. */
function writeBenchApp() {
    const root = mkdtempSync(path.join(os.tmpdir(), "attio-testing-bench-"))
    const write = (rel, text) => {
        mkdirSync(path.dirname(path.join(root, rel)), {recursive: true})
        writeFileSync(path.join(root, rel), text)
    }
    write("package.json", JSON.stringify({name: "bench-app", private: true}))
    write(
        "src/app/parse.ts",
        `export function emailOf(body: unknown): string | undefined {\n    return (body as {data?: {email?: string}}).data?.email\n}\n`
    )
    const ids = Array.from({length: HANDLERS}, (_, i) => `hook-${i}`)
    for (const id of ids) {
        write(
            `src/app/webhooks/${id}.webhook.ts`,
            `import {ATTIO_API_TOKEN} from "attio/server"\n\nimport {emailOf} from "../parse"\n\nexport default async function handle(request: Request): Promise<Response> {\n    const email = emailOf(await request.json())\n    if (!email) return new Response("no email", {status: 400})\n    const response = await fetch("https://api.attio.com/v2/objects/people/records", {method: "PUT", headers: {Authorization: \`Bearer \${ATTIO_API_TOKEN}\`}})\n    return new Response(null, {status: response.ok ? 200 : 502})\n}\n`
        )
    }
    write(
        "src/app/events/connection-added.event.ts",
        `import {createWebhookHandler} from "attio/server"\n\nexport default async function connectionAdded() {\n${ids.map((id) => `    await createWebhookHandler({fileName: "${id}"})\n`).join("")}}\n`
    )
    return root
}

/** Wall-clock seconds of each run, and what each printed (a number of seconds, or nothing). */
function time(args, cwd) {
    const wall = []
    const printed = []
    for (let i = 0; i < runs; i++) {
        const start = process.hrtime.bigint()
        const result = spawnSync(process.execPath, args, {cwd, encoding: "utf8"})
        wall.push(Number(process.hrtime.bigint() - start) / 1e9)
        if (result.status !== 0) throw new Error(`${args.join(" ")} failed: ${result.stderr}`)
        printed.push(Number(result.stdout))
    }
    return {wall: stats(wall), printed: stats(printed)}
}

function stats(times) {
    const sorted = [...times].sort((a, b) => a - b)
    return {median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted[sorted.length - 1]}
}

async function main() {
    if (values.deliver) return deliverOnce(values.deliver)
    const root = writeBenchApp()
    try {
        report(root)
    } finally {
        rmSync(root, {recursive: true, force: true})
    }
}

function report(root) {
    const baseline = time(["-e", "0"], root).wall
    const {wall: deliver, printed: inProcess} = time([fileURLToPath(import.meta.url), "--deliver", root], root)
    const line = (label, t) =>
        `${label.padEnd(62)} ${t.median.toFixed(2)} s  (${t.min.toFixed(2)}–${t.max.toFixed(2)}, ${runs} runs)`
    console.log(line("node -e 0", baseline))
    console.log(line(`loadApp (${HANDLERS} handlers) + deliver 1 request, fresh process`, deliver))
    console.log(line("  of which import + loadApp + deliver, timed in the process", inProcess))
    const verdict = deliver.median < TARGET_S ? "PASS" : "MISS"
    console.log(
        `target: under ${TARGET_S} s per process: ${verdict} (${(deliver.median - baseline.median).toFixed(2)} s above node -e 0)`
    )
}

await main()
