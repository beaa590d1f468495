/**
 * The attio-app bin is one bundle with its Yeoman stack (src/build/app-bundle.ts): a generator run loads Yeoman from
 * the bundle's chunks, and never npm's installer, which yeoman-environment imports to install generators.
 */
import fs from "node:fs"
import path from "node:path"
import {describe, expect, it} from "vitest"
import {runBin} from "../support/bin.js"
import {tempDir, writeApp} from "../support/temp-app.js"

/** An ES module loader hook that appends each module URL it resolves to `log`, and its registration. */
function resolveLogger(dir: string, log: string): string {
    fs.writeFileSync(
        path.join(dir, "hooks.mjs"),
        `import fs from "node:fs"\nexport async function resolve(specifier, context, next) {\n    const result = await next(specifier, context)\n    fs.appendFileSync(${JSON.stringify(log)}, result.url + "\\n")\n    return result\n}\n`
    )
    const register = path.join(dir, "register.mjs")
    fs.writeFileSync(register, 'import {register} from "node:module"\nregister("./hooks.mjs", import.meta.url)\n')
    return register
}

describe("the bundled attio-app bin", () => {
    it("runs a generator without loading Yeoman, lodash-es or npm's installer from node_modules", () => {
        const dir = tempDir("attio-app-loads-")
        const log = path.join(dir, "resolved.txt")
        const result = runBin("attio-app", ["webhook", "deal", "--yes", "--dry-run"], {
            cwd: writeApp({}),
            env: {NODE_OPTIONS: `--import=${resolveLogger(dir, log)}`},
        })
        expect(result.stderr).toContain("Dry run: nothing was written.")
        expect(result.code).toBe(0)
        const resolved = fs.readFileSync(log, "utf8").trim().split("\n")
        // The hook sees the bundle's chunks and what stays outside it (prettier formats the new handler).
        expect(resolved.some((url) => url.includes("/dist/src/cli/app-chunks/"))).toBe(true)
        expect(resolved.some((url) => url.includes("/node_modules/prettier/"))).toBe(true)
        const unbundled =
            /\/node_modules\/(yeoman-environment|yeoman-generator|lodash-es|fly-import|@npmcli\/arborist|pacote|sigstore|latest-version)\//
        expect(resolved.filter((url) => unbundled.test(url))).toEqual([])
    })
})
