/**
 * What the package's generators share: finding the app, the --yes/--force/--dry-run/--bail options, writing a
 * Plan all or nothing, and reporting each file with Yeoman's status words. Heavy modules (TypeScript, the lint
 * engine) are imported by the tasks, not here, so that Yeoman's --help, which only constructs the generator,
 * answers at once.
 */
import fs from "node:fs"
import path from "node:path"
import Generator from "yeoman-generator"
import {findAppRoot} from "../app-model/root.js"
import {isJsonObject} from "../json.js"
import type {AppTree} from "./app-tree.js"
import {ScaffoldError} from "./errors.js"
import {type GeneratorSpec, IGNORED_YEOMAN_OPTIONS} from "./generator-options.js"
import {shownPath} from "./names.js"
import type {Plan} from "./plan.js"
import type {FileChange} from "./tree.js"

type ConflictAnswer = "overwrite" | "all" | "keep" | "abort" | "diff"

/** Yeoman's conflict keys; d shows the diff, after which the same question comes again. */
const CONFLICT_CHOICES: {key: "y" | "n" | "a" | "x" | "d"; name: string; value: ConflictAnswer}[] = [
    {key: "y", name: "overwrite", value: "overwrite"},
    {key: "n", name: "do not overwrite: keep the existing file, write the rest", value: "keep"},
    {key: "a", name: "overwrite this and all others", value: "all"},
    {key: "x", name: "abort: write nothing", value: "abort"},
    {key: "d", name: "show the differences between the old and the new", value: "diff"},
]

/** The words Yeoman prints before a file; `update` is this package's own, for code added to an existing file. */
export type FileStatus = "create" | "update" | "force" | "identical" | "conflict" | "skip"

export abstract class ScaffoldGenerator extends Generator {
    /** Set when the user answers "overwrite this and all others" to a conflict. */
    private overwriteAll = false

    constructor(args: string[], options: Generator["options"], spec: GeneratorSpec) {
        // Checked before Yeoman's constructor, which reads ~/.yo-rc-global.json: in root's home, as another user,
        // that fails with EACCES.
        super(args, refuseYoDowngradedRoot(options))
        // Only the priority methods (initializing, prompting, writing, end) are tasks; other methods are
        // helpers. The generators never touch dependencies: no package-manager install step (nor its message).
        // Only the generator the run started with says so: when the app generator composes the webhook generator,
        // a second one makes Yeoman print "Multiple customInstallTask tasks found".
        const composed = this.env?.rootGenerator?.() !== undefined
        this.setFeatures({tasksMatchingPriority: true, ...(composed ? {} : {customInstallTask: true})})
        for (const name of IGNORED_YEOMAN_OPTIONS) {
            const option = this._options[name]
            if (option) option.hide = true
        }
        for (const {name, description} of spec.arguments)
            this.argument(name, {type: String, required: false, description})
        // Yeoman's environment reads --force, --dry-run (as dryRun) and --yes from the generator's options.
        // Declaring them puts them in --help and lets them be parsed from the arguments.
        for (const {name, type, alias, description, hide} of spec.options) {
            this.option(name, {type: type === "boolean" ? Boolean : String, alias, description, hide})
        }
        // Yeoman's conflicter reads `dryRun`; arguments parsed by the generator give `dry-run`.
        this.rawOptions.dryRun ??= this.rawOptions["dry-run"]
        // Yeoman creates the generator once just for its --help, which needs no app.
        if (this.rawOptions.help !== true) this.useAppRoot()
    }

    /**
     * Makes the app that contains the working folder the destination, as attio-lint finds it: users run the
     * generators from subfolders too, and files written there would be ignored by the build. Refusing here,
     * before any question, means nothing is asked or written outside an app.
     */
    private useAppRoot() {
        const here = this.destinationRoot()
        const root = findAppRoot(here)
        if (root === undefined) {
            throw new ScaffoldError(
                `No app found at ${here}: no package.json or tsconfig.json there or in any folder above. Run the generator inside your app.`
            )
        }
        checkNotWorkspaceRoot(root)
        this.destinationRoot(root)
        // Yeoman prints "create <file>" relative to logCwd, which it reads when it starts the root generator
        // (after this constructor); from the app root, those lines match the summary and the next steps.
        this.env.logCwd = root
    }

