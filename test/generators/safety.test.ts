/**
 * What the generators guarantee about the files they touch (docs/generators-safety.md): all or nothing, nothing
 * outside the app, no lost registration when two runs meet, no file's bytes lost to decoding.
 */
import {spawn} from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import {afterEach, describe, expect, it, vi} from "vitest"
import type {CommitIo} from "../../src/scaffold/commit.js"
import {runAttioAppHere} from "../support/attio-app.js"
import {PACKAGE_ROOT} from "../support/bin.js"
import {fromDist} from "../support/dist.js"
import {writeApp, type AppFiles} from "../support/temp-app.js"
import {readTree, runGenerator} from "./support.js"

// The scaffolding as built, the modules the generators run (test/support/dist.ts).
const [{inspectApp}, {LOCK_FILE, withAppLock}, {planWebhook, PLACEHOLDER_REGISTER_URL}, {usesVitest}] =
    await Promise.all([
        fromDist<typeof import("../../src/scaffold/app-tree.js")>("src/scaffold/app-tree.js"),
        fromDist<typeof import("../../src/scaffold/lock.js")>("src/scaffold/lock.js"),
        fromDist<typeof import("../../src/scaffold/webhook.js")>("src/scaffold/webhook.js"),
        fromDist<typeof import("../../src/scaffold/vitest-app.js")>("src/scaffold/vitest-app.js"),
    ])

const ADDED = "src/app/events/connection-added.event.ts"
const ADDED_CODE = `import type {Connection} from "attio/server"

export default async function connectionAdded({connection}: {connection: Connection}) {
    console.log(connection.id)
}
`

const temps: string[] = []
afterEach(() => {
    for (const dir of temps.splice(0)) {
        fs.chmodSync(dir, 0o700)
        fs.rmSync(dir, {recursive: true, force: true})
    }
})

function app(files: AppFiles): string {
    const root = writeApp(files)
    temps.push(root)
    return root
}

function tempDir(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "attio-app-safety-"))
    temps.push(dir)
    return dir
}

/** The fs functions by which write-file-atomic and the commit change the disk. */
const FS_STEPS = [
    "openSync",
    "writeSync",
    "fsyncSync",
    "closeSync",
    "chownSync",
    "chmodSync",
    "renameSync",
    "mkdirSync",
    "unlinkSync",
] as const

/** Each file as it was, or as the complete run writes it (temp files of an unfinished write aside). */
function expectOldOrComplete(state: AppFiles, before: AppFiles, written: AppFiles, when: string) {
    for (const [file, text] of Object.entries(state)) {
        if (/\.[0-9a-f]+$/.test(file) && !(file in written)) continue
        expect([before[file], written[file]], `${file} ${when}`).toContain(text)
    }
}

function spawnBin(cwd: string, args: string[]) {
    const child = spawn(process.execPath, [path.join(PACKAGE_ROOT, "dist/src/cli/attio-app.js"), ...args], {
        cwd,
        stdio: "ignore",
    })
    // Listened for at once: a run may end before a kill.
    return {
        process: child,
        exited: new Promise<number | null>((resolve) => child.on("exit", resolve)),
        signal: new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_code, signal) => resolve(signal))),
    }
}

const spec = (id: string) => ({id, event: id, registerUrl: PLACEHOLDER_REGISTER_URL, register: true})

async function plannedApp(files: AppFiles, io?: CommitIo) {
    const root = app(files)
    const plan = await planWebhook(inspectApp(root, {io}), spec("deal"))
    return {root, plan, before: readTree(root)}
}

