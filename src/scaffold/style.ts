/** How generated code is laid out: the app's prettier configuration when it has one, else Attio's. */
import * as prettier from "prettier"
import {ScaffoldError} from "./errors.js"

/** The prettier configuration of Attio's app template (`npm create attio`). */
export const ATTIO_STYLE: prettier.Options = {
    arrowParens: "always",
    bracketSpacing: false,
    printWidth: 100,
    semi: false,
    singleQuote: false,
    tabWidth: 4,
    trailingComma: "es5",
}

export interface Style {
    options: prettier.Options
    /** One level of indentation, for code spliced into an existing file. */
    indent: string
}

/**
 * The style for a file at this absolute path: prettier's own config lookup (.prettierrc in any format,
 * package.json "prettier", upwards from the file), so generated code matches what `prettier --write` would
 * leave. An app without a config gets Attio's style.
 */
export async function resolveStyle(filePath: string): Promise<Style> {
    const found = await prettier.resolveConfig(filePath, {editorconfig: false}).catch((error: unknown) => {
        throw new ScaffoldError(
            `The app's prettier configuration cannot be read: ${(error as Error).message.split("\n").slice(0, 2).join(" ")}`
        )
    })
    // Plugins are the app's to load; the built-in TypeScript printer is enough for generated code.
    const {plugins: _plugins, ...options} = found ?? ATTIO_STYLE
    return {options, indent: options.useTabs ? "\t" : " ".repeat(options.tabWidth ?? 2)}
}

export function formatTypeScript(code: string, style: Style): Promise<string> {
    return prettier.format(code, {...style.options, parser: "typescript"})
}
