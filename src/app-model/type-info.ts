/**
 * Type information, built only when a syntactic fact cannot decide, and only for the files that ask.
 * The program is created on first use; each question adds just its own file (imports are resolved
 * by the program as needed).
 */
import fs from "node:fs"
import {createRequire} from "node:module"
import path from "node:path"

import type {ts} from "@ts-morph/common"

import {CONNECTION_PROPERTIES} from "./facts/index.js"
import {fullBundlePath, typescript} from "./typescript.js"

/** Where programs find TypeScript's lib files: ts-morph's copies, served from memory at the path ts-morph uses. */
const LIB_DIR = "/node_modules/typescript/lib"
let libTexts: Map<string, string> | undefined
/**
 * Parsed lib files, shared by every program in the process (as tsserver shares them between
 * projects): they never change, and parsing and binding lib.dom.d.ts is most of a checker's start.
 */
const libSourceFiles = new Map<string, ts.SourceFile>()

function libText(file: string): string | undefined {
    if (!libTexts) {
        try {
            const common = createRequire(fullBundlePath())("./ts-morph-common.js") as {
                getLibFiles(): {fileName: string; text: string}[]
            }
            libTexts = new Map(common.getLibFiles().map((lib) => [path.posix.join(LIB_DIR, lib.fileName), lib.text]))
        } catch {
            // A ts-morph release that moved them: without lib files, types are unknown and questions undecided (never wrong).
            libTexts = new Map()
        }
    }
    return libTexts.get(file)
}

/**
 * "Function lacks ending return statement" (TS2366), "must return a value" (TS2355, when it has no return at all),
 * "Not all code paths return a value" (TS7030, under noImplicitReturns).
 */
const END_REACHABLE_CODES = new Set([2355, 2366, 7030])

