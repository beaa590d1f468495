/** Running the built generators with yeoman-test on small apps, and reading what they left. */
import fs from "node:fs"
import path from "node:path"
import helpers from "yeoman-test"
import {PACKAGE_ROOT} from "../support/bin.js"
export {expectLinesKept} from "../support/lines.js"
import {type AppFiles, writeApp} from "../support/temp-app.js"

export function generatorPath(name: "app" | "webhook" | "event"): string {
    return path.join(PACKAGE_ROOT, "dist/generators", name, "index.js")
}

export interface RunSpec {
    /** The app before the run (a package.json is added). */
    files?: AppFiles
    /** Run in this existing app instead (e.g. a second run). */
    root?: string
    /** The folder to run in, relative to the root (default: the root), as a user in a subfolder would. */
    cwd?: string
    args?: string[]
    options?: Record<string, unknown>
    /** Answers by question name; a question without one fails the run, so tests see every prompt. */
    answers?: Record<string, unknown>
    /** A fake installed `attio` package of this version. */
    sdkVersion?: string
}

export interface Outcome {
    root: string
    /** The app before the run. */
    before: AppFiles
    /** The app after the run, by app-relative path (node_modules left out). */
    files: AppFiles
    error: Error | undefined
    /** Names of the questions asked. */
    asked: string[]
    /** What the generator logged itself (not Yeoman's create/force lines). */
    log: string
}

/**
 * Runs a generator the way `yo` would, in a fresh app. yeoman-test passes `force: true` unless told otherwise;
 * here force is off unless the spec asks, as for a user.
 */
export async function runGenerator(name: "app" | "webhook" | "event", spec: RunSpec = {}): Promise<Outcome> {
    const root = spec.root ?? writeApp(spec.files ?? {}, spec.sdkVersion)
    const before = readTree(root)
    const log: string[] = []
    const context = helpers
        .run(generatorPath(name))
        .cd(path.join(root, spec.cwd ?? ""))
        .withArguments(spec.args ?? [])
        .withOptions({force: false, ...spec.options} as Record<string, unknown>)
        .withAnswers(spec.answers ?? {}, {throwOnMissingAnswer: true})
        .onGenerator((generator) => {
            const original = generator.log
            // Read-only in yeoman-generator's types; replaced here to record what the generator logs.
            ;(generator as {log: unknown}).log = Object.assign((message: unknown) => {
                log.push(String(message))
                return generator.log
            }, original)
        })
    let error: Error | undefined
    try {
        await context
    } catch (caught) {
        error = caught as Error
    }
    return {
        root,
        before,
        files: readTree(root),
        error,
        asked: context.askedQuestions.map((q) => q.name),
        log: log.join("\n"),
    }
}

export function readTree(root: string): AppFiles {
    const files: AppFiles = {}
    for (const entry of fs.readdirSync(root, {recursive: true, withFileTypes: true})) {
        const file = path.join(entry.parentPath, entry.name)
        const rel = path.relative(root, file).split(path.sep).join("/")
        if (entry.isFile() && !rel.startsWith("node_modules/")) files[rel] = fs.readFileSync(file, "utf8")
    }
    return files
}
