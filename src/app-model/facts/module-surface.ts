/**
 * A module's surface: its imports (and which of attio/client's the bundler keeps), its top-level declarations and
 * constants, its exports and what each exported binding is.
 */
import type {ts} from "@ts-morph/common"

import {importUse} from "../bundler-syntax.js"
import type {TypeScriptSyntax} from "../typescript.js"
import type {FunctionReader} from "./functions.js"
import type {FileSyntax} from "./syntax.js"
import {type FileFacts, type ImportFact, importedAs, isClientModule, SDK_SERVER, type ValueFact} from "./types.js"
import type {SdkUses} from "./uses.js"
import type {ConstantValues} from "./values.js"

/** What reading a file's top level finds, which the other readers of the file look up. */
export interface ModuleScope {
    facts: FileFacts
    /** Value imports from attio/server and from app modules: the roots of LocalRefs. */
    watchedImports: Set<string>
    /** Top-level declarations by name, for following `export default ident`. */
    topLevel: Map<string, ts.Node>
    /** Top-level interfaces and type aliases by name, for judging where a type name comes from. */
    typeDecls: Map<string, ts.Node>
}

export class ModuleSurface {
    private readonly tsApi: TypeScriptSyntax

    constructor(
        private readonly syntax: FileSyntax,
        private readonly scope: ModuleScope,
        private readonly values: ConstantValues,
        private readonly functions: FunctionReader,
        private readonly uses: SdkUses
    ) {
        this.tsApi = syntax.tsApi
    }

    sortClientImports(): void {
        const typeScript = /\.[cm]?tsx?$/.test(this.syntax.sf.fileName)
        for (const fact of this.scope.facts.imports) {
            if (!isClientModule(fact.module) || !(fact.typeOnly || typeScript)) continue
            const node = this.syntax.sf.statements.find(
                (s) => this.tsApi.isImportDeclaration(s) && this.syntax.start(s) === fact.pos
            ) as ts.ImportDeclaration
            const locals = [
                fact.defaultLocal,
                fact.namespaceLocal,
                ...fact.named.filter((n) => !n.typeOnly).map((n) => n.local),
            ]
            const values = new Set(locals.filter((l) => l !== undefined))
            const typesOnly =
                node.importClause !== undefined &&
                (values.size === 0 || importUse(this.tsApi, this.syntax.sf, values, node) === "type")
            if (!fact.typeOnly && !typesOnly) continue
            this.scope.facts.clientImports = this.scope.facts.clientImports.filter((range) => range !== fact.range)
            if (!fact.typeOnly) (this.scope.facts.clientTypeImports ??= []).push(fact.range)
        }
    }

    readTopLevel(statement: ts.Statement): void {
        if (this.tsApi.isImportDeclaration(statement) && this.tsApi.isStringLiteral(statement.moduleSpecifier)) {
            this.readImport(statement, statement.moduleSpecifier.text)
        } else if (this.tsApi.isFunctionDeclaration(statement) || this.tsApi.isClassDeclaration(statement)) {
            if (statement.name) this.scope.topLevel.set(statement.name.text, statement)
        } else if (this.tsApi.isVariableStatement(statement)) {
            const isConst = (statement.declarationList.flags & this.tsApi.NodeFlags.Const) !== 0
            for (const decl of statement.declarationList.declarations) {
                if (!this.tsApi.isIdentifier(decl.name)) continue
                this.scope.topLevel.set(decl.name.text, decl)
                const values = isConst && decl.initializer ? this.values.literalValues(decl.initializer) : undefined
                if (values) this.scope.facts.consts[decl.name.text] = values
            }
        } else if (this.tsApi.isEnumDeclaration(statement) || this.tsApi.isModuleDeclaration(statement)) {
            if (this.tsApi.isIdentifier(statement.name)) this.scope.topLevel.set(statement.name.text, statement)
        } else if (
            statement.kind === this.tsApi.SyntaxKind.InterfaceDeclaration ||
            statement.kind === this.tsApi.SyntaxKind.TypeAliasDeclaration
        ) {
            const name = (statement as ts.InterfaceDeclaration | ts.TypeAliasDeclaration).name
            this.scope.typeDecls.set(name.text, statement)
        }
    }

