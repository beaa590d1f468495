/**
 * Yeoman's conventions, as a Yeoman user reads them: the status words before each file (also under --dry-run),
 * the conflict question with its diff, --help listing only what applies, no internal noise in a composed run,
 * yo started as root, and next steps that are true for what the run just did.
 */
import {spawnSync} from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import {PassThrough} from "node:stream"
import {createLogger} from "@yeoman/adapter"
import {afterAll, describe, expect, it} from "vitest"
import {createEnv} from "yeoman-environment"
import helpers from "yeoman-test"
import {runAttioAppHere, Sink, withoutColours} from "../support/attio-app.js"
import {PACKAGE_ROOT} from "../support/bin.js"
import {fromDist} from "../support/dist.js"
import {removeWrittenApps, writeApp} from "../support/temp-app.js"
import {generatorPath, readTree} from "./support.js"

// As built: the modules the generators import (test/support/dist.ts).
const [{GENERATOR_SPECS, helpText, IGNORED_YEOMAN_OPTIONS}, {yoDowngradedRoot}] = await Promise.all([
    fromDist<typeof import("../../src/scaffold/generator-options.js")>("src/scaffold/generator-options.js"),
    fromDist<typeof import("../../src/scaffold/generator.js")>("src/scaffold/generator.js"),
])

/** Folders made here besides writeApp's apps. */
const made: string[] = []

afterAll(() => {
    removeWrittenApps()
    for (const dir of made) fs.rmSync(dir, {recursive: true, force: true})
})

const PLACEHOLDER = "https://api.example.com/v1/webhooks"
const ADDED = "src/app/events/connection-added.event.ts"
const REMOVED = "src/app/events/connection-removed.event.ts"

interface Run {
    root: string
    /** Everything the run printed: Yeoman's status lines and the generator's own messages, without colours. */
    output: string
    error: Error | undefined
    /** Each question as asked, with its choices. */
    questions: {name: string; choices?: {key?: string; value?: string}[]}[]
}

/**
 * Runs the webhook generator as yo would, printing through Yeoman's own logger into a string. `answer` gives the
 * answer to each question in turn (its n-th asking).
 */
async function run(
    root: string,
    args: string[],
    options: Record<string, unknown> = {},
    answer?: (name: string, time: number) => unknown
): Promise<Run> {
    const sink = new PassThrough() as unknown as NodeJS.WriteStream
    let output = ""
    sink.on("data", (chunk: Buffer) => (output += chunk.toString()))
    const questions: Run["questions"] = []
    const context = helpers
        .run(generatorPath("webhook"))
        .cd(root)
        .withArguments(args)
        .withOptions({force: false, ...options} as Record<string, unknown>)
        // The test adapter's log records calls and prints nothing: print through Yeoman's real logger instead.
        .onGenerator((generator) => {
            // Read-only in yeoman-generator's types.
            ;(generator as {log: unknown}).log = createLogger({stdout: sink, stderr: sink})
        })
        .withAnswers(
            {},
            {
                callback: (given: unknown, {question}: {question: Run["questions"][number]}) => {
                    questions.push(question)
                    const times = questions.filter((q) => q.name === question.name).length
                    return answer ? answer(question.name, times) : given
                },
            }
        )
    let error: Error | undefined
    try {
        await context
    } catch (caught) {
        error = caught as Error
    }
    return {root, output: withoutColours(output), error, questions}
}

/** The status lines, as `status path`, in order. */
function statuses(output: string): string[] {
    return [...output.matchAll(/^ *(create|update|force|identical|conflict|skip) (\S+)$/gm)].map(
        (m) => `${m[1]} ${m[2]}`
    )
}

function nextSteps(output: string): string {
    return output.slice(output.indexOf("Next steps:"))
}

