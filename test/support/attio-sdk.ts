/**
 * The real `attio` SDK, for type-checking generated apps against its declarations. Installed once per version
 * into a cache under the OS temp folder and reused across test files and runs (an install takes ~16 s).
 */
import {execFile} from "node:child_process"
import {existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync} from "node:fs"
import os from "node:os"
import path from "node:path"
import {promisify} from "node:util"

const CACHE = path.join(os.tmpdir(), "generator-attio-app-sdk")

/**
 * The node_modules folder holding `attio@<version>` and its dependencies. The package installs with
 * --ignore-scripts because its keytar dependency builds native code. Test files may ask at the same time:
 * each installs into a folder of its own and renames it into place, and a loser of that race uses the winner's.
 */
export async function attioNodeModules(version = "1.0.4"): Promise<string> {
    const target = path.join(CACHE, version)
    const nodeModules = path.join(target, "node_modules")
    if (existsSync(path.join(nodeModules, "attio/package.json"))) return nodeModules
    mkdirSync(CACHE, {recursive: true})
    const scratch = mkdtempSync(path.join(CACHE, `${version}-installing-`))
    try {
        writeFileSync(path.join(scratch, "package.json"), JSON.stringify({name: "attio-sdk-cache", private: true}))
        await promisify(execFile)(
            "npm",
            ["install", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error", `attio@${version}`],
            {
                cwd: scratch,
                timeout: 240_000,
            }
        )
        renameSync(scratch, target)
    } catch (error) {
        if (!existsSync(path.join(nodeModules, "attio/package.json"))) throw error
    } finally {
        rmSync(scratch, {recursive: true, force: true})
    }
    return nodeModules
}
