/**
 * Whether an app runs its tests with vitest. A module of its own, without the scaffolding's formatter and parser,
 * so that `attio-app test-setup` loads neither.
 */
import {existsSync, readFileSync} from "node:fs"
import path from "node:path"

import {isJsonObject} from "../json.js"

/** Files that configure vitest, as vitest looks for them. */
export const VITEST_CONFIGS = ["ts", "mts", "cts", "js", "mjs", "cjs"].map((ext) => `vitest.config.${ext}`)

/** Whether the app runs its tests with vitest: it depends on vitest, or has a vitest config. */
export function usesVitest(root: string): boolean {
    if (VITEST_CONFIGS.some((name) => existsSync(path.join(root, name)))) return true
    try {
        // A byte order mark is accepted, as npm accepts it.
        const pkg: unknown = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8").replace(/^\uFEFF/, ""))
        if (!isJsonObject(pkg)) return false
        return ["dependencies", "devDependencies"].some((field) => {
            const deps = pkg[field]
            return isJsonObject(deps) && "vitest" in deps
        })
    } catch {
        return false
    }
}
