/** This package's own folder and manifest. */
import fs from "node:fs"
import path from "node:path"
import {fileURLToPath} from "node:url"

/**
 * The package's folder. Modules run from src/ (tests) and from dist/src/ (built), at different
 * depths, so it is the nearest folder with a package.json above this module.
 */
export const PACKAGE_ROOT = findPackageRoot(path.dirname(fileURLToPath(import.meta.url)))

let manifest: {name: string; version: string} | undefined

export function packageVersion(): string {
    manifest ??= JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, "package.json"), "utf8")) as {name: string; version: string}
    return manifest.version
}

function findPackageRoot(start: string): string {
    for (let dir = start; ; dir = path.dirname(dir)) {
        if (fs.existsSync(path.join(dir, "package.json"))) return dir
        if (path.dirname(dir) === dir) throw new Error("cannot find the package's own package.json")
    }
}
