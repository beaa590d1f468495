/**
 * Modules of the build (dist/) loaded as Node loads them, not through the test runner's transform (which makes a
 * copy of its own of every module a test file imports, dist/'s included). Then they are the very modules the
 * generators import when Yeoman loads them (runGenerator, runAttioAppHere): the scaffolding, the app model and the
 * lint engine load once per test process, and a spy on what they use (fs, console) is seen by both.
 */
import {createRequire} from "node:module"
import path from "node:path"

import {PACKAGE_ROOT} from "./bin.js"

const require = createRequire(import.meta.url)

/** The module at `rel` under dist/, e.g. `src/scaffold/webhook.js`. */
export async function fromDist<T>(rel: string): Promise<T> {
    const file = path.join(PACKAGE_ROOT, "dist", rel)
    try {
        return require(file) as T
    } catch (error) {
        // Node before 20.19 (22.12) requires no ES module: the runner's copy then, slower but the same code.
        if ((error as NodeJS.ErrnoException).code !== "ERR_REQUIRE_ESM") throw error
        return (await import(file)) as T
    }
}
