/**
 * Whether dist/ is the build of the sources as they are now, by content (a checkout or a `git stash` changes
 * mtimes and contents alike; only contents matter). `npm run build` begins with `node .ci/build-stamp.js --begin`
 * and ends with `--write`: it records a hash of every build input in dist/src/build/stamp (dist/src/build stays out
 * of the package), if the inputs are still those the build began from. The test scripts run `node .ci/build-stamp.js`, which runs `npm run build` only when that stamp is
 * missing or names other inputs, or an output is missing. Hashing the inputs (about 1 MB) takes a few milliseconds.
 */
import {spawnSync} from "node:child_process"
import {createHash} from "node:crypto"
import fs from "node:fs"
import path from "node:path"

const ROOT = path.resolve(import.meta.dirname, "..")
/** What `npm run build` reads: the sources it compiles, the build steps, their configuration and the locked dependencies. */
export const INPUT_FOLDERS = ["src", "generators", "packages/attio-lint"]
export const INPUT_FILES = [
    ".ci/build-stamp.js",
    "package.json",
    "package-lock.json",
    "tsconfig.json",
    "tsconfig.test.json",
]
/** Folders inside the input folders that the build writes or that hold installed packages. */
const NOT_INPUTS = new Set(["dist", "node_modules"])
export const STAMP = "dist/src/build/stamp"
/** The inputs' hash as the build began (`--begin`, after dist/ is emptied): `--write` stamps only if it still holds. */
const PENDING = "dist/src/build/stamp.pending"
/** Outputs the build writes besides the stamp: one deleted by hand is rebuilt too. */
export const OUTPUTS = [
    "dist/typescript-syntax.cjs",
    "dist/src/cli/attio-lint.js",
    "dist/src/cli/attio-app.js",
    "packages/attio-lint/dist/src/cli/attio-lint.js",
]

/**
 * One hash of the inputs, whatever order they come in: each file's path, length and bytes.
 * @param {Iterable<{path: string, bytes: Uint8Array}>} files app-relative paths with "/" separators
 * @returns {string}
 */
export function inputsHash(files) {
    const hash = createHash("sha256")
    for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
        hash.update(`${file.path}\0${file.bytes.length}\0`).update(file.bytes)
    }
    return hash.digest("hex")
}

/**
 * Why a build is needed, or undefined when dist/ is current.
 * @param {{stamp: string | undefined, hash: string, missingOutputs: string[]}} state
 * @returns {string | undefined}
 */
export function staleReason({stamp, hash, missingOutputs}) {
    if (stamp === undefined) return `${STAMP} is missing`
    if (stamp.trim() !== hash) return "the sources changed since the last build"
    if (missingOutputs.length > 0) return `${missingOutputs.join(", ")} missing`
    return undefined
}

/**
 * The build inputs under root, read from disk.
 * @param {string} root
 * @returns {{path: string, bytes: Uint8Array}[]}
 */
export function readInputs(root) {
    const files = INPUT_FILES.filter((rel) => fs.existsSync(path.join(root, rel)))
    for (const folder of INPUT_FOLDERS) {
        const walk = (/** @type {string} */ rel) => {
            for (const entry of fs.readdirSync(path.join(root, rel), {withFileTypes: true})) {
                const child = `${rel}/${entry.name}`
                if (entry.isDirectory() && !NOT_INPUTS.has(entry.name)) walk(child)
                else if (entry.isFile()) files.push(child)
            }
        }
        if (fs.existsSync(path.join(root, folder))) walk(folder)
    }
    return files.map((rel) => ({path: rel, bytes: fs.readFileSync(path.join(root, rel))}))
}

/**
 * @param {string} root
 * @returns {string | undefined}
 */
export function checkBuild(root) {
    const stampFile = path.join(root, STAMP)
    return staleReason({
        stamp: fs.existsSync(stampFile) ? fs.readFileSync(stampFile, "utf8") : undefined,
        hash: inputsHash(readInputs(root)),
        missingOutputs: OUTPUTS.filter((rel) => !fs.existsSync(path.join(root, rel))),
    })
}

if (process.argv[1] === import.meta.filename) {
    const pending = path.join(ROOT, PENDING)
    if (process.argv[2] === "--begin") {
        fs.mkdirSync(path.dirname(pending), {recursive: true})
        fs.writeFileSync(pending, `${inputsHash(readInputs(ROOT))}\n`)
    } else if (process.argv[2] === "--write") {
        // The inputs as the build began: an edit during the build leaves no stamp, so the next check builds again.
        const began = fs.existsSync(pending) ? fs.readFileSync(pending, "utf8") : undefined
        fs.rmSync(pending, {force: true})
        if (began !== undefined && began.trim() === inputsHash(readInputs(ROOT))) {
            fs.writeFileSync(path.join(ROOT, STAMP), began)
        } else {
            console.log("The sources changed during the build: no stamp written (the next test run builds again)")
        }
    } else {
        const reason = checkBuild(ROOT)
        if (reason === undefined) {
            console.log("dist/ is current (.ci/build-stamp.js): no build")
        } else {
            console.log(`Building: ${reason}`)
            const build = spawnSync("npm", ["run", "build"], {cwd: ROOT, stdio: "inherit"})
            process.exitCode = build.status ?? 1
        }
    }
}
