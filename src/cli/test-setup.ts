/**
 * `attio-app test-setup`: makes an app ready for the tests the webhook generator writes: vitest and this package
 * in its devDependencies, a `test` script and a vitest config. Installs them with --install, else says how.
 */
import {spawnSync} from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import {parseArgs} from "node:util"

import writeFileAtomic from "write-file-atomic"

import {readBytes, ReadFailure, realpathOr} from "../app-model/read-file.js"
import {findAppRoot} from "../app-model/root.js"
import type {CommandIo} from "./invoke.js"
import {isJsonObject} from "../json.js"
import {PACKAGE_ROOT, packageVersion} from "../package-info.js"
import {lineEnding} from "../scaffold/text-edits.js"
import {VITEST_CONFIGS} from "../scaffold/vitest-app.js"

export const TEST_SETUP_USAGE = `Usage: attio-app test-setup [--install]   (run it in the app's folder)

Adds what the generated webhook tests need to an app that has none of it: vitest and generator-attio-app in
devDependencies, a "test" script (vitest run, when there is none or npm init's) and vitest.config.mts. What is
there already is left as it is. Run from a checkout of generator-attio-app (not an installed package), it adds
generator-attio-app as a file: link to that checkout.

Options:
  --install    run the package manager's install afterwards (else the command is printed)
  -h, --help   this help
`

/** The vitest this package's runtime is tested with. */
const VITEST_RANGE = "^4.1.12"

const VITEST_CONFIG = `import {defineConfig} from "vitest/config"

// The tests of webhook handlers and connection events (attio-app webhook writes one beside each handler).
export default defineConfig({
    test: {
        include: ["src/**/*.test.ts"],
    },
})
`

/** The test script `npm init` writes, which fails on purpose: it is no test of the user's. */
const NO_TEST = /^echo "Error: no test specified" && exit 1$/

/** Lockfiles, and the install command of the package manager that wrote each. */
const INSTALLERS: [lockfile: string, command: string[]][] = [
    ["pnpm-lock.yaml", ["pnpm", "install"]],
    ["yarn.lock", ["yarn", "install"]],
    ["bun.lockb", ["bun", "install"]],
    ["bun.lock", ["bun", "install"]],
]

class SetupError extends Error {}

export async function run(
    argv: string[],
    io: CommandIo = {stdout: process.stdout, stderr: process.stderr, cwd: process.cwd()}
): Promise<number> {
    try {
        const {values} = parseArgs({
            args: argv,
            options: {install: {type: "boolean"}, help: {type: "boolean", short: "h"}},
        })
        if (values.help) {
            io.stdout.write(TEST_SETUP_USAGE)
            return 0
        }
        return setup(io, values.install === true)
    } catch (error) {
        const usage = (error as {code?: string}).code?.startsWith("ERR_PARSE_ARGS")
            ? " (see attio-app test-setup --help)"
            : ""
        if (!(error instanceof SetupError) && !usage) throw error
        io.stderr.write(`attio-app test-setup: ${(error as Error).message}${usage}\n`)
        return 2
    }
}