describe("all or nothing", () => {
    it("a write failing half-way (ENOSPC) leaves every file as it was: created files and folders removed, edits undone", async () => {
        let writes = 0
        const io: CommitIo = {
            writeFile: (file, content) => {
                // The third write (the edit of connection-added, written last) fails as a full disk would.
                if (++writes === 3) throw Object.assign(new Error("ENOSPC: no space left on device"), {code: "ENOSPC"})
                fs.writeFileSync(file, content)
            },
            mkdir: (folder) => fs.mkdirSync(folder),
        }
        const {root, plan, before} = await plannedApp({[ADDED]: ADDED_CODE}, io)
        expect(plan.changes.map((c) => c.action).sort()).toEqual(["create", "create", "update"])
        expect(() => plan.tree.commit()).toThrow(/ENOSPC.*every file was left as it was/)
        expect(readTree(root)).toEqual(before)
        expect(fs.existsSync(path.join(root, "src/app/webhooks"))).toBe(false)
    })

    it("a file changed after planning (another run, an editor) stops the run before its first write", async () => {
        const {root, plan} = await plannedApp({[ADDED]: ADDED_CODE})
        fs.appendFileSync(path.join(root, ADDED), "// edited meanwhile\n")
        const before = readTree(root)
        expect(() => plan.tree.commit()).toThrow(
            `${ADDED} was changed by another run (or an editor) while the generator ran; run the generator again. Nothing was written.`
        )
        expect(readTree(root)).toEqual(before)
    })

    it("keeps an edited file's mode", async () => {
        const {root, plan} = await plannedApp({[ADDED]: ADDED_CODE})
        fs.chmodSync(path.join(root, ADDED), 0o640)
        plan.tree.commit()
        expect(fs.statSync(path.join(root, ADDED)).mode & 0o777).toBe(0o640)
        expect(fs.readFileSync(path.join(root, ADDED), "utf8")).toContain("registerDealWebhook")
    })

    it("a file where a folder is needed fails before the first write", async () => {
        const run = await runGenerator("webhook", {files: {"src/app/events": "not a folder\n"}, args: ["deal"]})
        expect(run.error?.message).toContain("src/app/events is a file, where the generator needs a folder.")
        expect(run.files).toEqual(run.before)
    })

    it("a folder where a file goes fails before the first write", async () => {
        const root = app({"src/app/webhooks/deal.webhook.ts/keep": ""})
        const run = await runGenerator("webhook", {root, args: ["deal"], options: {force: true}})
        expect(run.error?.message).toMatch(/src\/app\/webhooks\/deal\.webhook\.ts (exists and )?is not a regular file/)
        expect(run.files).toEqual(run.before)
    })

    it("a name too long for the file system fails before the first write", async () => {
        const run = await runGenerator("webhook", {files: {[ADDED]: ADDED_CODE}, args: ["x".repeat(300)]})
        expect(run.error?.message).toContain("the name is too long for the file system")
        expect(run.files).toEqual(run.before)
    })

    it.skipIf(process.getuid?.() === 0)("a folder that may not be written fails before the first write", async () => {
        const root = app({[ADDED]: ADDED_CODE, "src/app/webhooks/other.webhook.ts": "export {}\n"})
        fs.chmodSync(path.join(root, "src/app/events"), 0o500)
        try {
            const run = await runGenerator("webhook", {root, args: ["deal"]})
            expect(run.error?.message).toBe(
                "The folder src/app/events may not be written (permission denied). Nothing was written."
            )
            expect(run.files).toEqual(run.before)
        } finally {
            fs.chmodSync(path.join(root, "src/app/events"), 0o700)
        }
    })

    // A crash can only leave each file old or complete if every write is a temp file renamed into place. The
    // commit's every fs step is watched in-process, and the disk read after each: a crash at any moment leaves
    // one of those states. Real SIGKILLs then stop the bin at moments found by watching its writes.
    it("a crash after any fs step of the commit leaves each file as it was or complete", async () => {
        const files = {[ADDED]: ADDED_CODE}
        const complete = await plannedApp(files)
        complete.plan.tree.commit()
        const written = readTree(complete.root)
        const {root, plan, before} = await plannedApp(files)
        const steps: string[] = []
        const states: AppFiles[] = []
        let reading = false
        for (const name of FS_STEPS) {
            const step = fs[name] as (...args: unknown[]) => unknown
            vi.spyOn(fs, name).mockImplementation((...args: unknown[]) => {
                const result = step(...args)
                if (!reading) {
                    // readTree opens and closes files itself: those are no steps of the commit.
                    reading = true
                    steps.push(name)
                    states.push(readTree(root))
                    reading = false
                }
                return result
            })
        }
        try {
            plan.tree.commit()
        } finally {
            vi.restoreAllMocks()
        }
        expect(states.at(-1)).toEqual(written)
        for (const [i, state] of states.entries())
            expectOldOrComplete(state, before, written, `after step ${i} (${steps[i]})`)
        // Two files created (one in a new folder) and one edited, each written to a temp file and renamed.
        expect(steps.filter((s) => s === "renameSync")).toHaveLength(3)
        expect(steps.filter((s) => s === "mkdirSync")).toHaveLength(1)
    })

    it("SIGKILL while the lock is held, at the commit's new folder and at its first write of an event leaves each file as it was or complete", async () => {
        const root = app({[ADDED]: ADDED_CODE})
        const args = ["webhook", "deal", "--yes"]
        const copy = () => {
            const dir = tempDir()
            fs.cpSync(root, dir, {recursive: true})
            return dir
        }
        // The killed runs at once, each on a copy of the app.
        const moments: [string, (file: string) => boolean][] = [
            [".", (file) => file === LOCK_FILE],
            ["src/app", (file) => file === "webhooks"],
            ["src/app/events", (file) => file !== "connection-added.event.ts"],
        ]
        const killed = moments.map(([folder, when]) => ({dir: copy(), folder, when}))
        const signals = await Promise.all(
            killed.map(({dir, folder, when}) => {
                const child = spawnBin(dir, args)
                const watcher = fs.watch(path.join(dir, folder), (_event, name) => {
                    if (name !== null && when(name)) child.process.kill("SIGKILL")
                })
                return child.signal.finally(() => watcher.close())
            })
        )
        // Each killed run was killed (a watch that never fired would leave a complete run, and prove nothing).
        expect(signals).toEqual(killed.map(() => "SIGKILL"))
        // The complete run's files, planned and written in this process by the code the bin runs (afterwards: the
        // watchers above need this process's event loop free).
        const complete = await plannedApp({[ADDED]: ADDED_CODE})
        complete.plan.tree.commit()
        const before = readTree(root)
        const written = readTree(complete.root)
        for (const {dir, folder} of killed) {
            fs.rmSync(path.join(dir, LOCK_FILE), {force: true})
            expectOldOrComplete(readTree(dir), before, written, `killed at a change in ${folder}`)
        }
    })
})

