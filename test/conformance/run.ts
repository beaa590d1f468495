/**
 * `npm run conformance`: every rule's invalid cases and a set of valid apps, linted with the built attio-lint, then
 * built with attio@1.0.4's real `attio build` and run under a stub of the platform (./platform.ts). Each finding is
 * confirmed by what the platform does with its file (./policy.ts), or contradicted. Exits 1 when a finding is
 * contradicted or a valid app does not build, run and lint without an error. `--docs` rewrites docs/conformance.md;
 * rule ids (and `valid`, for the valid apps) as arguments run only those. A build's result is kept in the temp folder
 * by the app's content (a build is deterministic), so a second run only lints and runs; `--no-cache` builds again.
 * `--linter DIR` judges the attio-lint built in another checkout.
 *
 * Builds are slow (about 8 to 25 s), so the cases of a file-scope rule share an app where their files and handler
 * ids do not collide; when such an app does not build, the cases whose files the errors name are judged by it and
 * the others are built again without them, so that no case's build error hides another's behaviour.
 */
import {createHash} from "node:crypto"
import fs from "node:fs"
import {createRequire} from "node:module"
import os from "node:os"
import path from "node:path"
import {pathToFileURL} from "node:url"

import type * as Prettier from "prettier"

import type {LintReport, RuleSeverity} from "../../src/index.js"
import type {Rule} from "../../src/lint/rule.js"
import {attioNodeModules} from "../support/attio-sdk.js"
import type {AppFiles, Case} from "./cases/case.js"
import {INVALID_CASES} from "./cases/index.js"
import {
    attioBuild,
    type BuildResult,
    discoveredHandler,
    type Dispatch,
    EVENT_IDS,
    type RunResult,
    runServer,
    writeApp,
} from "./platform.js"
import {type Confirmation, POLICIES} from "./policy.js"
import {failingApps, validApps} from "./valid-apps.js"

type Lint = (options: {cwd: string; rules?: Record<string, RuleSeverity>; cache?: boolean}) => Promise<LintReport>

export interface Finding {
    ruleId: string
    severity: 1 | 2
    file: string
    line: number
    message: string
    /** The case the finding's file came from. */
    caseName: string
}

type Verdict = Confirmation | "masked" | "contradicted"

interface Judged extends Finding {
    verdict: Verdict
    /** What the platform did with the file. */
    evidence: string
}

interface Unit {
    /** The rule whose invalid cases these are; undefined for a valid or failing app. */
    rule?: string
    /** An app the platform rejects (recall): its failures should all carry findings. */
    failing?: boolean
    cases: Case[]
}

interface ValidOutcome {
    name: string
    built: boolean
    failures: string[]
    errors: Judged[]
    warnings: Judged[]
}

const MAX_CASES_PER_APP = 8

