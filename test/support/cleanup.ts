/** Every test file removes the temp apps and dirs it made (vitest's setupFiles run this in each file). */
import {afterAll} from "vitest"

import {removeWrittenApps} from "./temp-app.js"

afterAll(removeWrittenApps)
