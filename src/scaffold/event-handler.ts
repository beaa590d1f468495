/**
 * Reading and editing an existing event handler (connection-added, connection-removed) with ts-morph.
 *
 * Edits are text insertions at positions found in the syntax tree, so every existing character stays as it
 * was: the file keeps its own formatting, comments and line order, and only gains lines (plus the names
 * added inside an existing `import {…} from "attio/server"`). Only syntax is used: no type checker.
 */
import {
    Node,
    SyntaxKind,
    type ArrowFunction,
    type Block,
    type CallExpression,
    type FunctionDeclaration,
    type FunctionExpression,
    type ImportDeclaration,
    type SourceFile,
} from "ts-morph"
import {extractFacts, type FileFacts, type ImportFact, SDK_SERVER as SDK_MODULE} from "../app-model/facts/index.js"
import {typescriptSyntax} from "../app-model/typescript.js"
import {ScaffoldError} from "./errors.js"
import {assertParses} from "./source.js"
import {formatTypeScript, type Style} from "./style.js"
import {compareNames, Edits, lineEnding, lineIndent, lineStart, shorten, uniqueName} from "./text-edits.js"

interface SdkImport {
    /** The name `attio/server` exports. */
    name: string
    type: boolean
}

/** Code to add: one call in the default-exported function, and the helper function it calls. */
export interface Insertion {
    /** Values the helper uses from `attio/server`; the type `Connection` (its parameter's) is always imported. */
    values: readonly string[]
    /** Preferred name of the helper; a number is appended when the file already declares it. */
    helperName: string
    /** Refuse, with this message, instead of appending a number when the file declares the helper's name. */
    refuseTakenHelper?: (relPath: string, helper: string) => string
    /** The helper's source, given its final name and the expression that names each import in this file. */
    renderHelper(names: {helper: string; sdk: Readonly<Record<string, string>>}): string
}

type EditableFunction = FunctionDeclaration | FunctionExpression | ArrowFunction

export class EventHandlerFile {
    readonly sourceFile: SourceFile
    /** What the linter reads of the file: its imports and what its default export is. */
    private readonly facts: FileFacts
    private readonly sdk: SdkBindings
    /** The file's line ending, which inserted code uses too. */
    private readonly eol: string

    /** Throws a ScaffoldError when the file does not parse. */
    constructor(
        readonly relPath: string,
        readonly text: string
    ) {
        this.sourceFile = tooDeep(relPath, () => assertParses(relPath, text, "the existing file"))
        this.facts = extractFacts(typescriptSyntax(), relPath, text)
        this.sdk = sdkBindings(this.sourceFile, this.facts)
        this.eol = lineEnding(text)
    }

    /**
     * How the file refers to an `attio/server` export, when it imports it; a value only through an import that
     * is not type-only (`import type` names serve only as types: tsc and the build refuse them as values).
     */
    private sdkRef(name: string, type: boolean): string | undefined {
        const usable = (binding: {typeOnly: boolean}) => type || !binding.typeOnly
        const named = this.sdk.imports.flatMap((i) => i.named).find((n) => n.imported === name && usable(n))
        const namespace = this.sdk.imports.find((i) => i.namespaceLocal && usable(i))?.namespaceLocal
        return named?.local ?? (namespace && `${namespace}.${name}`)
    }

    /** Calls of an `attio/server` export, under whatever local name or namespace the file imports it. */
    sdkCalls(name: string): CallExpression[] {
        const callees = new Set([name, this.sdkRef(name, false)])
        return tooDeep(this.relPath, () =>
            this.sourceFile
                .getDescendantsOfKind(SyntaxKind.CallExpression)
                .filter((call) => callees.has(call.getExpression().getText()))
        )
    }

    /**
     * The file's text with the insertion made. A function that takes no parameter gets
     * `{connection}: {connection: Connection}`, since the call passes the connection on.
     */
    async insert(insertion: Insertion, style: Style): Promise<string> {
        const edits = tooDeep(this.relPath, () => this.planEdits(insertion))
        return edits(style)
    }