export async function main(repositoryRoot: string, argv: string[]): Promise<number> {
    const started = performance.now()
    const nodeModules = await attioNodeModules("1.0.4")
    // `--linter DIR` judges the attio-lint built in another checkout (its dist/) with this suite
    const linterAt = argv.indexOf("--linter")
    const linterRoot = linterAt >= 0 ? path.resolve(argv[linterAt + 1]) : repositoryRoot
    const dist = (file: string) => import(pathToFileURL(path.join(linterRoot, "dist/src", file)).href)
    const {lint} = (await dist("index.js")) as {lint: Lint}
    const {RULES} = (await dist("lint/rules/index.js")) as {RULES: readonly Rule[]}
    const only = argv.filter((arg, i) => !arg.startsWith("--") && argv[i - 1] !== "--linter")

    const missing = RULES.filter((rule) => !POLICIES[rule.meta.id] || !INVALID_CASES[rule.meta.id])
    if (missing.length > 0)
        throw new Error(`no conformance policy or cases for ${missing.map((r) => r.meta.id).join(", ")}`)

    const queue: Unit[] = []
    for (const rule of RULES) {
        if (only.length > 0 && !only.includes(rule.meta.id)) continue
        queue.push(...pack(rule.meta.id, INVALID_CASES[rule.meta.id], rule.meta.scope === "file"))
    }
    const valid = only.length === 0 || only.includes("valid") ? validApps(repositoryRoot) : []
    queue.push(...valid.map((app) => ({cases: [app]})))
    const failing = only.length === 0 || only.includes("failing") ? failingApps() : []
    queue.push(...failing.map((app) => ({failing: true, cases: [app]})))

    const judged: Judged[] = []
    const validOutcomes: ValidOutcome[] = []
    const noFindings: string[] = []
    /** Platform failures on files no rule reported: possible misses, for a person to judge (most are generic type errors). */
    const unexplained: string[] = []
    /** Failures of the failing apps that no finding explains: misses. */
    const missed: string[] = []
    let builds = 0
    let buildSeconds = 0
    let reused = 0
    const useCache = !argv.includes("--no-cache")

    // An interrupted run leaves no app folders behind
    const live = new Set<string>()
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
        process.once(signal, () => {
            for (const root of live) fs.rmSync(root, {recursive: true, force: true})
            process.exit(130)
        })
    }
    const work = async (unit: Unit) => {
        const files = merge(unit.cases)
        const root = writeApp(files, nodeModules)
        live.add(root)
        try {
            // Every rule at its default severity: the unit's rule is judged, and all rules together explain failures
            const all = findingsOf(await lint({cwd: root, cache: false}), root, unit.cases)
            const findings = unit.rule ? all.filter((f) => f.ruleId === unit.rule) : all
            const cached = useCache ? readCache(files) : undefined
            const build = cached ?? (await attioBuild(root, nodeModules))
            if (cached) reused++
            else {
                builds++
                buildSeconds += build.seconds
                if (useCache) writeCache(files, build)
            }
            const run = build.bundle ? await runServer(build.bundle, files) : undefined
            const label = unit.rule ?? (unit.failing ? "failing" : "valid")
            log(
                `${label}: ${unit.cases.length} case(s), ${build.ok ? "built" : "build failed"} in ${build.seconds.toFixed(1)} s`
            )

            if (unit.failing) {
                judged.push(...findings.map((f) => judge(f, files, build, run)))
                const misses = unexplainedFailures(all, files, build, run)
                missed.push(...misses.map((line) => `${unit.cases[0].name}: ${line}`))
                if (build.ok && runFailures(run!).length === 0 && misses.length === 0) {
                    missed.push(
                        `${unit.cases[0].name}: the platform built and ran it without a failure (the app is wrong)`
                    )
                }
                return
            }
            if (!unit.rule) {
                const judgedHere = findings.map((f) => judge(f, files, build, run))
                validOutcomes.push({
                    name: unit.cases[0].name,
                    built: build.ok,
                    failures: build.ok
                        ? runFailures(run!)
                        : build.diagnostics.map((d) => `${d.file ?? "build"}: ${d.text}`),
                    errors: judgedHere.filter((f) => f.severity === 2),
                    warnings: judgedHere.filter((f) => f.severity === 1),
                })
                unexplained.push(
                    ...unexplainedFailures(all, files, build, run).map((line) => `${unit.cases[0].name}: ${line}`)
                )
                return
            }
            // A case none of whose files the failed build names is built again without the others
            const named = new Set(build.diagnostics.flatMap((d) => (d.file ? [d.file] : [])))
            const blamed = unit.cases.filter((c) => Object.keys(c.files).some((file) => named.has(file)))
            const rebuild =
                build.ok || unit.cases.length === 1
                    ? []
                    : blamed.length > 0
                      ? unit.cases.filter((c) => !blamed.includes(c))
                      : unit.cases
            if (rebuild.length > 0) {
                const again =
                    blamed.length > 0
                        ? [{rule: unit.rule, cases: rebuild}]
                        : rebuild.map((c) => ({rule: unit.rule, cases: [c]}))
                queue.push(...again)
            }
            for (const c of unit.cases) {
                if (rebuild.includes(c)) continue
                const mine = findings.filter((f) => f.caseName === c.name)
                if (mine.length === 0) noFindings.push(`${unit.rule}: ${c.name}`)
                judged.push(...mine.map((f) => judge(f, files, build, run)))
                unexplained.push(
                    ...unexplainedFailures(all, c.files, build, run).map((line) => `${unit.rule}: ${c.name}: ${line}`)
                )
            }
        } finally {
            fs.rmSync(root, {recursive: true, force: true})
            live.delete(root)
        }
    }
    await pool(queue, Math.max(1, Math.min(2, os.availableParallelism())), work)

    const rows = RULES.filter((rule) => only.length === 0 || only.includes(rule.meta.id)).map((rule) =>
        row(rule.meta.id, judged)
    )
    const contradicted = judged.filter((f) => f.verdict === "contradicted")
    const badValid = validOutcomes.filter((v) => validProblems(v).length > 0)
    const minutes = (performance.now() - started) / 60_000
    const summary = `${builds} builds (${buildSeconds.toFixed(0)} s of attio build) and ${reused} reused, ${minutes.toFixed(1)} min in all`

    console.log("")
    console.log(table(rows))
    console.log("")
    for (const v of validOutcomes.sort((a, b) => a.name.localeCompare(b.name))) console.log(validLine(v))
    for (const f of contradicted)
        console.log(
            `CONTRADICTED ${f.ruleId} ${f.file}:${f.line} (${f.caseName}): ${f.message}\n    platform: ${f.evidence}`
        )
    for (const f of judged.filter((j) => j.verdict === "masked"))
        console.log(`masked ${f.ruleId} ${f.file}:${f.line} (${f.caseName}): ${f.evidence}`)
    for (const name of noFindings) console.log(`no finding on the real SDK: ${name}`)
    for (const line of unexplained) console.log(`unexplained ${line}`)
    for (const line of missed) console.log(`MISSED ${line}`)
    console.log(
        `conformance: ${judged.length} findings, ${contradicted.length} contradicted; ${validOutcomes.length - badValid.length}/${validOutcomes.length} valid apps pass; ${missed.length} missed failures in the failing apps; ${summary}`
    )

    if (argv.includes("--docs")) {
        // In prettier's Markdown style, as CI's format check wants the committed file.
        const file = path.join(repositoryRoot, "docs/conformance.md")
        const text = docs(rows, validOutcomes, contradicted, unexplained, missed, summary)
        // Resolved from the repository: this module runs bundled from a temp folder (launch.js).
        const prettier = createRequire(file)("prettier") as typeof Prettier
        const config = await prettier.resolveConfig(file)
        fs.writeFileSync(file, await prettier.format(text, {...config, parser: "markdown"}))
        console.log("conformance: wrote docs/conformance.md")
    }
    return contradicted.length > 0 || badValid.length > 0 ? 1 : 0
}

