/** Parsing TypeScript for the generators: syntax only, never the type checker (which is slow to build). */
import {Project, ts, type SourceFile} from "ts-morph"
import {ScaffoldError} from "./errors.js"

const project = new Project({
    useInMemoryFileSystem: true,
    skipLoadingLibFiles: true,
    compilerOptions: {allowJs: true, noLib: true},
})

/** Parses a file's text; `relPath` is app-relative and only used for the file's kind and in messages. */
export function parseSource(relPath: string, text: string): SourceFile {
    return project.createSourceFile(`/${relPath}`, text, {overwrite: true})
}

/** Throws a ScaffoldError naming the file, line and reason when the text does not parse. */
export function assertParses(relPath: string, text: string, what: string): SourceFile {
    const sourceFile = parseSource(relPath, text)
    const [first] = project.getProgram().getSyntacticDiagnostics(sourceFile)
    if (first) {
        const message = ts.flattenDiagnosticMessageText(first.compilerObject.messageText, " ")
        throw new ScaffoldError(`${relPath}:${first.getLineNumber()}: ${what} does not parse (${message}).`)
    }
    return sourceFile
}