describe("two runs at once", () => {
    it("both registrations are kept: a run that finds the app locked waits, then adds its own to what the other wrote", async () => {
        const root = app({[ADDED]: ADDED_CODE})
        const one = spawnBin(root, ["webhook", "one", "--yes"])
        // The second run (in this process: its own lock, its own pid) starts once the first holds the lock.
        const watcher = fs.watch(root)
        const locked = new Promise((resolve) =>
            watcher.on("change", (_event, name) => name === LOCK_FILE && resolve(0))
        )
        await Promise.race([locked, one.exited]).finally(() => watcher.close())
        const two = await runAttioAppHere(["webhook", "two", "--yes"], {cwd: root})
        expect(two.stderr).not.toContain("attio-app:")
        expect([await one.exited, two.code]).toEqual([0, 0])
        const added = fs.readFileSync(path.join(root, ADDED), "utf8")
        expect(added).toContain('fileName: "one"')
        expect(added).toContain('fileName: "two"')
        expect(fs.existsSync(path.join(root, LOCK_FILE))).toBe(false)
    })

    it("a lock left by a process that is gone is taken over", async () => {
        const root = app({})
        fs.writeFileSync(path.join(root, LOCK_FILE), JSON.stringify({pid: 2 ** 22 + 1, host: os.hostname()}))
        expect(await withAppLock(root, async () => "ran", 1000)).toBe("ran")
        expect(fs.existsSync(path.join(root, LOCK_FILE))).toBe(false)
    })

    it("a live run's lock makes the other wait, then give up with a message", async () => {
        const root = app({})
        fs.writeFileSync(path.join(root, LOCK_FILE), JSON.stringify({pid: process.pid, host: os.hostname()}))
        await expect(withAppLock(root, async () => "ran", 300)).rejects.toThrow(
            `Another attio-app run (pid ${process.pid}) is writing this app; nothing was written.`
        )
    })
})

