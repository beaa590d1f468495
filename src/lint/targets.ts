/** What a lint's targets cover: shared by the engine and the warm path, which must agree exactly. */
import fs from "node:fs"
import path from "node:path"

/** The targets as absolute paths; none means the folder the lint runs in. */
export function resolvedTargets(options: {targets?: string[]}, cwd: string): string[] {
    return (options.targets?.length ? options.targets : [cwd]).map((t) => path.resolve(cwd, t))
}

export function isDirectory(target: string): boolean {
    try {
        return fs.statSync(target).isDirectory()
    } catch {
        return false
    }
}

/** Whether a file's findings are wanted: the whole app, a folder of it, or the named files. */
export function scopeFilter(root: string, targets: string[]): (file: string) => boolean {
    if (targets.includes(root)) return () => true
    const dirs: string[] = []
    const files = new Set<string>()
    for (const t of targets) {
        if (isDirectory(t)) dirs.push(t + path.sep)
        else files.add(t)
    }
    return (file) => files.has(file) || dirs.some((d) => file.startsWith(d) || file + path.sep === d)
}
