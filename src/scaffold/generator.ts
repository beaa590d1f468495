/**
 * What the package's generators share: finding the app, the --yes/--force/--dry-run/--bail options, and writing
 * a Plan all or nothing through Yeoman's file system.
 */
import fs from "node:fs"
import path from "node:path"
import Generator from "yeoman-generator"
import {findAppRoot} from "../app-model/app.js"
import {isJsonObject} from "../json.js"
import {inspectApp, type App} from "./app.js"
import {commitPlan} from "./commit.js"
import {lineDiff} from "./diff.js"
import {ScaffoldError} from "./errors.js"
import {withAppLock} from "./lock.js"
import {shownPath} from "./names.js"
import type {FileChange, Plan} from "./plan.js"

type ConflictAnswer = "overwrite" | "keep" | "abort"

export abstract class ScaffoldGenerator extends Generator {
    constructor(args: string[], options: Generator["options"]) {
        super(args, options)
        // Only the priority methods (initializing, prompting, writing, end) are tasks; other methods are
        // helpers. The generators never touch dependencies: no package-manager install step (nor its message).
        this.setFeatures({tasksMatchingPriority: true, customInstallTask: true})
        this.option("yes", {
            type: Boolean,
            alias: "y",
            description: "Take the default for every question; never prompt",
        })
        // Yeoman's environment reads these from the generator's options. Declaring them puts them in --help and
        // lets them be parsed from the arguments.
        this.option("force", {type: Boolean, description: "Overwrite files that differ (the existing handler file)"})
        this.option("dry-run", {type: Boolean, description: "Show what would be written, with diffs; write nothing"})
        this.option("bail", {type: Boolean, description: "Fail, writing nothing, instead of asking about a conflict"})
        this.option("allow-symlinks", {
            type: Boolean,
            description:
                "Follow symbolic links that point elsewhere in the app's git repository (default: only inside the app)",
        })
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

    protected get yes(): boolean {
        return this.flag("yes") === true
    }

    protected get dryRun(): boolean {
        return this.flag("dry-run") === true
    }

    /**
     * Plans with `planner` and writes the plan, holding the app's lock from the first read to the last write so
     * that a concurrent run plans on what this one wrote. A dry run reads only, and takes no lock.
     */
    protected async planAndWrite(planner: (app: App) => Promise<Plan>): Promise<Plan> {
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
     * failure). A conflict the user declines, or any conflict under --bail, throws before the first write.
     */
    private async applyPlan(plan: Plan) {
        for (const change of plan.changes.filter((c) => c.action === "conflict")) {
            const answer = await this.resolveConflict(change)
            if (answer === "abort") {
                throw new ScaffoldError(
                    `${change.path} differs from what the generator would write, and was not replaced. Nothing was written.`
                )
            }
            if (answer === "keep") plan.keep(change)
        }
        if (this.dryRun) {
            this.showChanges(plan)
            return
        }
        // Written here rather than through Yeoman's in-memory file system, whose commit writes file after file
        // in place, so that a failure or a crash half-way would leave some files written and others truncated.
        commitPlan(plan)
        for (const change of plan.changes) this.log[statusOf(change)](shownPath(change.path))
    }

    /**
     * A dry run's report, in Yeoman's words (create, force, conflict) with a diff of every existing file. It is
     * printed here rather than left to Yeoman's conflicter, which shows no diff for a file that --force replaces
     * and prints its legend as "removedadded" without colours; plain +/- lines read the same with or without them.
     */
    private showChanges(plan: Plan) {
        for (const change of plan.changes) {
            // "conflict": without --force, a real run would ask about this file.
            const status = change.action === "conflict" && this.flag("force") !== true ? "conflict" : statusOf(change)
            this.log[status](shownPath(change.path))
            const before = plan.read(change.path)
            if (before !== undefined) this.log(lineDiff(before, change.content))
        }
    }

    /** What was left alone and why; and that a dry run wrote nothing. */
    protected reportNotes(plan: Plan) {
        for (const note of plan.notes) this.log(note)
        if (this.dryRun) this.log("Dry run: nothing was written.")
    }

    private async resolveConflict(change: FileChange): Promise<ConflictAnswer> {
        if (this.flag("bail") === true) return "abort"
        if (this.flag("force") === true) return "overwrite"
        if (this.yes) return "keep"
        // A dry run writes nothing, so it shows the replacement (as a conflict) rather than asking about it.
        if (this.dryRun) return "overwrite"
        const {answer} = await this.prompt<{answer: ConflictAnswer}>({
            type: "select",
            name: "answer",
            message: `${change.path} exists and differs from what the generator would write. Replace it?`,
            choices: [
                {name: "Keep the existing file, do the rest", value: "keep"},
                {name: "Overwrite it", value: "overwrite"},
                {name: "Abort, write nothing", value: "abort"},
            ],
            default: "keep",
        })
        return answer
    }
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

/** What Yeoman calls writing the change: a new file is created, an existing one forced. */
function statusOf(change: FileChange): "create" | "force" {
    return change.action === "create" ? "create" : "force"
}
