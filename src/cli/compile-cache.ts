/**
 * Node's compile cache (Node 22.1 and later; docs/performance.md, "The compile cache"): the compiled code of
 * attio-lint's modules and of the TypeScript subset, kept between runs, about 30–40 ms of a run that parses.
 *
 * The cache is code: V8 runs what it finds there once checks that whoever writes the file can satisfy pass. So it
 * lives in the node_modules folder that holds the running attio-lint (the app's, installed as the docs say), where
 * whoever can write can already change attio-lint itself: never in the shared temporary folder (Node's default,
 * where another user of the machine could plant it), nor at --cache-location, nor in an app linted by an
 * attio-lint installed elsewhere (a checkout could commit its node_modules/.cache).
 */
import module from "node:module"
import path from "node:path"

import {PACKAGE_ROOT} from "../package-info.js"

/** Turns the cache on where Node has one and attio-lint runs from a node_modules folder. */
export function enableCompileCache(): void {
    const enable = (module as {enableCompileCache?: (directory: string) => unknown}).enableCompileCache
    const directory = compileCacheDirectory(PACKAGE_ROOT)
    if (typeof enable === "function" && directory !== undefined) enable(directory)
}

/** `<node_modules>/.cache/attio-lint-compile` of the node_modules folder that holds the package, if one does. */
export function compileCacheDirectory(packageRoot: string): string | undefined {
    const parts = packageRoot.split(path.sep)
    const at = parts.lastIndexOf("node_modules")
    return at === -1
        ? undefined
        : path.join(parts.slice(0, at + 1).join(path.sep) || path.sep, ".cache", "attio-lint-compile")
}
