/**
 * .ci/build-stamp.js: the test scripts build only when dist/ is not the build of the sources as they are. The
 * hash and the decision in memory, the inputs as read from disk, and the scripts that write and check the stamp
 * (test/rebuild.test.ts runs the check itself).
 */
import fs from "node:fs"
import path from "node:path"
import {describe, expect, it} from "vitest"

import {INPUT_FILES, INPUT_FOLDERS, STAMP, inputsHash, readInputs, staleReason} from "../../.ci/build-stamp.js"
import {PACKAGE_ROOT} from "../support/bin.js"
import {writeApp} from "../support/temp-app.js"

const file = (rel: string, text: string) => ({path: rel, bytes: Buffer.from(text)})
const SOURCES = [file("src/a.ts", "export const a = 1\n"), file("src/b.ts", "export const b = 2\n")]

describe("the inputs' hash", () => {
    it("is the same whatever order the files come in", () => {
        expect(inputsHash([...SOURCES].reverse())).toBe(inputsHash(SOURCES))
    })

    it("changes with any byte of a file, a file added, removed or renamed, and bytes moved between files", () => {
        const hashes = [
            SOURCES,
            [file("src/a.ts", "export const a = 3\n"), SOURCES[1]],
            [...SOURCES, file("src/c.ts", "")],
            [SOURCES[0]],
            [file("src/c.ts", "export const a = 1\n"), SOURCES[1]],
            [file("src/a.ts", "export const a = 1\nexport"), file("src/b.ts", " const b = 2\n")],
        ].map(inputsHash)
        expect(new Set(hashes).size).toBe(hashes.length)
    })
})

describe("whether to build", () => {
    const hash = inputsHash(SOURCES)

    it("not when the stamp names these inputs and every output is there", () => {
        expect(staleReason({stamp: `${hash}\n`, hash, missingOutputs: []})).toBeUndefined()
    })

    it("when the stamp is missing, names other inputs, or an output is missing", () => {
        expect(staleReason({stamp: undefined, hash, missingOutputs: []})).toBe(`${STAMP} is missing`)
        expect(staleReason({stamp: inputsHash([SOURCES[0]]), hash, missingOutputs: []})).toBe(
            "the sources changed since the last build"
        )
        expect(staleReason({stamp: hash, hash, missingOutputs: ["dist/x.js"]})).toBe("dist/x.js missing")
    })
})

describe("the inputs read from disk", () => {
    it("are the files of the input folders and files, not what the build writes or installs", () => {
        const root = writeApp({
            "src/a.ts": "",
            "src/deep/b.ts": "",
            "generators/app/index.ts": "",
            "packages/attio-lint/build.js": "",
            "packages/attio-lint/dist/x.js": "",
            "packages/attio-lint/node_modules/y/index.js": "",
            "dist/src/a.js": "",
            "test/a.test.ts": "",
            "tsconfig.json": "{}",
        })
        expect(readInputs(root).map((input) => input.path)).toEqual([
            "package.json",
            "tsconfig.json",
            "src/a.ts",
            "src/deep/b.ts",
            "generators/app/index.ts",
            "packages/attio-lint/build.js",
        ])
    })

    it("cover every folder tsc compiles and every build step", () => {
        const tsconfig = JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, "tsconfig.json"), "utf8"))
        const compiled = (tsconfig.include as string[]).map((pattern) => pattern.split("/")[0])
        expect(INPUT_FOLDERS).toEqual(expect.arrayContaining(compiled))
        const {scripts} = JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, "package.json"), "utf8"))
        const steps = (scripts.build as string).split(" && ").flatMap((step) => step.match(/^node (\S+)/)?.[1] ?? [])
        for (const step of steps) {
            // A compiled step's source is in the same place under src/.
            const source = step.replace(/^dist\//, "")
            expect(
                [...INPUT_FOLDERS, ...INPUT_FILES].some((input) => source === input || source.startsWith(`${input}/`)),
                source
            ).toBe(true)
        }
    })
})

describe("the scripts", () => {
    const {scripts} = JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, "package.json"), "utf8"))

    it("npm run build stays a clean build and writes the stamp last", () => {
        expect(scripts.build).toMatch(/^rm -rf dist && .* && node \.ci\/build-stamp\.js --write$/)
    })

    it("the test commands build only when dist/ is not current", () => {
        for (const name of ["test", "test:e2e", "test:integration", "test:all"]) {
            expect(scripts[name], name).toMatch(/^node \.ci\/build-stamp\.js && vitest run\b/)
        }
    })
})