const CACHE = path.join(os.tmpdir(), "generator-attio-app-conformance", "attio-1.0.4")
/** Bump when writeApp or the build's reading changes what a build of the same files gives. */
const CACHE_VERSION = "1"

function cacheFile(files: AppFiles): string {
    const entries = Object.entries(files).sort(([a], [b]) => a.localeCompare(b))
    const key = createHash("sha256")
        .update(JSON.stringify([CACHE_VERSION, entries]))
        .digest("hex")
    return path.join(CACHE, `${key}.json`)
}

function readCache(files: AppFiles): BuildResult | undefined {
    try {
        return JSON.parse(fs.readFileSync(cacheFile(files), "utf8")) as BuildResult
    } catch {
        return undefined
    }
}

function writeCache(files: AppFiles, build: BuildResult): void {
    fs.mkdirSync(CACHE, {recursive: true})
    const file = cacheFile(files)
    // Written whole and renamed, so that a reader never sees half a file
    fs.writeFileSync(`${file}.${process.pid}`, JSON.stringify(build))
    fs.renameSync(`${file}.${process.pid}`, file)
}

/** Cases that may share one app: the same file-scope rule, no shared path, no handler id twice (in any letter case). */
function pack(rule: string, cases: Case[], shareable: boolean): Unit[] {
    const units: Unit[] = []
    // A case with files outside src/ (its own tsconfig, a stray handler) is built alone
    const alone = (c: Case) => !shareable || Object.keys(c.files).some((file) => !file.startsWith("src/"))
    const taken = (unit: Unit) => new Set(unit.cases.flatMap((other) => Object.keys(other.files).flatMap(keys)))
    for (const c of cases) {
        const unit = alone(c)
            ? undefined
            : units.find(
                  (u) =>
                      u.cases.length < MAX_CASES_PER_APP &&
                      !alone(u.cases[0]) &&
                      Object.keys(c.files)
                          .flatMap(keys)
                          .every((key) => !taken(u).has(key))
              )
        if (unit) unit.cases.push(c)
        else units.push({rule, cases: [c]})
    }
    return units
}

