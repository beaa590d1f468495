/**
 * The `attio-app` bin's run in the test's own process: runAttioApp (src/cli/attio-app-main.ts, as built), the code
 * the bin runs once it has wired its process, here with strings for its streams and a terminal that is none. For
 * tests about what a run prints, writes and answers; what the process adds (exit codes, which stream, no stdin, no
 * terminal, signals, the working folder) stays with spawned runs of the bin (runBin).
 */
import {PassThrough, Writable} from "node:stream"

import type {BinResult} from "./bin.js"
import {fromDist} from "./dist.js"

const {runAttioApp} = await fromDist<typeof import("../../src/cli/attio-app-main.js")>("src/cli/attio-app-main.js")

/** A stream that keeps what is written to it, at once (a write calls back before it returns). */
export class Sink extends Writable {
    text = ""
    override _write(chunk: Buffer | string, _encoding: string, done: () => void) {
        this.text += chunk.toString()
        done()
    }
}

/**
 * `attio-app <args>` run in `cwd`, as runBin answers it: the exit code, stdout and stderr (without colours, which
 * the test process's environment decides: the spawned bin runs with NO_COLOR). Its stdin is a silent pipe, so a
 * question would wait on it for ever: the run, like the bin's without a terminal, must ask none.
 */
export async function runAttioAppHere(args: string[], {cwd}: {cwd: string}): Promise<BinResult> {
    const stdout = new Sink()
    const stderr = new Sink()
    const code = await runAttioApp(args, {
        stdout,
        stderr,
        cwd: () => cwd,
        terminal: {
            stdin: new PassThrough() as unknown as NodeJS.ReadStream,
            stdout: stdout as unknown as NodeJS.WriteStream,
            stderr: stderr as unknown as NodeJS.WriteStream,
        },
    })
    return {code, stdout: withoutColours(stdout.text), stderr: withoutColours(stderr.text)}
}

/** Text without the colours (SGR sequences) that Yeoman's logger adds when the test process has a terminal. */
export function withoutColours(text: string): string {
    return text.replace(/\x1b\[[0-9;]*m/g, "")
}