export class TypeInfo {
    private program: ts.Program | undefined
    private readonly sourceFiles = new Map<string, ts.SourceFile>()
    private readonly files = new Set<string>()
    /** While set, every question throws this: the engine sets it while a rule that does not declare type information runs. */
    denied: string | undefined

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
        return this.isFetchType(checker.getAwaitedType(returned) ?? returned, "Response", checker)
    }

    /**
     * Whether the end of the function at `pos` is reachable as the type checker sees it (a `switch` exhaustive over a
     * union, a call of a function returning `never`, end a path that syntax thinks falls off): the type check reports
     * it at the signature (END_REACHABLE_CODES).
     */
    endReachable(file: string, pos: number): boolean | undefined {
        const {checker, node} = this.at(file, pos, typescript().isFunctionLike)
        if (!node || !("body" in node) || !node.body) return undefined
        if (!this.checkerReportsEnd(checker, node)) return undefined
        const body = node.body as ts.Node
        return this.program!.getSemanticDiagnostics(node.getSourceFile()).some(
            (d) => END_REACHABLE_CODES.has(d.code) && d.start !== undefined && d.start >= pos && d.start < body.pos
        )
    }

    /**
     * Whether the checker reports a reachable end at all (so that its silence means the end is not reached): not in
     * JavaScript (no type check), and, as TypeScript's checkAllCodePathsInNonVoidFunctionReturnOrThrow decides, only
     * for a declared return type that takes neither void nor any, or for an undeclared one that some `return` makes
     * other than void, undefined or any.
     */
    private checkerReportsEnd(checker: ts.TypeChecker, node: ts.SignatureDeclaration): boolean {
        const ts = typescript()
        if (/\.[cm]?jsx?$/.test(node.getSourceFile().fileName)) return false
        const signature = checker.getSignatureFromDeclaration(node)
        if (!signature) return false
        const returned = checker.getReturnTypeOfSignature(signature)
        const type = checker.getAwaitedType(returned) ?? returned
        const parts = type.isUnion() ? type.types : [type]
        const silent = ts.TypeFlags.Any | ts.TypeFlags.Void
        if (parts.some((t) => t.flags & silent)) return false
        if (node.type) return true
        return (node.flags & ts.NodeFlags.HasExplicitReturn) !== 0 && !(type.flags & ts.TypeFlags.Undefined)
    }

    /** Whether the parameter at `pos` is typed as the Fetch API Request; undefined when unknown. */
    isRequest(file: string, pos: number): boolean | undefined {
        const {checker, node} = this.at(file, pos, typescript().isParameter)
        if (!node) return undefined
        const type = checker.getTypeAtLocation(node)
        // `<T extends Request>(req: T)`: the platform's Request satisfies it when the constraint is the Request.
        const constraint = type.flags & typescript().TypeFlags.TypeParameter ? type.getConstraint() : undefined
        return this.isFetchType(constraint ?? type, "Request")
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
        const parts = (type.isUnion() ? type.types : [type]).filter(
            (t) => !(t.flags & (flags.Null | flags.Undefined | flags.Void))
        )
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
        const {checker, node} = this.at(
            file,
            pos,
            (n) => typescript().isExportAssignment(n) || typescript().isExpression(n)
        )
        if (!node) return undefined
        const expr = typescript().isExportAssignment(node) ? node.expression : node
        const type = checker.getTypeAtLocation(expr)
        if (type.flags & (typescript().TypeFlags.Any | typescript().TypeFlags.Unknown)) return undefined
        return type.getCallSignatures().length > 0
    }

    /**
     * Whether a type is the Fetch API's `name`: a type of that name declared by TypeScript's own
     * libraries or by Node's (undici's) types, not an app's or a package's look-alike. With a checker, a class
     * extending it counts too (returned Responses may be subclasses; a Request parameter may not).
     */
    private isFetchType(type: ts.Type, name: string, checker?: ts.TypeChecker): boolean | undefined {
        if (type.flags & (typescript().TypeFlags.Any | typescript().TypeFlags.Unknown)) return undefined
        const symbol = type.getSymbol() ?? type.aliasSymbol
        const program = this.program!
        const fetchType =
            symbol?.getName() === name &&
            (symbol.getDeclarations() ?? []).some((d) => {
                const sf = d.getSourceFile()
                return (
                    program.isSourceFileDefaultLibrary(sf) ||
                    /[\\/]node_modules[\\/](undici-types|undici|@types[\\/]node)[\\/]/.test(sf.fileName)
                )
            })
        if (fetchType || !checker) return fetchType
        // A class that extends the Fetch API's class (`class JsonResponse extends Response`) is one: its instances
        // pass the platform's `instanceof` checks.
        const objectFlags = type.flags & typescript().TypeFlags.Object ? (type as ts.ObjectType).objectFlags : 0
        if (!(objectFlags & typescript().ObjectFlags.Class)) return false
        return (checker.getBaseTypes(type as ts.InterfaceType) ?? []).some(
            (base) => this.isFetchType(base, name, checker) === true
        )
    }

    private at<T extends ts.Node>(
        file: string,
        pos: number,
        accept: (n: ts.Node) => n is T
    ): {checker: ts.TypeChecker; node: T | undefined} {
        if (this.denied !== undefined) throw new Error(this.denied)
        if (!this.files.has(file) || !this.program) {
            this.files.add(file)
            const options = this.program?.getCompilerOptions() ?? {
                ...this.compilerOptions(),
                allowJs: true,
                noEmit: true,
                skipLibCheck: true,
                // Only adds the diagnostic endReachable reads (TS7030) for functions without a declared return type.
                noImplicitReturns: true,
            }
            this.program = typescript().createProgram({
                rootNames: [...this.files],
                options,
                host: this.host(options),
                oldProgram: this.program,
            })
        }
        const sourceFile = this.program.getSourceFile(file)
        return {checker: this.program.getTypeChecker(), node: sourceFile && nodeStartingAt(sourceFile, pos, accept)}
    }

    /** The disk, but app files as the facts saw them and lib files from memory. */
    private host(options: ts.CompilerOptions): ts.CompilerHost {
        const ts = typescript()
        const host = ts.createCompilerHost(options, true)
        const {fileExists, readFile, getSourceFile} = host
        host.getDefaultLibLocation = () => LIB_DIR
        host.getDefaultLibFileName = (o) => path.posix.join(LIB_DIR, ts.getDefaultLibFileName(o))
        host.fileExists = (file) => libText(file) !== undefined || fileExists(file)
        host.readFile = (file) => libText(file) ?? readFile(file)
        host.getSourceFile = (file, languageVersion, onError, shouldCreate) => {
            const lib = libText(file)
            const text = lib ?? this.readText(file)
            if (text === undefined) return getSourceFile(file, languageVersion, onError, shouldCreate)
            const key = `${JSON.stringify(languageVersion)}:${file}`
            const cache = lib === undefined ? this.sourceFiles : libSourceFiles
            let sourceFile = cache.get(key)
            if (!sourceFile) {
                sourceFile = ts.createSourceFile(file, text, languageVersion, true)
                cache.set(key, sourceFile)
            }
            return sourceFile
        }
        return host
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
