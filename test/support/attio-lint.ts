/**
 * The `attio-lint` bin's run in the test's own process: runAttioLint (src/cli/attio-lint-main.ts), the code the bin
 * runs once it has wired its process, here with strings for its streams and no terminal (no colours). The same
 * output and exit code as a spawned bin, without a process's start (about 0.3 s of CPU each). For what a run finds
 * and prints; what the process adds (exit codes, which stream, a reader that leaves, a full disk, the working
 * folder, another user) stays with spawned runs of the bin (runBin).
 */
import {vi} from "vitest"

import {runAttioLint} from "../../src/cli/attio-lint-main.js"
import type {BinResult} from "./bin.js"

export type LintHere = (args: string[], options: {cwd: string}) => Promise<BinResult>

/** `attio-lint <args>` run in `cwd`, as runBin answers it: the exit code, stdout and stderr. */
export const runAttioLintHere: LintHere = (args, {cwd}) => collect(runAttioLint, args, cwd)

/**
 * runAttioLintHere on the source modules loaded afresh, for the warm path: the engine stores a run's findings only
 * while the process has not loaded the full TypeScript compiler (a module's state, which a run needing type
 * information in an earlier test file of this worker may have set).
 */
export async function freshRunAttioLintHere(): Promise<LintHere> {
    vi.resetModules()
    const fresh = (await import("../../src/cli/attio-lint-main.js")).runAttioLint
    return (args, {cwd}) => collect(fresh, args, cwd)
}

async function collect(run: typeof runAttioLint, args: string[], cwd: string): Promise<BinResult> {
    let stdout = ""
    let stderr = ""
    const code = await run(args, {
        stdout: {write: (text) => (stdout += text)},
        stderr: {write: (text) => (stderr += text)},
        color: false,
        cwd: () => cwd,
    })
    return {code, stdout, stderr}
}
