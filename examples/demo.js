#!/usr/bin/env node
/**
 * `npm run demo`: the webhook generator on a copy of examples/documented-layout, then attio-lint.
 *
 * 1. copies the example app to a temp folder (kept, so you can look at it afterwards);
 * 2. runs `attio-app webhook lead-processed --yes ...` there, non-interactively;
 * 3. shows what it created and changed;
 * 4. lints the result and exits with attio-lint's exit code.
 * Needs only the built package (npm run build): no network, no node_modules in the app.
 */
import {spawnSync} from "node:child_process"
import {cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync} from "node:fs"
import os from "node:os"
import path from "node:path"
import {fileURLToPath} from "node:url"

const REPO = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const EXAMPLE = path.join(REPO, "examples/documented-layout")
const APP_BIN = path.join(REPO, "dist/src/cli/attio-app.js")
const LINT_BIN = path.join(REPO, "dist/src/cli/attio-lint.js")
const GENERATOR_ARGS = [
    "webhook",
    "lead-processed",
    "--yes",
    "--event",
    "lead.processed",
    "--register-url",
    "https://api.example-sequencer.com/v1/webhooks",
]

const useColor = process.stdout.isTTY && !process.env.NO_COLOR
const paint = (code) => (text) => (useColor ? `\x1b[${code}m${text}\x1b[0m` : text)
const bold = paint(1)
const dim = paint(2)
const green = paint(32)
const red = paint(31)
const cyan = paint(36)

function main() {
    for (const bin of [APP_BIN, LINT_BIN]) {
        if (!existsSync(bin)) {
            fail(`${path.relative(REPO, bin)} is missing: build the package first (npm run build, or npm run demo).`)
        }
    }

    const app = mkdtempSync(path.join(os.tmpdir(), "attio-demo-"))
    cpSync(EXAMPLE, app, {recursive: true, filter: (src) => path.basename(src) !== "node_modules"})
    step(`Copied examples/documented-layout to ${bold(app)}`)

    const before = snapshot(app)
    step(`attio-app ${GENERATOR_ARGS.join(" ")}`)
    const generated = run([APP_BIN, ...GENERATOR_ARGS], app)
    if (generated.error || generated.status !== 0) {
        fail(
            `the webhook generator failed (${generated.error?.message ?? `exit ${generated.status}`}); the app is in ${app}`,
            generated.status || 1
        )
    }

    step("What the generator wrote")
    const after = snapshot(app)
    const changes = describeChanges(before, after)
    process.stdout.write(changes || "  (nothing changed)\n")

    step(`attio-lint ${app}`)
    const linted = run([LINT_BIN, app], app)
    if (linted.error) fail(`attio-lint could not be started: ${linted.error.message}`)
    const status = linted.status ?? 2
    process.stdout.write(
        `\n${status === 0 ? green("✔ attio-lint found no errors.") : red(`✖ attio-lint exited with ${status}.`)}` +
            `\nThe demo app stays in ${bold(app)}: open it, or run the generator again there (it changes nothing).\n`
    )
    process.exit(status)
}

function run(args, cwd) {
    return spawnSync(process.execPath, args, {
        cwd,
        stdio: ["ignore", "inherit", "inherit"],
        env: {...process.env, CI: "true"},
    })
}

/** Relative path -> text of every file under the app, skipping node_modules. */
function snapshot(root) {
    const files = new Map()
    const walk = (dir) => {
        for (const name of readdirSync(dir)) {
            if (name === "node_modules") continue
            const file = path.join(dir, name)
            if (statSync(file).isDirectory()) walk(file)
            else files.set(path.relative(root, file).split(path.sep).join("/"), readFileSync(file, "utf8"))
        }
    }
    walk(root)
    return files
}

function describeChanges(before, after) {
    let out = ""
    for (const [file, text] of [...after].sort(([a], [b]) => a.localeCompare(b))) {
        const old = before.get(file)
        if (old === text) continue
        if (old === undefined) {
            out += `\n${green(`+ ${file}`)} ${dim("(new)")}\n`
            out +=
                lines(text)
                    .map((line) => green(`  + ${line}`))
                    .join("\n") + "\n"
        } else {
            out += `\n${cyan(`~ ${file}`)} ${dim("(changed)")}\n${diff(lines(old), lines(text))}`
        }
    }
    for (const file of before.keys()) {
        if (!after.has(file)) out += `\n${red(`- ${file}`)} ${dim("(deleted)")}\n`
    }
    return out
}

function lines(text) {
    return text.replace(/\n$/, "").split("\n")
}

/** A line diff (longest common subsequence) with two lines of context around each change. */
function diff(a, b) {
    const lcs = Array.from({length: a.length + 1}, () => new Array(b.length + 1).fill(0))
    for (let i = a.length - 1; i >= 0; i--) {
        for (let j = b.length - 1; j >= 0; j--) {
            lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1])
        }
    }
    const ops = []
    let i = 0
    let j = 0
    while (i < a.length || j < b.length) {
        if (i < a.length && j < b.length && a[i] === b[j]) {
            ops.push({kind: " ", line: a[i]})
            i++
            j++
        } else if (j < b.length && (i === a.length || lcs[i][j + 1] >= lcs[i + 1][j])) {
            ops.push({kind: "+", line: b[j++]})
        } else {
            ops.push({kind: "-", line: a[i++]})
        }
    }
    const near = (k) => ops.slice(Math.max(0, k - 2), k + 3).some((op) => op.kind !== " ")
    let out = ""
    let skipped = false
    ops.forEach((op, k) => {
        if (op.kind === " " && !near(k)) {
            if (!skipped) out += dim("    ⋮") + "\n"
            skipped = true
            return
        }
        skipped = false
        const text = `  ${op.kind} ${op.line}`
        out += (op.kind === "+" ? green(text) : op.kind === "-" ? red(text) : dim(text)) + "\n"
    })
    return out
}

function step(message) {
    process.stdout.write(`\n${bold(cyan("▸"))} ${bold(message)}\n`)
}

function fail(message, status = 2) {
    process.stderr.write(`demo: ${message}\n`)
    process.exit(status)
}

main()
