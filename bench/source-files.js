/** The source files of an app as the bench counts them (what attio-lint walks); its own module so that parse-only.js loads nothing else. */
import {readdirSync} from "node:fs"
import path from "node:path"

const SOURCE_FILE = /\.(ts|tsx|js|jsx|mts|cts|mjs|cjs)$/

/** The app's source files, outside node_modules and dot folders. */
export function sourceFiles(app) {
    return readdirSync(app, {recursive: true, withFileTypes: true})
        .filter((e) => e.isFile() && SOURCE_FILE.test(e.name) && !e.name.endsWith(".d.ts"))
        .map((e) => path.join(e.parentPath, e.name))
        .filter(
            (f) =>
                !path
                    .relative(app, f)
                    .split(path.sep)
                    .some((part) => part === "node_modules" || part.startsWith("."))
        )
}
