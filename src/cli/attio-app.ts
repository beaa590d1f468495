#!/usr/bin/env node
/**
 * `attio-app <generator> [name] [options]`: runs the package's Yeoman generators without a global `yo`, so it
 * works as root, in CI and with no stdin (yo refuses root and is missing from most CI images). What a run does is
 * in attio-app-main.ts; this file wires it to the process: its streams, working folder and exit code.
 */
import {failureLine, runAttioApp, SETUP_ERROR} from "./attio-app-main.js"

function fail(message: string, code: number) {
    process.stderr.write(failureLine(message))
    process.exitCode = code
}

// Output that cannot be written is no reason for a stack trace: a reader that left (`attio-app --help | head -1`,
// EPIPE) wants no more of it; a full disk or a closed stream is reported in one line (exit 2). Writes to a file
// or a pipe fail asynchronously, as an 'error' event, which would otherwise crash the process.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") fail(`cannot write the output: ${error.message}`, SETUP_ERROR)
})
process.stderr.on("error", (error: NodeJS.ErrnoException) => {
    // The files are written by then; a reader that left (`attio-app webhook x 2>&1 | head -1`) is no failure.
    if (error.code !== "EPIPE") process.exitCode ||= SETUP_ERROR
})

// An error thrown outside the run's promise (in a timer or a stream of a dependency) still ends in one line.
process.on("uncaughtException", (error) => {
    fail(`internal error: ${error.message}`, 1)
    process.exit()
})

// Yeoman's terminal is left to its default: the process's own stdin, stdout and stderr.
runAttioApp(process.argv.slice(2), {stdout: process.stdout, stderr: process.stderr, cwd: () => process.cwd()}).then(
    (code) => {
        process.exitCode ||= code
    }
)