describe("file contents", () => {
    it("a file that is not UTF-8 is refused by name, its bytes untouched", async () => {
        const root = app({})
        const latin1 = Buffer.from(
            ADDED_CODE.replace("console.log(connection.id)", "// café\n    console.log(1)"),
            "latin1"
        )
        fs.mkdirSync(path.join(root, "src/app/events"), {recursive: true})
        fs.writeFileSync(path.join(root, ADDED), latin1)
        const run = await runGenerator("webhook", {root, args: ["deal"]})
        expect(run.error?.message).toContain(`${ADDED} is not valid UTF-8 text`)
        expect(fs.readFileSync(path.join(root, ADDED))).toEqual(latin1)
        expect(run.files).toEqual(run.before)
    })

    it("a UTF-8 BOM and CRLF line endings are kept, and added lines end in CRLF", async () => {
        const crlf = `\uFEFF${ADDED_CODE.replace(/\n/g, "\r\n")}`
        const run = await runGenerator("webhook", {files: {[ADDED]: crlf}, args: ["deal"]})
        expect(run.error).toBeUndefined()
        const added = run.files[ADDED]!
        expect(added.startsWith("\uFEFFimport type {Connection")).toBe(true)
        expect(added).toContain("registerDealWebhook")
        expect(added.replace(/\r\n/g, "")).not.toContain("\n")
    })
})

describe("confined to the app", () => {
    it("a handler folder linked outside the app is refused; nothing is written there", async () => {
        const outside = tempDir()
        const root = app({[ADDED]: ADDED_CODE})
        fs.mkdirSync(path.join(root, "src/app"), {recursive: true})
        fs.symlinkSync(outside, path.join(root, "src/app/webhooks"))
        const run = await runGenerator("webhook", {root, args: ["deal"]})
        expect(run.error?.message).toContain(
            `src/app/webhooks is a symbolic link to ${fs.realpathSync(outside)}, outside the app`
        )
        expect(fs.readdirSync(outside)).toEqual([])
        expect(run.files).toEqual(run.before)
    })

    it("an events folder linked outside the app is refused by the event generator too", async () => {
        const outside = tempDir()
        const root = app({"src/app/webhooks/x.webhook.ts": "export {}\n"})
        fs.symlinkSync(outside, path.join(root, "src/app/events"))
        const run = await runGenerator("event", {root, args: ["connection-added"]})
        expect(run.error?.message).toContain("src/app/events is a symbolic link to")
        expect(fs.readdirSync(outside)).toEqual([])
    })

    it("an event file linked outside the app is refused, neither read nor written", async () => {
        const outside = tempDir()
        fs.writeFileSync(path.join(outside, "secret.ts"), ADDED_CODE)
        const root = app({})
        fs.mkdirSync(path.join(root, "src/app/events"), {recursive: true})
        fs.symlinkSync(path.join(outside, "secret.ts"), path.join(root, ADDED))
        const run = await runGenerator("webhook", {root, args: ["deal"]})
        expect(run.error?.message).toContain(`${ADDED} is a symbolic link to`)
        expect(fs.readFileSync(path.join(outside, "secret.ts"), "utf8")).toBe(ADDED_CODE)
    })

    it("a dangling link where the handler goes is refused", async () => {
        const root = app({})
        fs.mkdirSync(path.join(root, "src/app/webhooks"), {recursive: true})
        const nowhere = path.join(tempDir(), "missing.ts")
        fs.symlinkSync(nowhere, path.join(root, "src/app/webhooks/deal.webhook.ts"))
        const run = await runGenerator("webhook", {root, args: ["deal"]})
        expect(run.error?.message).toContain("src/app/webhooks/deal.webhook.ts is a symbolic link to")
        expect(run.error?.message).toContain("which does not exist")
        expect(fs.existsSync(nowhere)).toBe(false)
    })

    it("a link that stays in the app is followed", async () => {
        const root = app({"src/shared/events/connection-added.event.ts": ADDED_CODE})
        fs.mkdirSync(path.join(root, "src/app"))
        fs.symlinkSync(path.join(root, "src/shared/events"), path.join(root, "src/app/events"))
        const run = await runGenerator("webhook", {root, args: ["deal"]})
        expect(run.error).toBeUndefined()
        expect(run.files["src/shared/events/connection-added.event.ts"]).toContain("registerDealWebhook")
    })

    it("a link into the rest of the repository is refused, and followed with --allow-symlinks", async () => {
        const repo = tempDir()
        fs.mkdirSync(path.join(repo, ".git"))
        fs.mkdirSync(path.join(repo, "shared/events"), {recursive: true})
        fs.writeFileSync(path.join(repo, "shared/events/connection-added.event.ts"), ADDED_CODE)
        fs.mkdirSync(path.join(repo, "app/src/app"), {recursive: true})
        fs.writeFileSync(path.join(repo, "app/package.json"), "{}")
        fs.symlinkSync(path.join(repo, "shared/events"), path.join(repo, "app/src/app/events"))
        const root = path.join(repo, "app")
        const refused = await runGenerator("webhook", {root, args: ["deal"]})
        expect(refused.error?.message).toContain("--allow-symlinks allows links that stay inside the repository")
        const allowed = await runGenerator("webhook", {root, args: ["deal"], options: {"allow-symlinks": true}})
        expect(allowed.error).toBeUndefined()
        expect(fs.readFileSync(path.join(repo, "shared/events/connection-added.event.ts"), "utf8")).toContain(
            "registerDealWebhook"
        )
        expect(fs.lstatSync(path.join(repo, "app/src/app/events")).isSymbolicLink()).toBe(true)
    })
})

