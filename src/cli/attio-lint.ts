#!/usr/bin/env node
/**
 * attio-lint [DIR | FILE...]: exit 0 without errors, 1 with errors (or too many warnings),
 * 2 on a usage error, an unusable setup or an internal failure (one line; the stack with --debug).
 * What a run does is in attio-lint-main.ts; this file wires it to the process: its streams, terminal and exit code.
 */
import {runAttioLint} from "./attio-lint-main.js"

/** Set when the output could not be written (a full disk): the run then exits 2, whatever it found. */
let outputFailed = false
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    // A reader that stops early (`attio-lint | head`) is no failure of ours.
    if (error.code === "EPIPE") return
    if (!outputFailed) process.stderr.write(`attio-lint: cannot write the output: ${error.message}\n`)
    outputFailed = true
    process.exitCode = 2
})

runAttioLint(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    color: Boolean(process.stdout.isTTY) && !("NO_COLOR" in process.env),
    cwd: () => process.cwd(),
}).then((code) => {
    process.exitCode = outputFailed ? 2 : code
})
