import fs from "node:fs"
import {builtinModules} from "node:module"
import path from "node:path"

import {describe, expect, it} from "vitest"

import {PACKAGE_ROOT} from "./support/bin.js"

const CLI_DIR = path.join(PACKAGE_ROOT, "dist/src/cli")
const CHUNKS = path.join(CLI_DIR, "chunks")
/** What src/build/cli-bundle.ts leaves outside the bundle. */
const EXTERNAL = new Set(["@ts-morph/common", "ts-morph", "prettier", "esbuild"])

/** The module specifiers a built file imports: its import statements and `import("./…")` calls. */
function specifiers(file: string): string[] {
    const text = fs.readFileSync(file, "utf8")
    const statements = [...text.matchAll(/^(?:import|export)\b[^;]*?["']([^"']+)["'];?$/gm)].map((m) => m[1])
    const dynamic = [...text.matchAll(/\bimport\(["'](\.[^"']+)["']\)/g)].map((m) => m[1])
    return [...statements, ...dynamic]
}

describe("the attio-lint bin (npm run build)", () => {
    it("is one module and its chunks: it imports Node's modules, its chunks and the external packages, nothing of tsc's output", () => {
        const files = [
            path.join(CLI_DIR, "attio-lint.js"),
            ...fs.readdirSync(CHUNKS).map((name) => path.join(CHUNKS, name)),
        ]
        const seen = new Set<string>()
        for (const file of files) {
            for (const specifier of specifiers(file)) {
                seen.add(specifier)
                if (specifier.startsWith(".")) {
                    const target = path.resolve(path.dirname(file), specifier)
                    expect([specifier, path.dirname(target)]).toEqual([specifier, CHUNKS])
                    expect(fs.existsSync(target)).toBe(true)
                } else {
                    const name = specifier.replace(/^node:/, "")
                    expect([specifier, builtinModules.includes(name) || EXTERNAL.has(specifier)]).toEqual([
                        specifier,
                        true,
                    ])
                }
            }
        }
        // The lazy parts stay lazy: the engine, the warm report and each formatter are chunks of their own.
        const bin = fs.readFileSync(path.join(CLI_DIR, "attio-lint.js"), "utf8")
        expect(bin).toMatch(/await import\("\.\/chunks\/engine-[\w-]+\.js"\)/)
        expect(bin).toMatch(/await import\("\.\/chunks\/warm-report-[\w-]+\.js"\)/)
        expect([...seen].some((s) => /^\.\/stylish-/.test(s))).toBe(true)
        // fdir's optional picomatch (src/build/cli-bundle.ts) is left out: nothing requires a package at run time.
        expect(files.filter((file) => /require\(["']picomatch["']\)/.test(fs.readFileSync(file, "utf8")))).toEqual([])
    })
})
