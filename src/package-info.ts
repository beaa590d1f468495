/** This package's own manifest. */
import fs from "node:fs"
import path from "node:path"
import {fileURLToPath} from "node:url"

let manifest: {name: string; version: string} | undefined

/**
 * The package's version. Modules run from src/ (tests) and from dist/src/ (built), at different
 * depths, so the nearest package.json above this module is taken.
 */
export function packageVersion(): string {
    if (!manifest) {
        let dir = path.dirname(fileURLToPath(import.meta.url))
        while (!fs.existsSync(path.join(dir, "package.json"))) {
            const parent = path.dirname(dir)
            if (parent === dir) throw new Error("cannot find the package's own package.json")
            dir = parent
        }
        manifest = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as {name: string; version: string}
    }
    return manifest.version
}
