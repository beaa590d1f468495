/** Every test file removes the temp apps and dirs it made (vitest's setupFiles run this in each file). */
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import {afterAll, beforeAll, expect} from "vitest"

import {PACKAGE_ROOT} from "./bin.js"
import {removeWrittenApps} from "./temp-app.js"

// A package.json or node_modules that a test leaves above its temp dirs changes how every app below resolves
// (one in / broke esbuild and npm for all of /tmp once): a test file must not create one.
const ABOVE_TEMP_DIRS = [...new Set([os.tmpdir(), path.dirname(os.tmpdir()), path.parse(os.tmpdir()).root])].flatMap(
    (dir) => [path.join(dir, "package.json"), path.join(dir, "node_modules")]
)
let presentBefore: string[] = []

beforeAll(() => {
    presentBefore = ABOVE_TEMP_DIRS.filter((file) => fs.existsSync(file))
})

afterAll(() => {
    // yeoman-test leaves the process in the app it ran in, which is removed next: the files sharing this worker
    // (isolate: false) start where the first one did.
    process.chdir(PACKAGE_ROOT)
    removeWrittenApps()
    expect(ABOVE_TEMP_DIRS.filter((file) => fs.existsSync(file) && !presentBefore.includes(file))).toEqual([])
})
