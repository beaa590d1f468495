/** Runs the built bins as a user would: a fresh process, no stdin, no colours unless asked. */
import {spawnSync} from "node:child_process"
import path from "node:path"
import {fileURLToPath} from "node:url"

export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..")

export interface BinResult {
    code: number | null
    stdout: string
    stderr: string
}

export function runBin(
    bin: "attio-lint" | "attio-app",
    args: string[],
    options: {cwd: string; env?: Record<string, string>}
): BinResult {
    const result = spawnSync(process.execPath, [path.join(PACKAGE_ROOT, "dist/src/cli", `${bin}.js`), ...args], {
        cwd: options.cwd,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
        env: {...process.env, NO_COLOR: "1", CI: "true", ...options.env},
        timeout: 60_000,
    })
    return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}