    private readImport(node: ts.ImportDeclaration, module: string): void {
        const clause = node.importClause
        const typeOnly = clause?.isTypeOnly ?? false
        const fact: ImportFact = {module, typeOnly, named: [], ...this.syntax.located(node)}
        if (clause?.name) fact.defaultLocal = clause.name.text
        const bindings = clause?.namedBindings
        if (bindings && this.tsApi.isNamespaceImport(bindings)) fact.namespaceLocal = bindings.name.text
        if (bindings && this.tsApi.isNamedImports(bindings)) {
            for (const el of bindings.elements) {
                fact.named.push({
                    imported: (el.propertyName ?? el.name).text,
                    local: el.name.text,
                    typeOnly: typeOnly || el.isTypeOnly,
                    range: this.syntax.rangeOfNode(el),
                })
            }
        }
        this.scope.facts.imports.push(fact)
        if (isClientModule(module)) this.scope.facts.clientImports.push(fact.range)
        if ((module !== SDK_SERVER && !module.startsWith(".")) || typeOnly) return
        const locals = [
            fact.defaultLocal,
            fact.namespaceLocal,
            ...fact.named.filter((n) => !n.typeOnly).map((n) => n.local),
        ]
        for (const local of locals) if (local) this.scope.watchedImports.add(local)
    }

    /**
     * Top-level consts bound to a watched import: what `export {make}` of one re-exports; and `default` for
     * `export default sdk.createWebhookHandler` (a name the export of an identifier never needs).
     */
    readAliases(statement: ts.Statement): void {
        if (this.tsApi.isExportAssignment(statement)) {
            const base = this.tsApi.isIdentifier(this.syntax.unwrap(statement.expression))
                ? undefined
                : this.uses.refOf(statement.expression)
            if (base && !statement.isExportEquals) this.scope.facts.aliases.default = base
            return
        }
        if (
            !this.tsApi.isVariableStatement(statement) ||
            (statement.declarationList.flags & this.tsApi.NodeFlags.Const) === 0
        )
            return
        for (const decl of statement.declarationList.declarations) {
            const base = decl.initializer && this.uses.refOf(decl.initializer)
            if (!base) continue
            for (const {name, path} of this.syntax.boundNames(decl.name)) {
                this.scope.facts.aliases[name] = {local: base.local, members: [...base.members, ...path]}
            }
        }
    }

    readExports(statement: ts.Statement): void {
        if (this.tsApi.isExportDeclaration(statement)) {
            const module =
                statement.moduleSpecifier && this.tsApi.isStringLiteral(statement.moduleSpecifier)
                    ? statement.moduleSpecifier.text
                    : undefined
            if (module && isClientModule(module) && !statement.isTypeOnly)
                this.scope.facts.clientImports.push(this.syntax.rangeOfNode(statement))
            const clause = statement.exportClause
            if (!clause) {
                if (module) this.scope.facts.starExports.push(module)
                return
            }
            if (!this.tsApi.isNamedExports(clause)) {
                // `export * as ns from "m"`: the module's namespace object.
                if (!module || !this.tsApi.isIdentifier(clause.name)) return
                this.scope.facts.exports[clause.name.text] = {module, name: "*"}
                this.scope.facts.exportValues[clause.name.text] = {
                    kind: "not-function",
                    what: "a module namespace object",
                    ...this.syntax.located(clause),
                }
                return
            }
            for (const el of clause.elements) {
                const exported = el.name.text
                const local = (el.propertyName ?? el.name).text
                const typeOnly = statement.isTypeOnly || el.isTypeOnly
                this.scope.facts.exports[exported] = module
                    ? {module, name: local, ...(typeOnly && {typeOnly})}
                    : {local}
                this.scope.facts.exportValues[exported] = module
                    ? {kind: "import", module, name: local, ...this.syntax.located(el)}
                    : this.valueOfLocal(local, el)
            }
            return
        }
        if (this.tsApi.isExportAssignment(statement) && !statement.isExportEquals) {
            // `export default make` is what `make` is (an import, an alias, a const), for the module graph.
            const e = this.syntax.unwrap(statement.expression)
            this.scope.facts.exports.default = {local: this.tsApi.isIdentifier(e) ? e.text : "default"}
            this.scope.facts.exportValues.default = this.valueOfExpression(statement.expression, statement)
            return
        }
        if (!this.syntax.hasModifier(statement, this.tsApi.SyntaxKind.ExportKeyword)) return
        const isDefault = this.syntax.hasModifier(statement, this.tsApi.SyntaxKind.DefaultKeyword)
        if (this.tsApi.isVariableStatement(statement)) {
            for (const decl of statement.declarationList.declarations) {
                if (!this.tsApi.isIdentifier(decl.name)) continue
                this.scope.facts.exports[decl.name.text] = {local: decl.name.text}
                this.scope.facts.exportValues[decl.name.text] = this.valueOfLocal(decl.name.text, decl)
            }
        } else if (this.tsApi.isFunctionDeclaration(statement) || this.tsApi.isClassDeclaration(statement)) {
            const exported = isDefault ? "default" : statement.name?.text
            if (!exported) return
            this.scope.facts.exports[exported] = {local: statement.name?.text ?? "default"}
            this.scope.facts.exportValues[exported] = this.tsApi.isFunctionDeclaration(statement)
                ? this.functions.functionValue(statement, statement, statement.name)
                : {kind: "not-function", what: "a class", ...this.syntax.located(statement)}
        }
    }