    /** The syntax-tree work of `insert` (synchronous, so that a stack overflow is caught where it happens). */
    private planEdits(insertion: Insertion): (style: Style) => Promise<string> {
        if (!this.relPath.endsWith(".ts")) {
            throw new ScaffoldError(
                `${this.relPath}: the generators only add code to TypeScript event handlers; add it by hand.`
            )
        }
        const fn = this.defaultExportedFunction()
        const declared = declaredNames(this.sourceFile)
        const sdkRefs: Record<string, string> = {}
        const missing: {import: SdkImport; local: string}[] = []
        const wanted: SdkImport[] = [
            {name: "Connection", type: true},
            ...insertion.values.map((name) => ({name, type: false})),
        ]
        for (const {name, type} of wanted) {
            const existing = this.sdkRef(name, type)
            if (existing) {
                sdkRefs[name] = existing
                continue
            }
            // A local declaration of the same name (e.g. the app's own helper) keeps its name; the import is aliased.
            const local = uniqueName(name, declared)
            sdkRefs[name] = local
            missing.push({import: {name, type}, local})
        }
        if (insertion.refuseTakenHelper && declared.has(insertion.helperName)) {
            throw new ScaffoldError(insertion.refuseTakenHelper(this.relPath, insertion.helperName))
        }
        const helper = uniqueName(insertion.helperName, declared)

        const edits = new Edits()
        let connection = this.connectionExpression(fn, edits)
        if (connection === undefined) {
            connection = uniqueName("connection", declared)
            const binding = connection === "connection" ? "{connection}" : `{connection: ${connection}}`
            // After a `this` parameter, which only types `this` and takes no argument.
            const thisParameter = fn.getParameters()[0]
            edits.add(
                thisParameter?.getEnd() ?? fn.getFirstChildByKindOrThrow(SyntaxKind.OpenParenToken).getEnd(),
                `${thisParameter ? ", " : ""}${binding}: {connection: ${sdkRefs.Connection}}`
            )
        }
        // The call is awaited: a sync function would get `await` where it is a syntax error (as the async-handler
        // rule's fix does, the function becomes async; the platform awaits what an event handler returns).
        if (!fn.isAsync()) {
            const keyword = Node.isArrowFunction(fn) ? fn : fn.getFirstChildByKindOrThrow(SyntaxKind.FunctionKeyword)
            edits.add(keyword.getStart(), "async ")
        }
        const body = fn.getBody() as Block
        return async (style) => {
            await this.addImports(edits, missing, style)
            const call = (await formatTypeScript(`await ${helper}(${connection})`, style)).trimEnd()
            this.addCall(edits, body, call, style)
            const helperCode = await formatTypeScript(insertion.renderHelper({helper, sdk: sdkRefs}), style)
            edits.add(
                this.text.length,
                `${/[\r\n]$/.test(this.text) ? "" : this.eol}${this.eol}${this.toEol(helperCode)}`
            )
            return edits.apply(this.text)
        }
    }

    /**
     * The function the platform calls, as the linter finds it: `export default function`, `export default <function
     * or arrow>` or `export default name` / `export {name as default}` for a function declared in the file,
     * through parentheses, `as`, `satisfies`, `!`, `<T>` and local names.
     */
    private defaultExportedFunction(): EditableFunction {
        // The file parsed: what is left to fail in the facts' walk is code nested too deep for it.
        if (this.facts.parseError) throw tooDeepError(this.relPath, this.facts.parseError.message)
        const value = this.facts.exportValues.default
        const refuse = (why: string) => new ScaffoldError(`${this.relPath}: ${why}`)
        switch (value?.kind) {
            case undefined:
                throw refuse(
                    "it has no default export, so the platform would not call it; export its function with `export default async function`."
                )
            case "function":
                return this.withBlockBody(this.functionAt(value.fn.pos))
            case "import":
                throw refuse(
                    `its default export comes from "${value.module}"; the generator only adds code to a function in the file itself: add the code where that function is.`
                )
            case "not-function":
                throw refuse(
                    `its default export is not a function (it is ${value.what}); the generator can only add code to a function.`
                )
            case "unknown":
                throw refuse(
                    `its default export is not a function declared in the file (it is \`${shorten(value.text)}\`); the generator can only add code to a function.`
                )
        }
    }

    /** The function whose first token is at `position`. */
    private functionAt(position: number): EditableFunction {
        return this.sourceFile
            .getDescendantAtPos(position)!
            .getAncestors()
            .find(
                (node): node is EditableFunction =>
                    (Node.isFunctionDeclaration(node) ||
                        Node.isFunctionExpression(node) ||
                        Node.isArrowFunction(node)) &&
                    node.getStart() === position
            )!
    }

    private withBlockBody(fn: EditableFunction): EditableFunction {
        if (Node.isBlock(fn.getBody())) return fn
        throw new ScaffoldError(
            Node.isArrowFunction(fn)
                ? `${this.relPath}: its default-exported arrow function has an expression body; give it a block body ({ … }) to add code to it.`
                : `${this.relPath}: its default-exported function is declared without a body; give it one to add code to it.`
        )
    }

