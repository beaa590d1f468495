/**
 * attio-lint run in this process (runLint, what the bin runs) on a folder: the same output and exit code as a
 * spawned bin, without a process's start (about 0.3 s of CPU each). For what is not the process's wiring; the
 * wiring (exit code, streams, signals, the working folder) is tested on the built bin (runBin).
 */
import {vi} from "vitest"

import {runLint} from "../../src/cli/lint-command.js"
import type {BinResult} from "./bin.js"

export type InProcessLint = (args: string[], cwd: string) => Promise<BinResult>

export const lintInProcess: InProcessLint = (args, cwd) => collect(runLint, args, cwd)

/**
 * lintInProcess on the source modules loaded afresh, for the warm path: the engine stores a run's findings only
 * while the process has not loaded the full TypeScript compiler (a module's state, which a run needing type
 * information in an earlier test file of this worker may have set).
 */
export async function freshLintInProcess(): Promise<InProcessLint> {
    vi.resetModules()
    const fresh = (await import("../../src/cli/lint-command.js")).runLint
    return (args, cwd) => collect(fresh, args, cwd)
}

async function collect(run: typeof runLint, args: string[], cwd: string): Promise<BinResult> {
    let stdout = ""
    let stderr = ""
    const code = await run(args, {
        stdout: (text) => void (stdout += text),
        stderr: (text) => void (stderr += text),
        color: false,
        cwd,
    })
    return {code, stdout, stderr}
}
