import path from "node:path"

import {describe, expect, it} from "vitest"

import {compileCacheDirectory} from "../../src/cli/compile-cache.js"

const at = (...parts: string[]) => path.join(path.sep, ...parts)

describe("the compile cache's folder", () => {
    it("is in the node_modules folder that holds attio-lint: the app's, a workspace's, a global install's", () => {
        expect(compileCacheDirectory(at("app", "node_modules", "attio-lint"))).toBe(
            at("app", "node_modules", ".cache", "attio-lint-compile")
        )
        expect(compileCacheDirectory(at("repo", "node_modules", "@scope", "tools", "node_modules", "attio-lint"))).toBe(
            at("repo", "node_modules", "@scope", "tools", "node_modules", ".cache", "attio-lint-compile")
        )
        expect(compileCacheDirectory(at("usr", "lib", "node_modules", "generator-attio-app"))).toBe(
            at("usr", "lib", "node_modules", ".cache", "attio-lint-compile")
        )
    })

    it("is none for a checkout of attio-lint (no node_modules folder holds it): no cache, rather than the shared temporary folder", () => {
        expect(compileCacheDirectory(at("work", "generator-attio-app"))).toBeUndefined()
    })
})