describe("status words", () => {
    it("are create, then identical for a file that is the same, and update (never force) for code added to a file", async () => {
        const root = writeApp({})
        const first = await run(root, ["foo"], {yes: true})
        expect(first.error).toBeUndefined()
        expect(statuses(first.output)).toEqual([
            "create src/app/webhooks/foo.webhook.ts",
            `create ${ADDED}`,
            `create ${REMOVED}`,
        ])
        // Padded as Yeoman pads its words.
        expect(first.output).toContain("   create src/app/webhooks/foo.webhook.ts\n")
        const again = await run(root, ["foo"], {yes: true})
        expect(statuses(again.output)).toEqual(["identical src/app/webhooks/foo.webhook.ts"])
        const other = await run(root, ["bar"], {yes: true})
        expect(statuses(other.output)).toEqual(["create src/app/webhooks/bar.webhook.ts", `update ${ADDED}`])
        expect(other.output).toContain(`   update ${ADDED}\n`)
    })

    it("are skip for a different file kept (--yes), force for one replaced (--force)", async () => {
        const root = writeApp({"src/app/webhooks/foo.webhook.ts": "// mine\nexport default () => new Response()\n"})
        const kept = await run(root, ["foo"], {yes: true, register: false})
        expect(statuses(kept.output)).toEqual(["skip src/app/webhooks/foo.webhook.ts"])
        expect(readTree(root)["src/app/webhooks/foo.webhook.ts"]).toContain("// mine")
        const forced = await run(root, ["foo"], {yes: true, register: false, force: true})
        expect(statuses(forced.output)).toEqual(["force src/app/webhooks/foo.webhook.ts"])
    })

    it("are the same under --dry-run, which shows a new file's content and a changed file's diff, and writes nothing", async () => {
        const root = writeApp({})
        await run(root, ["foo"], {yes: true})
        const before = readTree(root)
        const dry = await run(root, ["bar"], {yes: true, "dry-run": true})
        expect(dry.error).toBeUndefined()
        expect(readTree(root)).toEqual(before)
        expect(statuses(dry.output)).toEqual(["create src/app/webhooks/bar.webhook.ts", `update ${ADDED}`])
        // The new file in full, as added lines.
        expect(dry.output).toMatch(/create src\/app\/webhooks\/bar\.webhook\.ts\n@@ -0,0 \+1,\d+ @@\n\+/)
        expect(dry.output).toMatch(/^\+export default async function handleBar\(/m)
        // The edited file as a diff with context.
        expect(dry.output).toMatch(
            /^ {5}await registerFooWebhook\(connection\)\n\+ {4}await registerBarWebhook\(connection\)$/m
        )
        expect(dry.output).toContain("Dry run: nothing was written.")
        const identical = await run(root, ["foo"], {yes: true, "dry-run": true})
        expect(statuses(identical.output)).toEqual(["identical src/app/webhooks/foo.webhook.ts"])
    })
})

describe("the conflict question", () => {
    const files = {"src/app/webhooks/foo.webhook.ts": "// mine\nexport default () => new Response()\n"}

    it("offers Yeoman's keys, shows the diff for d and asks again with every option", async () => {
        const root = writeApp(files)
        const answers = ["diff", "diff", "keep"]
        const result = await run(root, ["foo"], {register: false, event: "foo"}, (name, time) =>
            name === "answer" ? answers[time - 1] : undefined
        )
        expect(result.error).toBeUndefined()
        const asked = result.questions.filter((q) => q.name === "answer")
        expect(asked).toHaveLength(3)
        for (const question of asked) {
            expect(question.choices?.map((c) => c.key)).toEqual(["y", "n", "a", "x", "d"])
        }
        // The diff, once per d: the user's line removed, the generated handler added.
        expect(result.output.match(/^-\/\/ mine$/gm)).toHaveLength(2)
        expect(result.output).toMatch(/^\+export default async function handleFoo\(/m)
        expect(statuses(result.output)).toEqual([
            "conflict src/app/webhooks/foo.webhook.ts",
            "skip src/app/webhooks/foo.webhook.ts",
        ])
        expect(readTree(root)["src/app/webhooks/foo.webhook.ts"]).toBe(files["src/app/webhooks/foo.webhook.ts"])
    })

    it("y overwrites the file", async () => {
        const root = writeApp(files)
        const result = await run(root, ["foo"], {register: false, event: "foo"}, (name) =>
            name === "answer" ? "overwrite" : undefined
        )
        expect(statuses(result.output)).toEqual([
            "conflict src/app/webhooks/foo.webhook.ts",
            "force src/app/webhooks/foo.webhook.ts",
        ])
        expect(readTree(root)["src/app/webhooks/foo.webhook.ts"]).toContain("handleFoo")
    })
})

describe("--help", () => {
    // The bin's run in this process: test/generators/bin.test.ts spawns `attio-app webhook --help`.
    it("of the bin lists the generator's own options, none of Yeoman's that do nothing here", async () => {
        const webhook = await runAttioAppHere(["webhook", "--help"], {cwd: PACKAGE_ROOT})
        expect(webhook.code).toBe(0)
        expect(webhook.stdout).toBe(helpText("attio-app webhook", GENERATOR_SPECS.webhook))
        for (const option of [
            "--event",
            "--register-url",
            "--no-register",
            "--test",
            "--yes",
            "--force",
            "--dry-run",
        ]) {
            expect(webhook.stdout).toContain(option)
        }
        const event = (await runAttioAppHere(["event", "--help"], {cwd: PACKAGE_ROOT})).stdout
        expect(event).toMatch(/^Usage:\n {2}attio-app event \[<name>\] \[options\]\n/)
        expect(event).toContain("connection-added or connection-removed")
        // Nothing in an event handler can conflict, and it has no webhook to register.
        for (const option of ["--force", "--bail", "--event", "--register"]) expect(event).not.toContain(option)
        for (const text of [webhook.stdout, event]) {
            for (const option of IGNORED_YEOMAN_OPTIONS) expect(text).not.toContain(`--${option}`)
        }
    })

    it("through yeoman-environment (yo attio-app:webhook --help) lists the same options", async () => {
        const env = createEnv({cwd: PACKAGE_ROOT})
        env.register(generatorPath("webhook"), {namespace: "attio-app:webhook", packagePath: PACKAGE_ROOT})
        const generator = await env.create("attio-app:webhook", {generatorArgs: [], generatorOptions: {help: true}})
        const help = (generator as unknown as {help(): string}).help()
        for (const option of GENERATOR_SPECS.webhook.options) expect(help).toContain(`--${option.name}`)
        for (const option of IGNORED_YEOMAN_OPTIONS) expect(help).not.toContain(`--${option}`)
    })
})

describe("through yeoman-environment, as yo runs it", () => {
    /** Runs `yo <args>` as yo does, without yo (which refuses root): the same environment, adapter and terminal. */
    function yo(cwd: string, args: string[], options: {uid?: number; env?: NodeJS.ProcessEnv} = {}) {
        const script = `
            import {createEnv} from ${JSON.stringify(import.meta.resolve("yeoman-environment"))}
            const env = createEnv()
            for (const name of ["app", "webhook", "event"]) {
                env.register(${JSON.stringify(path.join(PACKAGE_ROOT, "dist/generators"))} + "/" + name + "/index.js", {namespace: "attio-app:" + name, packagePath: ${JSON.stringify(PACKAGE_ROOT)}})
            }
            // yo's own error handler: the message only.
            await env.run(process.argv.slice(2), {}).catch((error) => {
                console.error("Error", process.argv.slice(2).join(" "), "\\n")
                console.error(error.message)
                process.exit(error.code || 1)
            })
        `
        // As yo's bin, where the generators look for it: in a folder another user can read.
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "attio-app-yo-"))
        made.push(dir)
        fs.chmodSync(dir, 0o755)
        const cli = path.join(dir, "yo/lib/cli.js")
        fs.mkdirSync(path.dirname(cli), {recursive: true})
        fs.writeFileSync(cli, script)
        fs.writeFileSync(path.join(dir, "yo/package.json"), '{"type": "module"}')
        // stdin a pipe that stays open and silent: a prompt would wait on it for ever.
        return spawnSync(process.execPath, [cli, ...args], {
            cwd,
            encoding: "utf8",
            stdio: ["pipe", "pipe", "pipe"],
            env: {...process.env, NO_COLOR: "1", ...options.env},
            timeout: 60_000,
            uid: options.uid,
        })
    }

    /**
     * `yo <args>` in this process: yo's environment, the generators registered as above, Yeoman's terminal adapter
     * printing to a string, and its stdin a pipe that stays open and silent (a prompt would wait on it for ever).
     * yo's process is the spawned one's below.
     */
    async function yoHere(cwd: string, args: string[]): Promise<string> {
        const output = new Sink()
        const terminal = output as unknown as NodeJS.WriteStream
        const stdin = new PassThrough() as unknown as NodeJS.ReadStream
        const env = createEnv({cwd, stdin, stdout: terminal, stderr: terminal})
        for (const name of ["app", "webhook", "event"] as const) {
            env.register(generatorPath(name), {namespace: `attio-app:${name}`, packagePath: PACKAGE_ROOT})
        }
        await env.run(args, {})
        return withoutColours(output.text)
    }

    it("a composed run (the app generator running webhook) prints no internal Yeoman noise, and asks nothing without a terminal", async () => {
        const root = writeApp({})
        const output = await yoHere(root, ["attio-app", "webhook", "foo"])
        expect(output).not.toContain("customInstallTask")
        expect(output).not.toMatch(/^ *info /m)
        expect(statuses(output)).toEqual([
            "create src/app/webhooks/foo.webhook.ts",
            `create ${ADDED}`,
            `create ${REMOVED}`,
        ])
    })

    it("started as root (yo then switches to uid 1000 in root's environment) stops with one line naming npx attio-app", (context) => {
        if (process.getuid?.() !== 0) context.skip()
        const root = writeApp({})
        fs.chmodSync(root, 0o755)
        const readable = spawnSync(
            process.execPath,
            ["-e", `require("fs").accessSync(${JSON.stringify(generatorPath("webhook"))})`],
            {uid: 1000, cwd: root}
        )
        if (readable.status !== 0) {
            console.log("skipped: uid 1000 cannot read this checkout (a private folder)")
            context.skip()
        }
        const result = yo(root, ["attio-app:webhook", "foo"], {uid: 1000, env: {HOME: "/root", USER: "root"}})
        const line = result.stderr.trim().split("\n").at(-1)
        expect(line).toMatch(
            /^yo was started as root and switched to uid 1000\b.*run `npx attio-app` in the app instead/
        )
        expect(result.stderr).not.toContain("EACCES")
        expect(result.status).toBe(1)
        expect(readTree(root)).toEqual({"package.json": expect.any(String)})
    })
})

