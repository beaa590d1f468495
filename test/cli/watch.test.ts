import {spawn} from "node:child_process"
import fs from "node:fs"
import path from "node:path"

import {expect, it} from "vitest"

import {PACKAGE_ROOT} from "../support/bin.js"
import {writeApp} from "../support/temp-app.js"

const HOOK = "export default async function h(req: Request) {\n    return new Response(null)\n}\n"
const FALLS_OFF = HOOK.replace("return new Response(null)", "console.log(req)")

/** `attio-lint --watch ARGS` in `cwd`; waitFor resolves once the output so far matches. */
function startWatch(cwd: string, args: string[] = []) {
    const child = spawn(process.execPath, [path.join(PACKAGE_ROOT, "dist/src/cli/attio-lint.js"), "--watch", ...args], {
        cwd,
        stdio: ["ignore", "pipe", "pipe"],
        env: {...process.env, NO_COLOR: "1"},
    })
    const watching = {
        output: "",
        errors: "",
        async waitFor(pattern: RegExp) {
            for (let i = 0; i < 200 && !pattern.test(watching.output); i++) await new Promise((r) => setTimeout(r, 50))
            expect(watching.output).toMatch(pattern)
        },
        stop: () => child.kill(),
        /** The exit code, or null when it is still running after `ms`. */
        exit: (ms: number) =>
            new Promise<number | null>((resolve) => {
                const timer = setTimeout(() => resolve(null), ms)
                if (child.exitCode !== null) resolve(child.exitCode)
                child.on("exit", (code) => (clearTimeout(timer), resolve(code)))
            }),
    }
    child.stdout.on("data", (chunk) => (watching.output += chunk))
    child.stderr.on("data", (chunk) => (watching.errors += chunk))
    return watching
}

it("--watch reports an edit's new finding, then its fix, and only what changed", async () => {
    const root = writeApp({
        "src/webhooks/a.webhook.ts": HOOK,
        "src/events/connection-added.event.ts":
            'import {createWebhookHandler} from "attio/server"\n\nexport default async function added() {\n    await createWebhookHandler({fileName: "a"})\n}\n',
        "src/events/connection-removed.event.ts": "export default async function removed() {}\n",
    })
    const watching = startWatch(root)
    try {
        await watching.waitFor(/✔ no problems/)
        watching.output = ""
        fs.writeFileSync(path.join(root, "src/webhooks/a.webhook.ts"), FALLS_OFF)
        await watching.waitFor(/error\(s\)/)
        expect(watching.output).toMatch(
            /src\/webhooks\/a\.webhook\.ts\n\s+\+ 3:1\s+error\s+This webhook handler can reach its end without returning a Response.*webhook-response/
        )
        // Only the change is printed: the unchanged connection-added is not listed.
        expect(watching.output).not.toContain("connection-added")
        watching.output = ""
        fs.writeFileSync(path.join(root, "src/webhooks/a.webhook.ts"), HOOK)
        await watching.waitFor(/✔ no problems/)
        expect(watching.output).toMatch(/✓ fixed: This webhook handler can reach its end/)
    } finally {
        watching.stop()
    }
})

it("--watch reports the findings of a deleted file as removed with it, not fixed", async () => {
    const root = writeApp({"src/webhooks/a.webhook.ts": HOOK, "src/webhooks/b.webhook.ts": FALLS_OFF})
    const watching = startWatch(root, ["--rule", "unregistered-webhook:off"])
    try {
        await watching.waitFor(/1 error\(s\)/)
        watching.output = ""
        fs.rmSync(path.join(root, "src/webhooks/b.webhook.ts"))
        await watching.waitFor(/✔ no problems/)
        expect(watching.output).toMatch(
            /src\/webhooks\/b\.webhook\.ts\n {2}- removed with the file: This webhook handler can reach its end.*webhook-response\n/
        )
        expect(watching.output).not.toContain("fixed")
    } finally {
        watching.stop()
    }
})

it("--watch follows every app it was given, and survives folders that vanish while it reads them", async () => {
    const first = writeApp({"src/webhooks/a.webhook.ts": HOOK})
    const second = writeApp({"src/webhooks/b.webhook.ts": HOOK})
    const watching = startWatch(first, [first, second, "--rule", "unregistered-webhook:off"])
    try {
        await watching.waitFor(/✔ no problems/)
        watching.output = ""
        fs.writeFileSync(path.join(second, "src/webhooks/b.webhook.ts"), FALLS_OFF)
        await watching.waitFor(/error\(s\)/)
        expect(watching.output).toContain("b.webhook.ts")
        // What a git checkout or a build does: folders created and removed while the watcher
        // reads them (paced, so that its reads and the removals interleave).
        for (let i = 0; i < 40; i++) {
            fs.mkdirSync(path.join(first, "src/tmp/a/b"), {recursive: true})
            fs.writeFileSync(path.join(first, "src/tmp/a/b/f.ts"), "export {}\n")
            await new Promise((r) => setTimeout(r, 2))
            fs.rmSync(path.join(first, "src/tmp"), {recursive: true})
            await new Promise((r) => setTimeout(r, 2))
        }
        watching.output = ""
        fs.writeFileSync(path.join(first, "src/webhooks/a.webhook.ts"), FALLS_OFF)
        await watching.waitFor(/2 error\(s\)/)
        expect(watching.output).toContain("a.webhook.ts")
        expect(watching.errors).toBe("")
    } finally {
        watching.stop()
    }
})

it("--watch exits 2 with its message when the folder it watches is gone", {timeout: 30_000}, async () => {
    for (const watchedRel of ["", "src/webhooks"]) {
        const root = writeApp({"src/webhooks/a.webhook.ts": HOOK})
        const watched = path.join(root, watchedRel)
        const watching = startWatch(root, [watched, "--rule", "unregistered-webhook:off"])
        try {
            await watching.waitFor(/✔ no problems/)
            fs.rmSync(watched, {recursive: true})
            expect(await watching.exit(10_000)).toBe(2)
            expect(watching.errors).toBe(`attio-lint: ${watched} is gone: nothing left to watch\n`)
        } finally {
            watching.stop()
            fs.rmSync(root, {recursive: true, force: true})
        }
    }
})