    private get rawOptions(): Record<string, unknown> {
        return this.options as Record<string, unknown>
    }

    /** An option's value whether it came camelCased (yo, the environment) or as written (`--register-url`). */
    protected flag(name: string): unknown {
        return this.rawOptions[name] ?? this.rawOptions[name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())]
    }

    /**
     * --yes, or no terminal to ask on: a prompt on a closed stdin fails at once and on a silent pipe waits forever,
     * so every question takes its default (yo and the attio-app bin alike). Tests' adapters have no stdin.
     */
    protected get yes(): boolean {
        if (this.flag("yes") === true) return true
        const adapter = this.env.adapter as {actualAdapter?: {stdin?: NodeJS.ReadStream}; stdin?: NodeJS.ReadStream}
        const stdin = adapter.actualAdapter?.stdin ?? adapter.stdin
        return stdin !== undefined && stdin.isTTY !== true
    }

    protected get dryRun(): boolean {
        return this.flag("dry-run") === true
    }

    /**
     * Plans with `planner` and writes the plan, holding the app's lock from the first read to the last write so
     * that a concurrent run plans on what this one wrote. A dry run reads only, and takes no lock.
     */
    protected async planAndWrite(planner: (tree: AppTree) => Promise<Plan>): Promise<Plan> {
        const [{inspectApp}, {withAppLock}] = await Promise.all([import("./app-tree.js"), import("./lock.js")])
        const run = async () => {
            const plan = await this.makePlan(() =>
                planner(inspectApp(this.destinationRoot(), {allowSymlinks: this.flag("allow-symlinks") === true}))
            )
            await this.applyPlan(plan)
            return plan
        }
        return this.dryRun ? run() : withAppLock(this.destinationRoot(), run)
    }

    /** Plans with `planner`; a refusal there is reported as one (nothing has been written at that point). */
    private async makePlan(planner: () => Promise<Plan>): Promise<Plan> {
        try {
            return await planner()
        } catch (error) {
            if (error instanceof ScaffoldError) throw new ScaffoldError(`${error.message} Nothing was written.`)
            if (error instanceof RangeError) {
                // A stack overflow in the parser or the app model: some file nests too deeply to analyse.
                throw new ScaffoldError(
                    `A file of the app nests too deeply to analyse (${error.message}). Nothing was written.`
                )
            }
            throw error
        }
    }

    /**
     * Resolves conflicts, then writes every change (commit.ts: checked first, atomic per file, rolled back on
     * failure) and reports each file as Yeoman would. A conflict the user declines, or any conflict under --bail,
     * throws before the first write. A dry run reports the same words, with each new file's content and each
     * changed file's diff (Yeoman's conflicter shows no diff for a file --force replaces).
     */
    private async applyPlan(plan: Plan) {
        const {lineDiff} = await import("./diff.js")
        for (const change of plan.changes.filter((c) => c.action === "conflict")) {
            const answer = await this.resolveConflict(change, plan, lineDiff)
            if (answer === "abort") {
                throw new ScaffoldError(
                    `${change.path} differs from what the generator would write, and was not replaced. Nothing was written.`
                )
            }
            if (answer === "keep") {
                plan.keep(change)
                this.status("skip", change.path)
            }
        }
        if (!this.dryRun) {
            // Written here rather than through Yeoman's in-memory file system, whose commit writes file after file
            // in place, so that a failure or a crash half-way would leave some files written and others truncated.
            plan.tree.commit()
        }
        for (const file of plan.identical) this.status("identical", file)
        for (const change of plan.changes) {
            // "conflict": without --force, a real run would ask about this file.
            const asked = this.dryRun && change.action === "conflict" && this.flag("force") !== true
            this.status(asked ? "conflict" : statusOf(change), change.path)
            if (this.dryRun) this.log(lineDiff(plan.tree.original(change.path)?.text ?? "", change.content))
        }
    }

    /** A file's status line, padded and coloured as Yeoman's (`   create src/…`); Yeoman has no `update`. */
    protected status(status: FileStatus, file: string) {
        if (status !== "update") {
            this.log[status](shownPath(file))
            return
        }
        this.log.colored([
            {color: "force", message: status.padStart("identical".length)},
            {message: ` ${shownPath(file)}\n`},
        ])
    }

    /** What was left alone and why; and that a dry run wrote nothing. */
    protected reportNotes(plan: Plan) {
        for (const note of plan.notes) this.log(note)
        if (this.dryRun) this.log("Dry run: nothing was written.")
    }

    /** Yeoman's conflict question (CONFLICT_CHOICES); "keep" when there is no one to ask. */
    private async resolveConflict(
        change: FileChange,
        plan: Plan,
        lineDiff: (before: string, after: string) => string
    ): Promise<ConflictAnswer> {
        if (this.flag("bail") === true) return "abort"
        if (this.flag("force") === true || this.overwriteAll) return "overwrite"
        if (this.yes) return "keep"
        // A dry run writes nothing, so it shows the replacement (as a conflict) rather than asking about it.
        if (this.dryRun) return "overwrite"
        this.status("conflict", change.path)
        for (;;) {
            const {answer} = await this.prompt<{answer: string}>({
                type: "expand",
                name: "answer",
                message: `${change.path} exists and differs from what the generator would write. Overwrite it?`,
                choices: CONFLICT_CHOICES,
                default: "n",
            })
            // Inquirer answers the choice's value; a default or a scripted answer may be its key.
            const choice = CONFLICT_CHOICES.find((c) => c.value === answer || c.key === answer)
            if (choice === undefined) return "keep"
            const value = choice.value
            if (value === "all") this.overwriteAll = true
            if (value !== "diff") return value === "all" ? "overwrite" : value
            this.log(lineDiff(plan.tree.original(change.path)?.text ?? "", change.content))
        }
    }
}

