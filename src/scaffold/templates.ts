/** Rendering the EJS templates in the package's templates/ folder. */
import {readFileSync} from "node:fs"
import path from "node:path"
// The named export `render` is missing from ejs's ESM build at run time; the default export has it.
import ejs from "ejs"

import {PACKAGE_ROOT} from "../package-info.js"

const TEMPLATES_DIR = path.join(PACKAGE_ROOT, "templates")

/**
 * Helpers every template gets. Templates put user input into code only through these, so no input can end a
 * string or comment early.
 */
const helpers = {
    /** A string literal (double-quoted; prettier converts the quotes to the app's style). */
    str: (value: string) => JSON.stringify(value),
    /** Text safe inside a template literal (between the backticks, outside `${}`). */
    tpl: (value: string) => value.replace(/[\\`]|\$\{/g, (m) => `\\${m}`),
    /** Text safe inside a `//` or `/* *\/` comment. */
    comment: (value: string) => value.replace(/[\r\n\u2028\u2029]+/g, " ").replace(/\*\//g, "*\\/"),
}

export function renderTemplate(name: string, data: Record<string, unknown>): string {
    const file = path.join(TEMPLATES_DIR, name)
    return ejs.render(readFileSync(file, "utf8"), {...helpers, ...data}, {filename: file, async: false})
}