/** What two cases must not both have: the same path, or handler ids the build (or a checkout) would take as one. */
function keys(file: string): string[] {
    const handler = discoveredHandler(file)
    return [`path:${file.toLowerCase()}`, ...(handler ? [`${handler.kind}:${handler.id.toLowerCase()}`] : [])]
}

function merge(cases: Case[]): AppFiles {
    return Object.assign({}, ...cases.map((c) => c.files)) as AppFiles
}

function findingsOf(report: LintReport, root: string, cases: Case[]): Finding[] {
    return report.results.flatMap((result) => {
        const file = path.relative(root, result.filePath).split(path.sep).join("/")
        const caseName = cases.find((c) => file in c.files)?.name ?? cases[0].name
        return result.messages.map((m) => ({
            ruleId: m.ruleId,
            severity: m.severity,
            file,
            line: m.line,
            message: m.message,
            caseName,
        }))
    })
}

/** What the platform did with the finding's file, and which of that its rule accepts. */
export function judge(finding: Finding, files: AppFiles, build: BuildResult, run: RunResult | undefined): Judged {
    const seen = new Map<Confirmation, string>()
    const diagnostic = build.diagnostics.find((d) => d.file === finding.file)
    if (diagnostic) seen.set("build", `attio build: ${diagnostic.text}`)
    if (run) {
        const failure = run.dispatches.find((d) => d.failed && filesOf(d).includes(finding.file))
        if (run.loadError) seen.set("runtime", `the bundle threw while loading: ${run.loadError}`)
        else if (failure)
            seen.set(
                "runtime",
                `${failure.kind} ${failure.id}${failure.request ? ` (${failure.request})` : ""}: ${failure.detail}`
            )
        const ignored = ignoredBy(finding.file, run)
        if (ignored) seen.set("ignored", ignored)
        const contract = POLICIES[finding.ruleId].contractEvidence
        const evidence = contract
            ? contract(finding.message, run)
            : `built and ran: ${ranLine(finding.file, run, files)}`
        if (evidence) seen.set("contract", evidence)
    }
    const policy = POLICIES[finding.ruleId]
    const verdict = policy.accepts.find((kind) => seen.has(kind))
    if (verdict) return {...finding, verdict, evidence: seen.get(verdict)!}
    if (!build.ok) {
        const why = diagnostic
            ? `attio build: ${diagnostic.text}`
            : `the build failed elsewhere: ${build.diagnostics.map((d) => `${d.file ?? ""} ${d.text}`).join("; ")}`
        return {...finding, verdict: "masked", evidence: why}
    }
    return {...finding, verdict: "contradicted", evidence: [...seen.values()].join("; ")}
}

/** The files a dispatch ran: the handler, where its default is defined, and those on a failure's stack. */
function filesOf(dispatch: Dispatch): string[] {
    return [dispatch.file, ...(dispatch.defaultFile ? [dispatch.defaultFile] : []), ...dispatch.stackFiles]
}

/** What the platform did wrong with files on which no rule reported anything. */
export function unexplainedFailures(
    findings: Finding[],
    files: AppFiles,
    build: BuildResult,
    run: RunResult | undefined
): string[] {
    // A failure is explained by a finding on its file whose rule names that kind of failure as its reason
    const reported = (kind: Confirmation) =>
        new Set(findings.filter((f) => POLICIES[f.ruleId].accepts.includes(kind)).map((f) => f.file))
    const lines = new Set<string>()
    const buildReported = reported("build")
    for (const d of build.diagnostics) {
        if (d.file && d.file in files && !buildReported.has(d.file)) lines.add(`build: ${d.file}: ${d.text}`)
    }
    if (!run) return [...lines]
    const runtimeReported = reported("runtime")
    for (const d of run.dispatches) {
        if (d.failed && d.file in files && !filesOf(d).some((file) => runtimeReported.has(file))) {
            lines.add(`run time: ${d.kind} ${d.id}: ${d.detail}`)
        }
    }
    // When connection-added failed, the handlers it would have created after the failure say nothing
    const registrationFailed = run.dispatches.some((d) => d.id === "connection-added" && d.failed)
    const ignoredReported = reported("ignored")
    for (const file of Object.keys(files)) {
        // Files named like handlers, except the tests real apps keep beside them
        if (!/\.(webhook|event)s?\.[a-z]+$/.test(file) || ignoredReported.has(file)) continue
        const ignored = ignoredBy(file, run)
        if (ignored && !(registrationFailed && discoveredHandler(file)?.kind === "webhook")) {
            lines.add(`ignored: ${file}: ${ignored}`)
        }
    }
    return [...lines]
}