/** The options, unless yo switched from root to another user: then the one line to stop with (none for --help). */
function refuseYoDowngradedRoot(options: Generator["options"]): Generator["options"] {
    if (options.help === true) return options
    const line = yoDowngradedRoot({uid: process.getuid?.(), env: process.env, script: process.argv[1]})
    if (line !== undefined) throw new ScaffoldError(line)
    return options
}

/** yo's bin, as a global install or npx starts it: `…/bin/yo` (a link) or `…/yo/lib/cli.js`. */
const YO_SCRIPT = /(^|[\\/])(yo|yo[\\/]lib[\\/]cli\.js)$/

/**
 * The one line to stop with when yo was started as root: yo then switches to SUDO_UID, or uid 1000, before it runs
 * a generator (its root check), which leaves a process that is not root in root's environment (or at SUDO_UID),
 * and in an app it usually cannot write. The attio-app bin runs the same generators as root.
 */
export function yoDowngradedRoot({
    uid,
    env,
    script,
}: {
    uid: number | undefined
    env: NodeJS.ProcessEnv
    /** The script node runs (process.argv[1]). */
    script: string | undefined
}): string | undefined {
    if (uid === undefined || uid === 0 || script === undefined || !YO_SCRIPT.test(script)) return undefined
    const rootsEnvironment = env.USER === "root" || env.LOGNAME === "root" || env.HOME === "/root"
    if (!rootsEnvironment && env.SUDO_UID !== String(uid)) return undefined
    return `yo was started as root and switched to uid ${uid}, which may not write this app: run \`npx attio-app\` in the app instead (it runs as root; \`npx attio-app --help\` lists its generators).`
}

/**
 * A monorepo's root (a package.json with workspaces and no src/) is no app: handlers written there would belong
 * to no app's build.
 */
function checkNotWorkspaceRoot(root: string) {
    if (fs.existsSync(path.join(root, "src"))) return
    const file = path.join(root, "package.json")
    let manifest: unknown
    try {
        if (!fs.statSync(file).isFile()) return
        manifest = JSON.parse(fs.readFileSync(file, "utf8").replace(/^\uFEFF/, ""))
    } catch {
        return
    }
    if (isJsonObject(manifest) && "workspaces" in manifest) {
        throw new ScaffoldError(
            `${root} is a monorepo's root (its package.json has workspaces), not an app; run it in the app's folder.`
        )
    }
}

/** What Yeoman calls writing the change: a new file is created, code added to an existing one an update. */
function statusOf(change: FileChange): FileStatus {
    return change.action === "conflict" ? "force" : change.action
}
