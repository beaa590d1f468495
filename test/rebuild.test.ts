/**
 * `node .ci/build-stamp.js`, as the test scripts run it, in a copy of the repository's shape whose build only
 * counts its runs and writes the outputs: it builds when there is no stamp, not when nothing changed, and again after
 * any edit to a source file (one saved during a build included), or when an output was deleted.
 */
import {spawnSync} from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import {expect, it} from "vitest"

import {OUTPUTS} from "../.ci/build-stamp.js"
import {PACKAGE_ROOT} from "./support/bin.js"
import {writeApp} from "./support/temp-app.js"

const BUILD = `
const fs = require("node:fs")
// A source saved while the build runs.
if (fs.existsSync("edit-during-build")) {
    fs.rmSync("edit-during-build")
    fs.appendFileSync("src/a.ts", "export const c = 3\\n")
}
for (const file of ${JSON.stringify(OUTPUTS)}) {
    fs.mkdirSync(require("node:path").dirname(file), {recursive: true})
    fs.writeFileSync(file, "")
}
fs.appendFileSync("builds", "built\\n")
`

it("builds when dist/ is not the build of the sources as they are, and only then", () => {
    const root = writeApp({
        "package.json": JSON.stringify({
            name: "stamped",
            private: true,
            type: "module",
            scripts: {
                build: "rm -rf dist && node .ci/build-stamp.js --begin && node build.cjs && node .ci/build-stamp.js --write",
            },
        }),
        "build.cjs": BUILD,
        ".ci/build-stamp.js": fs.readFileSync(path.join(PACKAGE_ROOT, ".ci/build-stamp.js"), "utf8"),
        "src/a.ts": "export const a = 1\n",
    })
    const check = () => {
        const result = spawnSync(process.execPath, [".ci/build-stamp.js"], {cwd: root, encoding: "utf8"})
        expect(result.status, result.stderr).toBe(0)
        const builds = fs.readFileSync(path.join(root, "builds"), "utf8").split("\n").length - 1
        return {builds, said: result.stdout.split("\n")[0]}
    }
    expect(check()).toEqual({builds: 1, said: "Building: dist/src/build/stamp is missing"})
    expect(check()).toEqual({builds: 1, said: "dist/ is current (.ci/build-stamp.js): no build"})
    fs.appendFileSync(path.join(root, "src/a.ts"), "export const b = 2\n")
    expect(check()).toEqual({builds: 2, said: "Building: the sources changed since the last build"})
    expect(check().builds).toBe(2)
    fs.rmSync(path.join(root, OUTPUTS[1]))
    expect(check()).toEqual({builds: 3, said: `Building: ${OUTPUTS[1]} missing`})
    expect(check().builds).toBe(3)
    // An edit during the build: the build began from other sources than the stamp would name, so it writes none.
    fs.appendFileSync(path.join(root, "src/a.ts"), "export const d = 4\n")
    fs.writeFileSync(path.join(root, "edit-during-build"), "")
    expect(check().builds).toBe(4)
    expect(check()).toEqual({builds: 5, said: "Building: dist/src/build/stamp is missing"})
    expect(check().builds).toBe(5)
})
