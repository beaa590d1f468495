/** Where an app starts, without loading the app model (the testing runtime asks this on every load). */
import fs from "node:fs"
import path from "node:path"

/**
 * The nearest folder at or above `start` with a package.json or tsconfig.json, unless that folder
 * lies in an app's src/: a package.json there (`{"type": "module"}`) sets a module format and
 * starts no app of its own.
 */
export function findAppRoot(start: string): string | undefined {
    let nearest: string | undefined
    for (let dir = path.resolve(start); !nearest; dir = path.dirname(dir)) {
        if (hasManifest(dir)) nearest = dir
        else if (path.dirname(dir) === dir) return undefined
    }
    for (let dir = nearest; path.dirname(dir) !== dir; dir = path.dirname(dir)) {
        if (path.basename(dir) === "src" && hasManifest(path.dirname(dir))) return path.dirname(dir)
    }
    return nearest
}

function hasManifest(dir: string): boolean {
    return fs.existsSync(path.join(dir, "package.json")) || fs.existsSync(path.join(dir, "tsconfig.json"))
}