describe("package.json with a byte order mark", () => {
    it("is read as npm reads it", () => {
        expect(usesVitest(inspectApp(app({"package.json": '\uFEFF{"devDependencies": {"vitest": "^3.0.0"}}'})))).toBe(
            true
        )
    })
})

describe("the monorepo root", () => {
    // How the bin shows a refusal (one line, exit 1) is test/generators/bin.test.ts's.
    it("is refused: run it in the app's folder", async () => {
        const run = await runGenerator("webhook", {
            files: {"package.json": '\uFEFF{"private": true, "workspaces": ["apps/*"]}', "apps/crm/package.json": "{}"},
            args: ["deal"],
        })
        expect(run.error?.message).toContain(
            "is a monorepo's root (its package.json has workspaces), not an app; run it in the app's folder."
        )
        expect(Object.keys(run.files).sort()).toEqual(["apps/crm/package.json", "package.json"])
    })
})

describe("names", () => {
    it.each([
        ["src/app/webhooks/Deal.webhook.ts", "deal", "src/app/webhooks/Deal.webhook.ts"],
        ["src/webhooks/CRM/deal.webhook.ts", "crm/deal", "src/webhooks/CRM"],
    ])("an existing %s is refused as a twin of %s by letter case", async (existing, id, twin) => {
        const run = await runGenerator("webhook", {files: {[existing]: "export {}\n"}, args: [id]})
        expect(run.error?.message).toContain(`${twin} exists, and differs from the id "${id}" only by letter case`)
        expect(run.files).toEqual(run.before)
    })

    it("a name that is a path from the app root is refused", async () => {
        const run = await runGenerator("webhook", {files: {}, args: ["src/app/webhooks/foo"]})
        expect(run.error?.message).toContain(
            'is a path from the app root; give the id relative to the webhooks folder: "foo".'
        )
        expect(run.files).toEqual(run.before)
    })

    it("file names with terminal escapes are printed escaped", async () => {
        const evil = "src/app/webhooks/\u001b[31mred\u202e.webhook.ts"
        const root = app({
            [evil]: "export default async function (r: Request) {\n    return new Response(await r.text())\n}\n",
        })
        const result = await runAttioAppHere(["webhook", "deal"], {cwd: root})
        expect(result.code).toBe(0)
        // Checked first: runAttioAppHere strips colours, so a \u001b[31m printed raw would be gone from the text,
        // and so would this escaped form.
        expect(result.stderr).toContain('"src/app/webhooks/\\u001b[31mred\\u202e.webhook.ts":1:1 warning')
        expect(result.stderr).not.toMatch(/[\u001b\u202e]/)
    })
})