    /** `seen`: the locals followed so far, which stops `const a = b, b = a` (undefined, or a ReferenceError). */
    private valueOfLocal(local: string, at: ts.Node, seen = new Set<string>()): ValueFact {
        const imported = importedAs(this.scope.facts, local)
        if (imported) return {kind: "import", ...imported, ...this.syntax.located(at)}
        if (seen.has(local))
            return {
                kind: "not-function",
                what: `\`${local}\`, whose value refers back to itself`,
                ...this.syntax.located(at),
            }
        seen.add(local)
        const decl = this.scope.topLevel.get(local)
        if (!decl) return {kind: "unknown", text: local, ...this.syntax.located(at)}
        if (this.tsApi.isFunctionDeclaration(decl)) return this.functions.functionValue(decl, at, decl.name)
        if (this.tsApi.isClassDeclaration(decl))
            return {kind: "not-function", what: "a class", ...this.syntax.located(at)}
        if (this.tsApi.isVariableDeclaration(decl)) {
            if (!decl.initializer)
                return {kind: "not-function", what: `\`${local}\` without a value`, ...this.syntax.located(at)}
            return this.valueOfExpression(
                decl.initializer,
                at,
                this.tsApi.isIdentifier(decl.name) ? decl.name : undefined,
                seen
            )
        }
        return {kind: "not-function", what: `\`${local}\``, ...this.syntax.located(at)}
    }

    /** `binding`: the name the expression is declared under (`const h = …`), if any. */
    private valueOfExpression(
        expr: ts.Expression,
        at: ts.Node,
        binding?: ts.Identifier,
        seen?: Set<string>
    ): ValueFact {
        const e = this.syntax.unwrap(expr)
        if (this.tsApi.isFunctionExpression(e) || this.tsApi.isArrowFunction(e))
            return this.functions.functionValue(e, at, binding)
        if (this.tsApi.isIdentifier(e)) return this.valueOfLocal(e.text, at, seen)
        if (this.tsApi.isClassExpression(e)) return {kind: "not-function", what: "a class", ...this.syntax.located(at)}
        const what = this.describeNonFunction(e)
        if (what) return {kind: "not-function", what, ...this.syntax.located(at)}
        return {kind: "unknown", text: this.syntax.text(e), ...this.syntax.located(at)}
    }

    private describeNonFunction(e: ts.Expression): string | undefined {
        if (this.tsApi.isObjectLiteralExpression(e)) return "an object"
        if (this.tsApi.isArrayLiteralExpression(e)) return "an array"
        if (this.tsApi.isStringLiteralLike(e) || this.tsApi.isTemplateExpression(e)) return "a string"
        if (this.tsApi.isNumericLiteral(e) || this.tsApi.isBigIntLiteral(e)) return "a number"
        if (e.kind === this.tsApi.SyntaxKind.TrueKeyword || e.kind === this.tsApi.SyntaxKind.FalseKeyword)
            return "a boolean"
        if (e.kind === this.tsApi.SyntaxKind.NullKeyword) return "null"
        if (this.tsApi.isNewExpression(e)) return "an object created with `new`"
        return undefined
    }
}