function setup(io: CommandIo, install: boolean): number {
    const {cwd} = io
    const root = findAppRoot(cwd)
    const manifestPath = root && path.join(root, "package.json")
    if (!root || !manifestPath || !fs.existsSync(manifestPath)) {
        throw new SetupError(`No app with a package.json found at ${cwd} or above.`)
    }
    // Bounded and inside the app (a FIFO or a link out of the app is refused); a BOM and CRLF are kept, as npm keeps them.
    const bytes = readBytes(manifestPath, {within: realpathOr(root)})
    if (bytes instanceof ReadFailure) throw new SetupError(`${manifestPath} ${bytes.message}.`)
    let text: string
    try {
        text = new TextDecoder("utf-8", {fatal: true}).decode(bytes)
    } catch {
        throw new SetupError(`${manifestPath} is not valid UTF-8 text; it is left as it is.`)
    }
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? "\uFEFF" : ""
    const eol = lineEnding(text)
    let manifest: unknown
    try {
        manifest = JSON.parse(text)
    } catch (error) {
        throw new SetupError(`${manifestPath} is not valid JSON: ${(error as Error).message}`)
    }
    if (!isJsonObject(manifest)) throw new SetupError(`${manifestPath} is not a JSON object.`)

    const done: string[] = []
    const self = selfSpec(root)
    const added = addDevDependencies(manifest, {vitest: VITEST_RANGE, "generator-attio-app": self})
    // A link to a checkout is said, as the app's manifest now depends on a folder of this machine.
    const shown = added.map((name) =>
        name === "generator-attio-app" && self.startsWith("file:")
            ? `${name} (${self}, the checkout this runs from)`
            : name
    )
    if (added.length > 0) done.push(`added ${shown.join(" and ")} to devDependencies`)
    const scripts = isJsonObject(manifest.scripts) ? manifest.scripts : (manifest.scripts = {})
    if (typeof scripts.test !== "string" || scripts.test.trim() === "" || NO_TEST.test(scripts.test)) {
        scripts.test = "vitest run"
        done.push('set the "test" script to "vitest run"')
    }
    if (done.length > 0) {
        // Root may write any file; one without a write bit was made read-only on purpose (as the generators hold).
        if ((fs.statSync(manifestPath).mode & 0o222) === 0) {
            throw new SetupError(`${manifestPath} is read-only; it is left as it is.`)
        }
        const indent = /^\{\r?\n([ \t]+)/.exec(text)?.[1] ?? "  "
        writeFileAtomic.sync(manifestPath, `${bom}${JSON.stringify(manifest, null, indent)}\n`.replace(/\n/g, eol))
    }
    if (!VITEST_CONFIGS.some((name) => fs.existsSync(path.join(root, name)))) {
        writeFileAtomic.sync(path.join(root, "vitest.config.mts"), VITEST_CONFIG)
        done.push("wrote vitest.config.mts")
    }
    const log = (line: string) => io.stdout.write(`${line}\n`)
    if (done.length === 0) {
        log("The app is set up for tests already: nothing changed.")
    } else {
        log(`${path.relative(cwd, root) || "."}: ${done.join(", ")}.`)
    }
    // A package manager runs a linked folder's own scripts (npm runs its prepare: this checkout's build, outside
    // the app), so a link to the checkout is installed without scripts.
    const command = [...installCommand(root), ...(self.startsWith("file:") ? ["--ignore-scripts"] : [])]
    if (added.length === 0) return 0
    if (!install) {
        log(`Next: run \`${command.join(" ")}\` to install them, then \`npm test\`.`)
        return 0
    }
    log(`Running ${command.join(" ")}`)
    const result = spawnSync(command[0], command.slice(1), {
        cwd: root,
        stdio: "inherit",
        shell: process.platform === "win32",
    })
    if (result.status !== 0) {
        io.stderr.write(
            `attio-app test-setup: ${command.join(" ")} failed${result.error ? `: ${result.error.message}` : ""}\n`
        )
        return 1
    }
    return 0
}

/**
 * How the app depends on this package: the version range when it is an installed package (from the registry or a
 * tarball, so it lies in a node_modules folder), else a file: link to the checkout it runs from (npm link, or
 * node path/to/dist/src/cli/attio-app.js), whose version the registry may not have.
 */
export function selfSpec(appRoot: string, packageRoot = PACKAGE_ROOT, version = packageVersion()): string {
    const real = fs.realpathSync(packageRoot)
    if (real.split(path.sep).includes("node_modules")) return `^${version}`
    return `file:${path.relative(fs.realpathSync(appRoot), real).split(path.sep).join("/") || "."}`
}

/** Adds each missing package to devDependencies; a package in dependencies already counts as present. */
function addDevDependencies(manifest: Record<string, unknown>, wanted: Record<string, string>): string[] {
    const has = (name: string) =>
        ["dependencies", "devDependencies"].some(
            (field) => isJsonObject(manifest[field]) && name in (manifest[field] as object)
        )
    const missing = Object.keys(wanted).filter((name) => !has(name))
    if (missing.length === 0) return []
    const dev = isJsonObject(manifest.devDependencies) ? manifest.devDependencies : {}
    for (const name of missing) dev[name] = wanted[name]
    // Sorted, as npm keeps them.
    manifest.devDependencies = Object.fromEntries(Object.entries(dev).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    return missing
}

function installCommand(root: string): string[] {
    return INSTALLERS.find(([lockfile]) => fs.existsSync(path.join(root, lockfile)))?.[1] ?? ["npm", "install"]
}