describe("yoDowngradedRoot", () => {
    const YO = "/usr/local/lib/node_modules/yo/lib/cli.js"

    it("is a line for yo's process that is not root in root's environment, or at SUDO_UID", () => {
        expect(yoDowngradedRoot({uid: 1000, env: {HOME: "/root", USER: "root"}, script: YO})).toMatch(/npx attio-app/)
        const bin = {uid: 501, env: {HOME: "/home/me", USER: "root"}, script: "/usr/local/bin/yo"}
        expect(yoDowngradedRoot(bin)).toMatch(/switched to uid 501/)
        const sudo = {uid: 1001, env: {HOME: "/home/me", USER: "me", SUDO_UID: "1001"}, script: YO}
        expect(yoDowngradedRoot(sudo)).toBeDefined()
    })

    it("is nothing for root itself, a normal user, Windows (no uid), or any other program (the attio-app bin)", () => {
        expect(yoDowngradedRoot({uid: 0, env: {HOME: "/root", USER: "root"}, script: YO})).toBeUndefined()
        expect(yoDowngradedRoot({uid: 1000, env: {HOME: "/home/me", USER: "me"}, script: YO})).toBeUndefined()
        expect(yoDowngradedRoot({uid: undefined, env: {USER: "root"}, script: YO})).toBeUndefined()
        const bin = "/app/node_modules/.bin/attio-app"
        expect(yoDowngradedRoot({uid: 1000, env: {HOME: "/root", USER: "root"}, script: bin})).toBeUndefined()
    })
})

