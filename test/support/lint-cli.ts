/**
 * attio-lint run in this process (runLint, what the bin runs) on a folder: the same output and exit code as a
 * spawned bin, without a process's start (about 0.3 s of CPU each). For what is not the process's wiring; the
 * wiring (exit code, streams, signals, the working folder) is tested on the built bin (runBin).
 */
import {runLint} from "../../src/cli/lint-command.js"
import type {BinResult} from "./bin.js"

export async function lintInProcess(args: string[], cwd: string): Promise<BinResult> {
    let stdout = ""
    let stderr = ""
    const code = await runLint(args, {
        stdout: (text) => void (stdout += text),
        stderr: (text) => void (stderr += text),
        color: false,
        cwd,
    })
    return {code, stdout, stderr}
}
