/** Every test file removes the temp apps and dirs it made (vitest's setupFiles run this in each file). */
import {afterAll} from "vitest"

import {PACKAGE_ROOT} from "./bin.js"
import {removeWrittenApps} from "./temp-app.js"

afterAll(() => {
    // yeoman-test leaves the process in the app it ran in, which is removed next: the files sharing this worker
    // (isolate: false) start where the first one did.
    process.chdir(PACKAGE_ROOT)
    removeWrittenApps()
})