/** Why the platform never runs the file as a handler, if it does not. */
function ignoredBy(file: string, run: RunResult): string | undefined {
    const handler = discoveredHandler(file)
    if (!run.bundledFiles.includes(file))
        return "not in the bundle: the build did not discover it and nothing imports it"
    if (handler?.kind === "event" && !(EVENT_IDS as readonly string[]).includes(handler.id))
        return `bundled as event "${handler.id}", which the platform never calls`
    if (handler?.kind === "webhook" && !run.registered.includes(handler.id))
        return `no createWebhookHandler created "${handler.id}": it has no URL`
    return undefined
}

function ranLine(file: string, run: RunResult, files: AppFiles): string {
    const mine = run.dispatches.filter((d) => d.file === file)
    if (mine.length > 0)
        return mine.map((d) => `${d.kind} ${d.id}${d.request ? ` (${d.request})` : ""}: ${d.detail}`).join(", ")
    return file in files ? "no dispatch failed" : "not an app file"
}

function runFailures(run: RunResult): string[] {
    if (run.loadError) return [`the bundle threw while loading: ${run.loadError}`]
    return run.dispatches
        .filter((d) => d.failed)
        .map((d) => `${d.kind} ${d.id}${d.request ? ` (${d.request})` : ""}: ${d.detail}`)
}

interface Row {
    rule: string
    findings: number
    build: number
    runtime: number
    ignored: number
    contract: number
    masked: number
    contradicted: number
}

function row(rule: string, judged: Judged[]): Row {
    const mine = judged.filter((f) => f.ruleId === rule)
    const count = (verdict: Verdict) => mine.filter((f) => f.verdict === verdict).length
    return {
        rule,
        findings: mine.length,
        build: count("build"),
        runtime: count("runtime"),
        ignored: count("ignored"),
        contract: count("contract"),
        masked: count("masked"),
        contradicted: count("contradicted"),
    }
}

const COLUMNS: [keyof Row, string][] = [
    ["rule", "rule"],
    ["findings", "findings"],
    ["build", "build"],
    ["runtime", "run time"],
    ["ignored", "ignored"],
    ["contract", "contract"],
    ["masked", "masked"],
    ["contradicted", "contradicted"],
]

