/**
 * What `attio-app` does with its arguments, apart from the process it runs in (src/cli/attio-app.ts wires that:
 * the exit code, stream errors, uncaught errors). Given its streams and working folder, it runs in another
 * process too: the tests run it in theirs, where ts-morph, TypeScript and Yeoman load once for many runs.
 */
import {fileURLToPath} from "node:url"
import {PACKAGE_ROOT, packageVersion} from "../package-info.js"
import {escapeControls} from "../scaffold/names.js"
import {readWorkingFolder} from "./working-folder.js"

/** Exit code of a problem with the run's surroundings (its folder, its output), not with what it was asked. */
export const SETUP_ERROR = 2

/** A failure of the surroundings: reported in one line with exit code 2. */
class SetupError extends Error {}

/** Where a run reads and writes. */
export interface AppIo {
    stdout: {write(chunk: string): unknown}
    stderr: {write(chunk: string): unknown}
    /** The working folder; throws when it cannot be read (deleted). Read after --help and --version only. */
    cwd(): string
    /** The terminal Yeoman asks on and prints to: the process's own (stdin, stdout, stderr) when left out. */
    terminal?: {stdin: NodeJS.ReadStream; stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream}
}

/**
 * Each generator's help line and module. Imported here rather than registered by path, so that a bundled bin
 * (src/build/app-bundle.ts) runs them with its own yeoman-generator, the one its yeoman-environment expects.
 */
const GENERATORS = {
    webhook: {
        text: "[name]  A webhook handler, registered in connection-added and deleted in connection-removed",
        load: () => import("../../generators/webhook/index.js"),
    },
    event: {
        text: "[name]    An event handler (connection-added or connection-removed) with the right signature",
        load: () => import("../../generators/event/index.js"),
    },
} as const

/** Commands that are not generators, each in a module of its own with a `run(args, io)` that answers the exit code. */
const COMMANDS: Record<string, {module: string; text: string}> = {
    invoke: {module: "./invoke.js", text: "<id>     Run one webhook handler once, locally, and print its response"},
    "test-setup": {
        module: "./test-setup.js",
        text: "     Add vitest and its config to the app, for the generated tests",
    },
}

const USAGE = `Usage: attio-app <generator> [name] [options]   (run it in the app's folder)

Generators:
${Object.entries(GENERATORS)
    .map(([name, {text}]) => `  ${name} ${text}`)
    .join("\n")}

  attio-app webhook prospect-updated --event lead.processed --register-url https://api.example.com/webhooks
  attio-app event connection-removed

Commands:
${Object.entries(COMMANDS)
    .map(([name, {text}]) => `  ${name} ${text}`)
    .join("\n")}

Options:
  attio-app <generator> --help   that generator's options
  -h, --help                     this help
  -v, --version                  the version

Without a terminal (CI, closed stdin) every question takes its default, as with --yes.
`

/** One line the user can act on, for stderr; a stack trace would only bury it. */
export function failureLine(message: string): string {
    return `attio-app: ${escapeControls(message)}\n`
}

/** Runs `attio-app <argv>` and answers its exit code; a failure is reported on `io.stderr` in one line. */
export async function runAttioApp(argv: string[], io: AppIo): Promise<number> {
    try {
        return await main(argv, io)
    } catch (error) {
        io.stderr.write(failureLine(error instanceof Error ? error.message : String(error)))
        return error instanceof SetupError ? SETUP_ERROR : 1
    }
}

async function main(argv: string[], io: AppIo): Promise<number> {
    const [command, ...rest] = argv
    if (command === "-h" || command === "--help" || command === "help") {
        io.stdout.write(USAGE)
        return 0
    }
    if (command === "-v" || command === "--version") {
        io.stdout.write(`${packageVersion()}\n`)
        return 0
    }
    const cwd = readWorkingFolder(() => io.cwd())
    if (typeof cwd !== "string") throw new SetupError(`${cwd.problem}.`)
    if (command !== undefined && Object.hasOwn(COMMANDS, command)) {
        const {run} = (await import(COMMANDS[command].module)) as typeof import("./invoke.js")
        return run(rest, {stdout: io.stdout, stderr: io.stderr, cwd})
    }
    if (command === undefined || !(command in GENERATORS)) {
        io.stderr.write(
            `${command === undefined ? "Name a generator." : `There is no generator ${JSON.stringify(command)}.`}\n\n${USAGE}`
        )
        return 1
    }
    if (rest.includes("--help") || rest.includes("-h")) {
        // From the generators' declarations, without loading Yeoman: the same options `yo attio-app:<name> --help` lists.
        const {GENERATOR_SPECS, helpText} = await import("../scaffold/generator-options.js")
        io.stdout.write(helpText(`attio-app ${command}`, GENERATOR_SPECS[command as keyof typeof GENERATORS]))
        return 0
    }
    // Loaded here, not at the top, so that --help, --version and usage errors answer at once.
    const {createEnv} = await import("yeoman-environment")
    const env = createEnv({cwd, ...io.terminal})
    // Yeoman logs "An error occured while running <generator>#<task>" before the error reaches runAttioApp,
    // which prints the error itself: keep stderr to that one message.
    const {log} = env.adapter
    const logError = log.error
    log.error = (...args: Parameters<typeof logError>) =>
        String(args[0]).startsWith("An error occured while running") ? log : logError(...args)
    // The package's own generators, registered as modules: no global lookup, so another installed
    // generator-attio-app (or none) cannot change what runs. `resolved` is their file, as a lookup would find it.
    for (const [name, {load}] of Object.entries(GENERATORS)) {
        env.register(
            {createGenerator: load},
            {
                namespace: `attio-app:${name}`,
                resolved: fileURLToPath(new URL(`../../generators/${name}/index.js`, import.meta.url)),
                packagePath: PACKAGE_ROOT,
            }
        )
    }
    const namespace = `attio-app:${command}`
    // Without a terminal (closed stdin, CI) the generators take every default themselves, as with --yes.
    // execute() parses the options with commander, then run()s the generator with the names that are left, which
    // the generator parses again: behind a "--", a name such as `---` (given as `-- ---`) stays a name.
    const run = env.run.bind(env)
    env.run = (argv, options) => run(Array.isArray(argv) ? [argv[0], "--", ...argv.slice(1)] : argv, options)
    await env.execute(namespace, rest)
    return 0
}
