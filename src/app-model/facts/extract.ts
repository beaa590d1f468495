/**
 * Per-file facts: what one source file says, read from its syntax alone (./types.ts has their shapes). Nothing
 * here builds a type checker. The readers of the file share its syntax (./syntax.ts) and what its top level
 * declares (ModuleScope): the module surface (./module-surface.ts), functions (./functions.ts, with
 * ./reachability.ts), constant values (./values.ts) and uses of imports (./uses.ts).
 */
import type {ts} from "@ts-morph/common"

import {typeScriptInJavaScript} from "../bundler-syntax.js"
import type {TypeScriptSyntax} from "../typescript.js"
import {FunctionReader} from "./functions.js"
import {type ModuleScope, ModuleSurface} from "./module-surface.js"
import {Reachability} from "./reachability.js"
import {FileSyntax} from "./syntax.js"
import {emptyFacts, type FileFacts} from "./types.js"
import {SdkUses} from "./uses.js"
import {ConstantValues} from "./values.js"

/** Files worth parsing at all: a cheap text test before the parser runs. */
export function mentionsSdk(text: string): boolean {
    return text.includes("attio/")
}

/**
 * `tsApi`: the compiler's syntax API, as typescriptSyntax() provides it. `walk`: "full" visits every node where
 * "guided" (the same facts, faster) skips what names no watched import; tests compare the two.
 */
export function extractFacts(
    tsApi: TypeScriptSyntax,
    fileName: string,
    text: string,
    walk: "guided" | "full" = "guided"
): FileFacts {
    // JSDoc says nothing the checks need: not parsing it saves time on every file.
    const options = {languageVersion: tsApi.ScriptTarget.Latest, jsDocParsingMode: tsApi.JSDocParsingMode.ParseNone}
    // Parent pointers cost a walk over every node; only the scope lookups around SDK calls need them.
    try {
        const sf = tsApi.createSourceFile(fileName, text, options, false, scriptKind(tsApi, fileName))
        const hasDynamicImport = mayImportDynamically(text)
        return (
            readFacts(new FileSyntax(tsApi, sf), hasDynamicImport, walk === "guided") ??
            readFacts(new FileSyntax(tsApi, sf), hasDynamicImport, false)!
        )
    } catch (error) {
        // Thousands of nested blocks exhaust the stack of the parser or of the walk (tsc fails there too).
        if (!(error instanceof RangeError)) throw error
        return {
            ...emptyFacts(),
            parseError: {
                message: "the file is nested too deeply to analyse",
                range: {line: 1, column: 1, endLine: 1, endColumn: 1},
            },
        }
    }
}

function scriptKind(tsApi: TypeScriptSyntax, fileName: string): ts.ScriptKind {
    if (/\.[cm]?tsx?$/.test(fileName)) return fileName.endsWith("x") ? tsApi.ScriptKind.TSX : tsApi.ScriptKind.TS
    return fileName.endsWith("x") ? tsApi.ScriptKind.JSX : tsApi.ScriptKind.JS
}

/**
 * What follows `import` in a dynamic import, tested where an `import` was found: the parenthesis, after any
 * whitespace TypeScript skips (JavaScript's `\s` and U+0085, U+200B) and comments.
 */
