/**
 * The real `attio` SDK, for type-checking generated apps against its declarations. Installed once per version
 * into a cache under the OS temp folder and reused across test files and runs (an install takes ~16 s).
 */
import {execFile} from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import {promisify} from "node:util"

const CACHE = path.join(os.tmpdir(), "generator-attio-app-sdk")

/**
 * The node_modules folder holding `attio@<version>` and its dependencies. The package installs with
 * --ignore-scripts because its keytar dependency builds native code.
 */
export function attioNodeModules(version = "1.0.4"): Promise<string> {
    return installOnce(version, "attio/package.json", {dependencies: {attio: version}})
}

/**
 * The node_modules of a new app made from attio@<version>'s template (`npm create attio`), without `attio` itself:
 * the dependencies and devDependencies its package.json lists (React, zod, ESLint with its plugins, prettier,
 * TypeScript), for running the template's own `npm run lint` and `prettier --check` (an install takes ~50 s).
 */
export async function templateNodeModules(version = "1.0.4"): Promise<string> {
    const sdk = await attioNodeModules(version)
    const template = JSON.parse(fs.readFileSync(path.join(sdk, "attio/dist/template/package.json"), "utf8")) as {
        dependencies: Record<string, string>
        devDependencies: Record<string, string>
    }
    const {attio: _attio, ...dependencies} = template.dependencies
    return installOnce(`template-${version}`, "eslint-plugin-simple-import-sort/package.json", {
        dependencies,
        devDependencies: template.devDependencies,
    })
}

/**
 * Installs the packages into CACHE/<name>/node_modules unless `marker` is there already. Test files may ask at the
 * same time: each installs into a folder of its own and renames it into place, and a loser of that race uses the
 * winner's.
 */
async function installOnce(name: string, marker: string, packages: object): Promise<string> {
    const target = path.join(CACHE, name)
    const nodeModules = path.join(target, "node_modules")
    if (fs.existsSync(path.join(nodeModules, marker))) return nodeModules
    fs.mkdirSync(CACHE, {recursive: true})
    const scratch = fs.mkdtempSync(path.join(CACHE, `${name}-installing-`))
    try {
        fs.writeFileSync(
            path.join(scratch, "package.json"),
            JSON.stringify({name: "attio-sdk-cache", private: true, ...packages})
        )
        await promisify(execFile)(
            "npm",
            ["install", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"],
            {
                cwd: scratch,
                timeout: 240_000,
            }
        )
        fs.renameSync(scratch, target)
    } catch (error) {
        if (!fs.existsSync(path.join(nodeModules, marker))) throw error
    } finally {
        fs.rmSync(scratch, {recursive: true, force: true})
    }
    return nodeModules
}
