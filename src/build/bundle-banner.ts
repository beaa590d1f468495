/** Bundled CommonJS packages call `require`, which an ES module lacks: each output file of a bin's bundle gets its own. */
export const REQUIRE_BANNER =
    'import {createRequire as __attioLintCreateRequire} from "node:module";\nconst require = __attioLintCreateRequire(import.meta.url);'