    /**
     * How the function's first parameter names the connection: `{connection}`, `{connection: c}` or `event`;
     * undefined when it takes no parameter.
     */
    private connectionExpression(fn: EditableFunction, edits: Edits): string | undefined {
        const parameter = fn.getParameters().find((p) => p.getName() !== "this")
        if (parameter === undefined) return undefined
        if (parameter.isRestParameter()) {
            throw new ScaffoldError(
                `${this.relPath}: its default-exported function takes rest parameters (\`${shorten(parameter.getText())}\`), so the generator cannot name the connection; give it the parameter \`{connection}: {connection: Connection}\` and run the generator again.`
            )
        }
        const name = parameter.getNameNode()
        // An unused `_`-named parameter (the skeleton's `_event`, lint-clean while unused) gets used now: it
        // becomes `{connection}`, or `connection` in `{connection: _connection}`.
        const unused = (local: Node) =>
            local.getText().startsWith("_") && !mentions(fn, [local.getText(), "connection"])
        if (Node.isIdentifier(name)) {
            if (!unused(name)) return `${name.getText()}.connection`
            // `async _event => …` takes its parameter without parentheses, which a destructuring pattern needs.
            const bare = Node.isArrowFunction(fn) && !fn.getFirstChildByKind(SyntaxKind.OpenParenToken)
            edits.replace(name.getStart(), name.getEnd(), bare ? "({connection})" : "{connection}")
            return "connection"
        }
        if (Node.isObjectBindingPattern(name)) {
            for (const element of name.getElements()) {
                const local = element.getNameNode()
                const property = element.getPropertyNameNode()?.getText() ?? local.getText()
                if (property !== "connection" || !Node.isIdentifier(local) || element.getDotDotDotToken()) continue
                if (!unused(local)) return local.getText()
                edits.replace(element.getStart(), element.getEnd(), "connection")
                return "connection"
            }
        }
        throw new ScaffoldError(
            `${this.relPath}: its default-exported function does not take the connection; give it the parameter \`{connection}: {connection: Connection}\` and run the generator again.`
        )
    }

    /** Adds the missing names to the existing `attio/server` imports, or new import declarations after the last import. */
    private async addImports(edits: Edits, missing: {import: SdkImport; local: string}[], style: Style) {
        const specifier = (m: {import: SdkImport; local: string}) =>
            m.local === m.import.name ? m.local : `${m.import.name} as ${m.local}`
        const values = missing.filter((m) => !m.import.type).map(specifier)
        const types = missing.filter((m) => m.import.type).map(specifier)
        const {typeDeclaration, valueDeclaration} = this.sdk
        const newDeclarations: string[] = []
        if (types.length > 0) {
            // Type names join an `import type {…}` when there is one, else go inline into the value import.
            if (typeDeclaration) this.addSpecifiers(edits, typeDeclaration, types)
            else if (valueDeclaration)
                this.addSpecifiers(
                    edits,
                    valueDeclaration,
                    types.map((t) => `type ${t}`)
                )
            else newDeclarations.push(`import type {${types.join(", ")}} from "${SDK_MODULE}"`)
        }
        if (values.length > 0) {
            if (valueDeclaration) this.addSpecifiers(edits, valueDeclaration, values)
            else newDeclarations.push(`import {${values.join(", ")}} from "${SDK_MODULE}"`)
        }
        if (newDeclarations.length === 0) return
        const code = this.toEol((await formatTypeScript(newDeclarations.join("\n"), style)).trimEnd())
        const lastImport = this.sourceFile.getImportDeclarations().at(-1)
        if (lastImport) edits.add(lastImport.getEnd(), `${this.eol}${code}`)
        else edits.add(this.sourceFile.getStatements()[0]!.getStart(true), `${code}${this.eol}${this.eol}`)
    }

    /**
     * Inserts specifiers into `{…}`, each before the first existing one that sorts after it (so a sorted list
     * stays sorted), on its own line when the list is one per line.
     */
    private addSpecifiers(edits: Edits, declaration: ImportDeclaration, specifiers: string[]) {
        const elements = declaration.getNamedImports()
        const last = elements.at(-1)!
        const multiline = elements[0]!.getStartLineNumber() !== declaration.getImportClause()!.getStartLineNumber()
        const newLine = this.eol + lineIndent(this.text, elements[0]!.getStart())
        for (const specifier of [...specifiers].sort(compareNames)) {
            const next = elements.find((e) => compareNames(e.getName(), specifier.replace(/^type /, "")) > 0)
            const comma = last.getNextSibling()
            if (next) edits.add(next.getStart(), multiline ? `${specifier},${newLine}` : `${specifier}, `)
            else if (!multiline) edits.add(last.getEnd(), `, ${specifier}`)
            else if (comma?.getKind() === SyntaxKind.CommaToken) edits.add(comma.getEnd(), `${newLine}${specifier},`)
            else edits.add(last.getEnd(), `,${newLine}${specifier}`)
        }
    }

