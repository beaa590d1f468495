/**
 * Whether an app runs its tests with vitest. A module of its own, without the scaffolding's formatter and parser,
 * so that `attio-app test-setup` loads neither.
 */
import {isJsonObject} from "../json.js"
import type {Tree} from "./tree.js"

/** Files that configure vitest, as vitest looks for them. */
export const VITEST_CONFIGS = ["ts", "mts", "cts", "js", "mjs", "cjs"].map((ext) => `vitest.config.${ext}`)

/** Whether the app runs its tests with vitest: it depends on vitest, or has a vitest config. */
export function usesVitest(tree: Tree): boolean {
    if (VITEST_CONFIGS.some((name) => tree.exists(name))) return true
    try {
        // Without its byte order mark, as npm accepts it.
        const pkg: unknown = JSON.parse(tree.read("package.json") ?? "")
        if (!isJsonObject(pkg)) return false
        return ["dependencies", "devDependencies"].some((field) => {
            const deps = pkg[field]
            return isJsonObject(deps) && "vitest" in deps
        })
    } catch {
        return false
    }
}