function table(rows: Row[]): string {
    const cells = [COLUMNS.map(([, title]) => title), ...rows.map((r) => COLUMNS.map(([key]) => String(r[key])))]
    const widths = COLUMNS.map((_, i) => Math.max(...cells.map((line) => line[i].length)))
    return cells
        .map((line) => line.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  "))
        .join("\n")
}

/** Why a valid app fails the suite: it does not build or run, or attio-lint errs or wrongly warns on it. */
function validProblems(v: ValidOutcome): string[] {
    return [
        ...(v.built ? [] : ["does not build"]),
        ...v.failures,
        ...v.errors.map((e) => `lint error ${e.ruleId} ${e.file}:${e.line}: ${e.message}`),
        ...v.warnings
            .filter((w) => w.verdict === "contradicted")
            .map((w) => `contradicted warning ${w.ruleId} ${w.file}:${w.line}: ${w.message}`),
    ]
}

function validLine(v: ValidOutcome): string {
    const problems = validProblems(v)
    const warnings =
        v.warnings.length > 0
            ? ` (${v.warnings.length} warning(s): ${v.warnings.map((w) => `${w.ruleId} ${w.verdict}`).join(", ")})`
            : ""
    return problems.length === 0
        ? `valid ok: ${v.name}${warnings}`
        : `VALID FAILS: ${v.name}\n    ${problems.join("\n    ")}`
}

function docs(
    rows: Row[],
    valid: ValidOutcome[],
    contradicted: Judged[],
    unexplained: string[],
    missed: string[],
    summary: string
): string {
    const markdownRow = (cells: string[]) => `| ${cells.join(" | ")} |`
    const lines = [
        "# Platform conformance",
        "",
        "`npm run conformance` lints every rule's invalid cases (test/conformance/cases/) and a set of valid apps",
        "(test/conformance/valid-apps.ts) with the built attio-lint, builds each app with attio@1.0.4's real `attio build`,",
        "runs the built `dist/server.js` under a stub of the platform (connection-added, a request to every webhook handler,",
        "connection-removed) and asks, for each finding, what the platform did with its file. It fails when a finding is",
        "contradicted (the platform builds and runs the code and the rule's reason is not among what it showed) or when a",
        "valid app does not build, run and lint without an error. `npm run conformance -- --docs` rewrites this file.",
        "",
        "A finding is confirmed by the first of its rule's accepted kinds the platform shows for its file: **build** (attio",
        "build fails with an error in the file), **run time** (a dispatch fails in the handler or with the file on the",
        "stack), **ignored** (the file is not bundled, or bundled under an id the platform never calls), **contract**",
        "(built and ran; the documented contract is the reason). **masked**: the app did not build for another reason, so",
        "nothing could be observed.",
        "",
        "Cases of a file-scope rule share an app where their files and handler ids do not collide, and an app that does",
        "not build is built again without the cases its errors name. A run is about 115 builds: about 8 s each on an idle",
        "2-core machine (30 to 60 s under heavy load: 33 min for a cold run here). A build's result is kept in the temp",
        "folder by the app's content, so a run after a linter change only lints and runs (about a minute);",
        "`-- --no-cache` builds everything again; `-- --linter DIR` judges the attio-lint built in another checkout.",
        "",
        markdownRow([...COLUMNS.map(([, title]) => title), "accepted", "why it is a problem"]),
        markdownRow([...COLUMNS.map((_, i) => (i === 0 ? "---" : "---:")), "---", "---"]),
        ...rows.map((r) =>
            markdownRow([
                `\`${r.rule}\``,
                ...COLUMNS.slice(1).map(([key]) => String(r[key])),
                POLICIES[r.rule].accepts.join(", "),
                POLICIES[r.rule].reason,
            ])
        ),
        "",
        "## Valid apps",
        "",
        markdownRow(["app", "builds", "run-time failures", "lint errors", "warnings"]),
        markdownRow(["---", "---", "---:", "---:", "---"]),
        ...valid
            .sort((a, b) => a.name.localeCompare(b.name))
            .map((v) =>
                markdownRow([
                    v.name,
                    v.built ? "yes" : "no",
                    String(v.failures.length),
                    String(v.errors.length),
                    v.warnings.map((w) => `${w.ruleId} (${w.verdict})`).join(", ") || "none",
                ])
            ),
        "",
        ...valid.flatMap((v) => validProblems(v).map((problem) => `- ${v.name}: ${problem}`)),
        "",
        "## Contradictions",
        "",
        ...(contradicted.length === 0
            ? ["None."]
            : contradicted.map(
                  (f) => `- \`${f.ruleId}\` ${f.file}:${f.line} (${f.caseName}): ${f.message} Platform: ${f.evidence}`
              )),
        "",
        "## Misses",
        "",
        "Apps the platform rejects (`failingApps` in test/conformance/valid-apps.ts): every build error, failed dispatch",
        "and handler-like file it never runs should carry a finding on its file (all rules at their default severity).",
        "Misses are listed here; they do not fail the run.",
        "",
        ...(missed.length === 0 ? ["None."] : missed.map((line) => `- ${line}`)),
        "",
        "## Platform failures no rule reported",
        "",
        "Build errors, failed dispatches and handler-like files the platform never runs, on files without any finding",
        "(all rules at their default severity). Most are type errors that are tsc's business, not attio-lint's; the",
        "others are misses.",
        "",
        ...(unexplained.length === 0 ? ["None."] : unexplained.map((line) => `- ${line}`)),
        "",
        `Last run: ${summary}.`,
        "",
    ]
    return lines.join("\n")
}

/** Runs `work` on the queue's items, `size` at a time; work may add to the queue (rebuilds). */
function pool<T>(queue: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
    let active = 0
    return new Promise((resolve, reject) => {
        const next = () => {
            if (queue.length === 0 && active === 0) return resolve()
            while (active < size && queue.length > 0) {
                active++
                work(queue.shift()!).then(() => {
                    active--
                    next()
                }, reject)
            }
        }
        next()
    })
}

function log(line: string): void {
    console.error(`conformance: ${line}`)
}