    /**
     * The call goes last in the function, or just before a final return/throw, at the body's indentation, on a
     * line of its own: a body on one line (`{ return x }`) is opened up.
     */
    private addCall(edits: Edits, body: Block, call: string, style: Style) {
        const statements = body.getStatements()
        const outerIndent = lineIndent(this.text, body.getStart())
        const ownLine = (position: number) => this.text.slice(lineStart(this.text, position), position).trim() === ""
        const first = statements[0]
        const indent =
            first && ownLine(first.getStart()) ? lineIndent(this.text, first.getStart()) : outerIndent + style.indent
        const lines = `${indent}${call.split("\n").join(this.eol + indent)}`
        const last = statements.at(-1)
        if (last && (Node.isReturnStatement(last) || Node.isThrowStatement(last))) {
            const start = last.getLeadingCommentRanges()[0]?.getPos() ?? last.getStart()
            if (ownLine(start)) {
                edits.add(lineStart(this.text, start), `${lines}${this.eol}`)
                return
            }
            // `{ return x }` or `a(); return x`: the blanks before the return become a line break and the indentation.
            const before = statements.at(-2)?.getEnd() ?? body.getStart() + 1
            edits.replace(
                before,
                start,
                `${this.commentsBetween(before, start)}${this.eol}${lines}${this.eol}${indent}`
            )
            const closeBrace = body.getEnd() - 1
            if (!ownLine(closeBrace)) {
                const comments = this.commentsBetween(last.getEnd(), closeBrace)
                edits.replace(last.getEnd(), closeBrace, `${comments}${this.eol}${outerIndent}`)
            }
            return
        }
        const closeBrace = body.getEnd() - 1
        const closeLineStart = lineStart(this.text, closeBrace)
        // A `}` on a line of its own gets the call on the line above; `{}` or `{ x() }` are opened up.
        if (ownLine(closeBrace)) edits.add(closeLineStart, `${lines}${this.eol}`)
        else {
            const end = last?.getEnd() ?? body.getStart() + 1
            edits.replace(
                end,
                closeBrace,
                `${this.commentsBetween(end, closeBrace)}${this.eol}${lines}${this.eol}${outerIndent}`
            )
        }
    }

    /** The comments between two positions of a body on one line (`{ /* nothing yet *\/ }`), kept when it is opened up. */
    private commentsBetween(from: number, to: number): string {
        const text = this.text.slice(from, to).trim()
        return text === "" ? "" : ` ${text}`
    }

    private toEol(code: string): string {
        return code.replace(/\n/g, this.eol)
    }
}

interface SdkBindings {
    /** The file's imports of `attio/server`, as the linter reads them. */
    imports: ImportFact[]
    /** The first `import {…}` (not `import type`) with named imports, which new value names join. */
    valueDeclaration: ImportDeclaration | undefined
    /** The first `import type {…}`, which new type names join. */
    typeDeclaration: ImportDeclaration | undefined
}

function sdkBindings(sourceFile: SourceFile, facts: FileFacts): SdkBindings {
    const imports = facts.imports.filter((i) => i.module === SDK_MODULE)
    const declaration = (typeOnly: boolean) => {
        const fact = imports.find((i) => i.named.length > 0 && i.typeOnly === typeOnly)
        return fact && sourceFile.getImportDeclarations().find((d) => d.getStart() === fact.pos)
    }
    return {imports, valueDeclaration: declaration(false), typeDeclaration: declaration(true)}
}

/** Whether any of the names appears in the function's body (as a use, or a declaration that would shadow it). */
function mentions(fn: EditableFunction, names: string[]): boolean {
    return fn
        .getBody()!
        .getDescendantsOfKind(SyntaxKind.Identifier)
        .some((identifier) => names.includes(identifier.getText()))
}

/** Every name the file declares anywhere (over-approximating scopes is harmless: it only avoids more names). */
function declaredNames(sourceFile: SourceFile): Set<string> {
    const names = new Set<string>()
    for (const identifier of sourceFile.getDescendantsOfKind(SyntaxKind.Identifier)) {
        const parent = identifier.getParent().compilerNode as {name?: unknown}
        if (parent.name === identifier.compilerNode) names.add(identifier.getText())
    }
    return names
}

/**
 * Runs a syntax-tree walk, turning a stack overflow (code nested thousands of levels deep) into a message
 * naming the file.
 */
function tooDeep<T>(relPath: string, walk: () => T): T {
    try {
        return walk()
    } catch (error) {
        if (!(error instanceof RangeError)) throw error
        throw tooDeepError(relPath, error.message)
    }
}

function tooDeepError(relPath: string, reason: string): ScaffoldError {
    return new ScaffoldError(
        `${relPath}: its code nests too deeply for the generator to edit (${reason}); add the code by hand.`
    )
}