const CALL_AFTER = /(?:[\s\u0085\u200B]|\/\*[\s\S]*?\*\/|\/\/[^\n\r\u2028\u2029]*)*\(/y

/**
 * Whether the text may hold a dynamic `import()`: an `import` followed by a parenthesis anywhere, tested at each
 * `import` indexOf finds (a regular expression scanning the whole text for it costs more than all the reading of
 * most files).
 */
function mayImportDynamically(text: string): boolean {
    for (let at = text.indexOf("import"); at !== -1; at = text.indexOf("import", at + 1)) {
        CALL_AFTER.lastIndex = at + "import".length
        if (CALL_AFTER.test(text)) return true
    }
    return false
}

/**
 * `hasDynamicImport`: whether the text may hold a dynamic `import()` (of attio/client). `guided`: whether the walk
 * may skip what names no watched import; undefined when it did and found a const bound to one (whose uses it may
 * have skipped: read the file again without skipping).
 */
function readFacts(syntax: FileSyntax, hasDynamicImport: boolean, guided: boolean): FileFacts | undefined {
    const {tsApi, sf} = syntax
    const scope: ModuleScope = {
        facts: emptyFacts(),
        watchedImports: new Set(),
        topLevel: new Map(),
        typeDecls: new Map(),
    }
    const facts = scope.facts
    const values = new ConstantValues(syntax)
    const uses = new SdkUses(syntax, scope, values)
    const surface = new ModuleSurface(
        syntax,
        scope,
        values,
        new FunctionReader(syntax, scope, new Reachability(syntax)),
        uses
    )
    const diagnostics = (sf as unknown as {parseDiagnostics?: ts.DiagnosticWithLocation[]}).parseDiagnostics
    if (diagnostics && diagnostics.length > 0) {
        const d = diagnostics[0]
        facts.parseError = {
            message: tsApi.flattenDiagnosticMessageText(d.messageText, " "),
            range: syntax.rangeOf(d.start, d.start + Math.max(d.length, 1)),
        }
    }
    // As the build's bundler: a .js file is plain JavaScript (TypeScript's parser accepts types there).
    const js = /\.[cm]?jsx?$/.exec(sf.fileName)
    const foreign = js && !facts.parseError && typeScriptInJavaScript(tsApi, sf, js[0].endsWith("x"))
    if (foreign) facts.parseError = {message: foreign.message, range: syntax.rangeOfNode(foreign.node)}
    for (const statement of sf.statements) surface.readTopLevel(statement)
    surface.sortClientImports()
    // Most files import nothing that could lead to the SDK, or use what they import only where no call, property
    // read or binding can start from it (the webhook template's `${ATTIO_API_TOKEN}`): the walk over every node
    // (and the parent pointers its scope look-ups need) is skipped.
    const walk = hasDynamicImport || (scope.watchedImports.size > 0 && !usesAreInert(syntax, scope.watchedImports))
    // Only a node whose text names a watched import can be read as a use of one (when no const aliases it, no
    // dynamic import() stands for it, no escape spells it and the parse went well): the walk skips the rest.
    const mentions =
        walk && guided && !hasDynamicImport && !facts.parseError && !sf.text.includes("\\u")
            ? mentionsOf(sf.text, scope.watchedImports)
            : undefined
    const nodes = walk ? uses.collect(sf, mentions) : []
    if (scope.watchedImports.size > 0) for (const statement of sf.statements) surface.readAliases(statement)
    for (const statement of sf.statements) surface.readExports(statement)
    uses.read(nodes)
    return mentions && uses.foundAliases ? undefined : facts
}

/** Where the text names any of these (as part of a longer word too), in order. */
function mentionsOf(text: string, names: ReadonlySet<string>): number[] {
    const offsets: number[] = []
    for (const name of names)
        for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + 1)) offsets.push(at)
    return offsets.sort((a, b) => a - b)
}

/** Characters of an ASCII identifier: a name found beside one is part of another word. */
const IDENTIFIER_PART = /[\w$]/

/**
 * Whether no call, property read or binding in the file can have a watched import at its root: every occurrence of
 * each name in the text, as a word, is in an import declaration, a template's `${name}`, or after `:` and before
 * `)`, `,`, `;` or `}` (a type annotation, an object's property value, a conditional's last branch). A walk then
 * finds nothing. Anything else walks: a name in a comment, a string or a declaration, and any text with a `\u`
 * (an identifier may spell its name with escapes).
 */
function usesAreInert(syntax: FileSyntax, names: ReadonlySet<string>): boolean {
    const {sf, tsApi} = syntax
    const text = sf.text
    if (text.includes("\\u")) return false
    const imports = sf.statements.filter((s) => tsApi.isImportDeclaration(s))
    for (const name of names) {
        for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + 1)) {
            const end = at + name.length
            if (IDENTIFIER_PART.test(text[at - 1] ?? "") || IDENTIFIER_PART.test(text[end] ?? "")) continue
            if (imports.some((s) => s.pos <= at && end <= s.end)) continue
            if (text.startsWith("${", at - 2) && text[end] === "}") continue
            if (text[lastNonSpace(text, at - 1)] === ":" && ")},;".includes(text[firstNonSpace(text, end)] ?? "."))
                continue
            return false
        }
    }
    return true
}

function lastNonSpace(text: string, from: number): number {
    let i = from
    while (i >= 0 && /\s/.test(text[i])) i--
    return i
}

function firstNonSpace(text: string, from: number): number {
    let i = from
    while (i < text.length && /\s/.test(text[i])) i++
    return i
}
