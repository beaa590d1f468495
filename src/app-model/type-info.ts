/**
 * Type information, built only when a syntactic fact cannot decide, and only for the files that ask.
 * ts-morph's Project is created on first use; each question adds just its own file (imports are
 * resolved by the program as needed).
 */
import fs from "node:fs"
import path from "node:path"

import type {Project, ts} from "ts-morph"

import {CONNECTION_PROPERTIES} from "./facts.js"
import {tsMorph, typescript} from "./typescript.js"

export class TypeInfo {
    private project: Project | undefined
    private readonly files = new Set<string>()

    /**
     * `readText` gives a file's text as the facts saw it (an editor's unsaved buffer, else the
     * disk): positions from the facts must point at the same nodes here.
     */
    constructor(
        private readonly appRoot: string,
        private readonly readText: (file: string) => string | undefined = () => undefined
    ) {}

    /** Files for which type information was built. */
    get checkedFiles(): string[] {
        return [...this.files]
    }

    /** Possible string values of the expression at `pos`, or undefined when they are not a finite set of literals. */
    stringValues(file: string, pos: number): string[] | undefined {
        const {checker, node} = this.at(file, pos, typescript().isExpression)
        if (!node) return undefined
        const type = checker.getTypeAtLocation(node)
        const parts = type.isUnion() ? type.types : [type]
        const values: string[] = []
        for (const t of parts) {
            if (!t.isStringLiteral()) return undefined
            values.push(t.value)
        }
        return values
    }

    /** Whether the function at `pos` returns Response or Promise<Response>; undefined when unknown (any/error). */
    returnsResponse(file: string, pos: number): boolean | undefined {
        const {checker, node} = this.at(file, pos, typescript().isFunctionLike)
        if (!node) return undefined
        const signature = checker.getSignatureFromDeclaration(node as ts.SignatureDeclaration)
        if (!signature) return undefined
        const returned = checker.getReturnTypeOfSignature(signature)
        return this.isFetchType(checker.getAwaitedType(returned) ?? returned, "Response")
    }

    /** Whether the parameter at `pos` is typed as the Fetch API Request; undefined when unknown. */
    isRequest(file: string, pos: number): boolean | undefined {
        const {checker, node} = this.at(file, pos, typescript().isParameter)
        if (!node) return undefined
        return this.isFetchType(checker.getTypeAtLocation(node), "Request")
    }

    /**
     * Whether the type node at `pos` (an event's declared `connection`) is the SDK's Connection or
     * compatible with it: an object whose properties a Connection all has. Undefined when unknown.
     */
    isConnectionCompatible(file: string, pos: number): boolean | undefined {
        const {checker, node} = this.at(file, pos, typescript().isTypeNode)
        if (!node) return undefined
        const type = checker.getTypeFromTypeNode(node)
        const flags = typescript().TypeFlags
        if (type.flags & (flags.Any | flags.Unknown)) return undefined
        const parts = (type.isUnion() ? type.types : [type]).filter((t) => !(t.flags & (flags.Null | flags.Undefined | flags.Void)))
        return parts.every((t) => {
            if (!(t.flags & flags.Object) || t.getCallSignatures().length > 0) return false
            return t.getProperties().every((p) => CONNECTION_PROPERTIES.has(p.getName()))
        })
    }

    /** Whether the parameter at `pos` has a `connection` property; undefined when unknown. */
    hasConnectionProperty(file: string, pos: number): boolean | undefined {
        const {checker, node} = this.at(file, pos, typescript().isParameter)
        if (!node) return undefined
        const type = checker.getTypeAtLocation(node)
        if (type.flags & (typescript().TypeFlags.Any | typescript().TypeFlags.Unknown)) return undefined
        return type.getProperty("connection") !== undefined
    }

    /** Whether the expression at `pos` can be called; undefined when unknown. */
    isCallable(file: string, pos: number): boolean | undefined {
        const {checker, node} = this.at(file, pos, (n) => typescript().isExportAssignment(n) || typescript().isExpression(n))
        if (!node) return undefined
        const expr = typescript().isExportAssignment(node) ? node.expression : node
        const type = checker.getTypeAtLocation(expr)
        if (type.flags & (typescript().TypeFlags.Any | typescript().TypeFlags.Unknown)) return undefined
        return type.getCallSignatures().length > 0
    }

    /**
     * Whether a type is the Fetch API's `name`: a type of that name declared by TypeScript's own
     * libraries or by Node's (undici's) types, not an app's or a package's look-alike.
     */
    private isFetchType(type: ts.Type, name: string): boolean | undefined {
        if (type.flags & (typescript().TypeFlags.Any | typescript().TypeFlags.Unknown)) return undefined
        const symbol = type.getSymbol() ?? type.aliasSymbol
        if (symbol?.getName() !== name) return false
        const program = this.project!.getProgram().compilerObject
        return (symbol.getDeclarations() ?? []).some((d) => {
            const sf = d.getSourceFile()
            return program.isSourceFileDefaultLibrary(sf) || /[\\/]node_modules[\\/](undici-types|undici|@types[\\/]node)[\\/]/.test(sf.fileName)
        })
    }

    private at<T extends ts.Node>(
        file: string,
        pos: number,
        accept: (n: ts.Node) => n is T
    ): {checker: ts.TypeChecker; node: T | undefined} {
        const project = (this.project ??= this.createProject())
        let sourceFile = project.getSourceFile(file)
        if (!sourceFile) {
            const text = this.readText(file)
            // `overwrite` because the file exists on disk; the project is in memory and never saved.
            sourceFile = text === undefined ? project.addSourceFileAtPath(file) : project.createSourceFile(file, text, {overwrite: true})
            this.files.add(file)
        }
        const checker = project.getProgram().compilerObject.getTypeChecker()
        return {checker, node: nodeStartingAt(sourceFile.compilerNode, pos, accept)}
    }

    private createProject(): Project {
        return new (tsMorph().Project)({
            compilerOptions: {...this.compilerOptions(), allowJs: true, noEmit: true, skipLibCheck: true},
            skipAddingFilesFromTsConfig: true,
        })
    }

    /** The app's compiler options; defaults that know the Fetch API when it has no usable tsconfig. */
    private compilerOptions(): ts.CompilerOptions {
        const fallback: ts.CompilerOptions = {
            target: typescript().ScriptTarget.ES2022,
            module: typescript().ModuleKind.ESNext,
            moduleResolution: typescript().ModuleResolutionKind.Bundler,
            lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
            strict: true,
        }
        const configPath = path.join(this.appRoot, "tsconfig.json")
        if (!fs.existsSync(configPath)) return fallback
        const read = typescript().readConfigFile(configPath, typescript().sys.readFile)
        if (read.error) return fallback
        const parsed = typescript().parseJsonConfigFileContent(read.config, typescript().sys, this.appRoot)
        return {...fallback, ...parsed.options}
    }
}


function nodeStartingAt<T extends ts.Node>(root: ts.Node, pos: number, accept: (n: ts.Node) => n is T): T | undefined {
    let found: T | undefined
    const visit = (node: ts.Node): void => {
        if (found || pos < node.pos || pos >= node.end) return
        if (node.getStart() === pos && accept(node)) {
            found = node
            return
        }
        node.forEachChild(visit)
    }
    visit(root)
    return found
}
