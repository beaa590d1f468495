#!/usr/bin/env node
/**
 * `attio-app <generator> [name] [options]`: runs the package's Yeoman generators without a global `yo`, so it
 * works as root, in CI and with no stdin (yo refuses root and is missing from most CI images).
 */
import {fileURLToPath} from "node:url"
import {PACKAGE_ROOT, packageVersion} from "../package-info.js"
import {escapeControls} from "../scaffold/names.js"

/** Exit code of a problem with the run's surroundings (its folder, its output), not with what it was asked. */
const SETUP_ERROR = 2

/** A failure of the surroundings: reported in one line with exit code 2. */
class SetupError extends Error {}

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

/** Commands that are not generators, each in a module of its own with a `run(args)` that answers the exit code. */
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

async function main(argv: string[]): Promise<number> {
    const [command, ...rest] = argv
    if (command === "-h" || command === "--help" || command === "help") {
        process.stdout.write(USAGE)
        return 0
    }
    if (command === "-v" || command === "--version") {
        process.stdout.write(`${packageVersion()}\n`)
        return 0
    }
    try {
        process.cwd()
    } catch (error) {
        throw new SetupError(
            `the working folder cannot be read (${(error as Error).message}); it may have been deleted. Go to the app's folder and run again.`
        )
    }
    if (command !== undefined && Object.hasOwn(COMMANDS, command)) {
        const {run} = (await import(COMMANDS[command].module)) as {run: (args: string[]) => Promise<number>}
        return run(rest)
    }
    if (command === undefined || !(command in GENERATORS)) {
        process.stderr.write(
            `${command === undefined ? "Name a generator." : `There is no generator ${JSON.stringify(command)}.`}\n\n${USAGE}`
        )
        return 1
    }
    if (rest.includes("--help") || rest.includes("-h")) {
        // From the generators' declarations, without loading Yeoman: the same options `yo attio-app:<name> --help` lists.
        const {GENERATOR_SPECS, helpText} = await import("../scaffold/generator-options.js")
        process.stdout.write(helpText(`attio-app ${command}`, GENERATOR_SPECS[command as keyof typeof GENERATORS]))
        return 0
    }
    // Loaded here, not at the top, so that --help, --version and usage errors answer at once.
    const {createEnv} = await import("yeoman-environment")
    const env = createEnv()
    // Yeoman logs "An error occured while running <generator>#<task>" before the error reaches main's catch,
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

function fail(message: string, code: number) {
    process.stderr.write(`attio-app: ${escapeControls(message)}\n`)
    process.exitCode = code
}

// Output that cannot be written is no reason for a stack trace: a reader that left (`attio-app --help | head -1`,
// EPIPE) wants no more of it; a full disk or a closed stream is reported in one line (exit 2). Writes to a file
// or a pipe fail asynchronously, as an 'error' event, which would otherwise crash the process.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") fail(`cannot write the output: ${error.message}`, SETUP_ERROR)
})
process.stderr.on("error", (error: NodeJS.ErrnoException) => {
    // The files are written by then; a reader that left (`attio-app webhook x 2>&1 | head -1`) is no failure.
    if (error.code !== "EPIPE") process.exitCode ||= SETUP_ERROR
})

// An error thrown outside main's promise (in a timer or a stream of a dependency) still ends in one line.
process.on("uncaughtException", (error) => {
    fail(`internal error: ${error.message}`, 1)
    process.exit()
})

main(process.argv.slice(2)).then(
    (code) => {
        process.exitCode ||= code
    },
    (error: unknown) => {
        // One line the user can act on; a stack trace would only bury it.
        fail(error instanceof Error ? error.message : String(error), error instanceof SetupError ? SETUP_ERROR : 1)
    }
)
