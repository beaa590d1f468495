/**
 * How generated code is laid out: the app's prettier configuration when it has a static one, else Attio's.
 *
 * No configuration may run code: prettier's own lookup would import `prettier.config.js` (or `.ts`, `.mjs`…),
 * walk up above the app to any folder's config, and load the shared-config package a string "prettier" field
 * names. So the configuration is looked for here, in the app root only, and only a data file (JSON, YAML,
 * TOML, JSON5, an object in package.json or package.yaml) whose content is an object is handed to prettier to
 * apply (its `overrides` included). A code config or a shared-config package is reported, and Attio's style used.
 */
import path from "node:path"
import {stripVTControlCharacters} from "node:util"
import * as prettier from "prettier"
import {isJsonObject} from "../json.js"
import {ScaffoldError} from "./errors.js"
import type {Plan} from "./plan.js"
import type {Tree} from "./tree.js"

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

/** Prettier's config file names, in the order its lookup tries them. */
const CONFIG_FILES = [
    "package.json",
    "package.yaml",
    ".prettierrc",
    ".prettierrc.json",
    ".prettierrc.yml",
    ".prettierrc.yaml",
    ".prettierrc.json5",
    ".prettierrc.js",
    "prettier.config.js",
    ".prettierrc.ts",
    "prettier.config.ts",
    ".prettierrc.mjs",
    "prettier.config.mjs",
    ".prettierrc.mts",
    "prettier.config.mts",
    ".prettierrc.cjs",
    "prettier.config.cjs",
    ".prettierrc.cts",
    "prettier.config.cts",
    ".prettierrc.toml",
]

const CODE_CONFIG = /\.[cm]?[jt]s$/

/** The app's static config file, or why there is none to use (a note for the summary). */
type Found = {file: string} | {note: string} | undefined

async function findConfig(tree: Tree): Promise<Found> {
    for (const name of CONFIG_FILES) {
        const text = readConfig(tree, name)
        if (text === undefined) continue
        if (CODE_CONFIG.test(name)) {
            return {note: `${name} is code, which the generator does not run; generated code uses Attio's style.`}
        }
        const value = await parseConfig(name, text)
        if (name === "package.json" || name === "package.yaml") {
            const field = isJsonObject(value) ? value.prettier : undefined
            if (field === undefined) continue
            if (typeof field === "string") {
                return {
                    note: `${name} names the shared prettier config ${JSON.stringify(field)}, which the generator does not load; generated code uses Attio's style.`,
                }
            }
            if (!isJsonObject(field)) throw configError(name, `"prettier" is ${typeof field}, not an object`)
        } else if (!isJsonObject(value)) {
            // A string names a shared-config package, which prettier would import.
            throw configError(
                name,
                `it holds ${typeof value === "string" ? "a package name" : typeof value}, not an object of options`
            )
        }
        return {file: path.join(tree.root, name)}
    }
    return undefined
}

function readConfig(tree: Tree, name: string): string | undefined {
    try {
        return tree.read(name)
    } catch (error) {
        throw configError(name, (error as Error).message)
    }
}

/** The config's value, enough to tell an object from a package name; TOML is always an object. */
async function parseConfig(name: string, text: string): Promise<unknown> {
    try {
        if (name.endsWith(".json")) return JSON.parse(text)
        if (name.endsWith(".toml")) return {}
        // JSON5: an object starts with "{" once comments are left out.
        if (name.endsWith(".json5"))
            return text
                .replace(/\/\/.*|\/\*[\s\S]*?\*\//g, "")
                .trim()
                .startsWith("{")
                ? {}
                : ""
        // YAML, JSON included, as prettier reads `.prettierrc`.
        const yaml = (await import("prettier/plugins/yaml")) as unknown as {
            __parsePrettierYamlConfig(text: string): unknown
        }
        return yaml.__parsePrettierYamlConfig(text)
    } catch (error) {
        throw configError(name, (error as Error).message.split("\n")[0]!)
    }
}

function configError(name: string, reason: string): ScaffoldError {
    // Prettier colours its messages wherever chalk sees colour support (CI=true is enough).
    const plain = stripVTControlCharacters(reason).replace(/\.$/, "")
    return new ScaffoldError(`The app's prettier configuration cannot be read: ${name}: ${plain}.`)
}

/**
 * The style for the app-relative file `relPath`, so generated code matches what `prettier --write` would
 * leave. A note on a config that is not used goes to the plan's summary.
 */
export async function resolveStyle(plan: Plan, relPath: string): Promise<Style> {
    const found = await findConfig(plan.tree)
    if (found && "note" in found && !plan.notes.includes(found.note)) plan.notes.push(found.note)
    if (!found || !("file" in found)) return styleOf(ATTIO_STYLE)
    const name = path.basename(found.file)
    const config = await prettier
        .resolveConfig(path.join(plan.tree.root, relPath), {config: found.file, editorconfig: false})
        .catch((error: unknown) => {
            throw configError(name, (error as Error).message.split("\n").slice(0, 2).join(" "))
        })
    // Plugins are the app's to load; the built-in TypeScript printer is enough for generated code.
    const {plugins: _plugins, ...options} = config ?? ATTIO_STYLE
    // An invalid value (tabWidth: "x") is named with its file now, rather than failing the first format.
    await formatTypeScript("", {options, indent: ""}).catch((error: unknown) => {
        throw configError(name, (error as Error).message.split("\n")[0]!)
    })
    return styleOf(options)
}

function styleOf(options: prettier.Options): Style {
    return {options, indent: options.useTabs ? "\t" : " ".repeat(options.tabWidth ?? 2)}
}

export function formatTypeScript(code: string, style: Style): Promise<string> {
    return prettier.format(code, {...style.options, parser: "typescript"})
}