describe("next steps", () => {
    it("for a new webhook: fill in the sync, set the placeholder URL in both events, connect, try", async () => {
        const result = await run(writeApp({}), ["foo"], {yes: true})
        const steps = nextSteps(result.output)
        expect(steps).toContain('Fill in the sync in src/app/webhooks/foo.webhook.ts (the part marked "Sync")')
        expect(steps).toContain(
            `Set the third party's webhook API in ${ADDED}: it still calls the placeholder ${PLACEHOLDER}.`
        )
        expect(steps).toContain("Connect the service in the Attio developer dashboard")
        expect(steps).not.toContain("createWebhookHandler")
    })

    it("name no placeholder when the URL was given", async () => {
        const result = await run(writeApp({}), ["foo"], {yes: true, registerUrl: "https://api.x.com/hooks"})
        expect(nextSteps(result.output)).not.toContain(PLACEHOLDER)
    })

    it("for an id already registered: no sync to fill in again and no advice to register it, but the placeholder left earlier", async () => {
        const root = writeApp({})
        await run(root, ["foo"], {yes: true})
        const again = await run(root, ["foo"], {yes: true})
        expect(again.output).toContain("already registers the foo webhook handler")
        const steps = nextSteps(again.output)
        expect(steps).not.toContain("Fill in the sync")
        expect(steps).not.toContain("createWebhookHandler")
        expect(steps).toContain(`Set the third party's webhook API in ${ADDED}: it still calls the placeholder`)
        const added = readTree(root)[ADDED]!
        fs.writeFileSync(path.join(root, ADDED), added.replaceAll(PLACEHOLDER, "https://api.x.com/hooks"))
        const fixed = await run(root, ["foo"], {yes: true})
        expect(nextSteps(fixed.output)).not.toContain(PLACEHOLDER)
        const unregistered = await run(root, ["foo"], {yes: true, register: false})
        expect(nextSteps(unregistered.output)).not.toContain("createWebhookHandler")
    })

    it("for --no-register: how to create the handler, and no connection step for a registration that was not written", async () => {
        const result = await run(writeApp({}), ["foo"], {yes: true, register: false})
        const steps = nextSteps(result.output)
        expect(steps).toContain('createWebhookHandler({fileName: "foo"})')
        expect(steps).not.toContain(PLACEHOLDER)
        expect(steps).not.toContain("Connect the service")
    })

    it("name the test written and how to run it, and test-setup when the app lacks what the test imports", async () => {
        const root = writeApp({
            "package.json": JSON.stringify({name: "a", private: true, devDependencies: {vitest: "^4"}}),
        })
        const result = await run(root, ["foo"], {yes: true})
        const steps = nextSteps(result.output)
        expect(readTree(root)).toHaveProperty(["src/app/webhooks/foo.webhook.test.ts"])
        expect(steps).toContain("`npx attio-app test-setup --install`")
        expect(steps).toContain("`npx vitest run src/app/webhooks/foo.webhook.test.ts`")
        const ready = writeApp({
            "package.json": JSON.stringify({devDependencies: {vitest: "^4", "generator-attio-app": "^0.1.0"}}),
        })
        const readySteps = nextSteps((await run(ready, ["foo"], {yes: true})).output)
        expect(readySteps).not.toContain("test-setup")
        expect(readySteps).toContain("`npx vitest run src/app/webhooks/foo.webhook.test.ts`")
    })
})
