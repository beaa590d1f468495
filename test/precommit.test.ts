/**
 * The pre-commit framework's install path for a `language: node` hook, step by step as its node language
 * does it (pre_commit/languages/node.py): in a clone of this repository, `npm pack` and its stdout taken as the
 * tarball's name, then `npm install -g <tarball>` into the hook's own prefix, then the hook's `entry` run on the
 * staged files that its `files` pattern matches. The same tarball, installed, is the packed package that
 * yeoman-environment's lookup must find (one pack and one install: a build and a whole install are the costly part).
 */
import {execFileSync, spawnSync, type SpawnSyncReturns} from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import {beforeAll, describe, expect, it} from "vitest"
import {createEnv} from "yeoman-environment"
import {readTree} from "./generators/support.js"
import {PACKAGE_ROOT} from "./support/bin.js"
import {tempDir, writeApp} from "./support/temp-app.js"

/** The hook's manifest: the few keys this test needs, read line by line (the file is flat YAML). */
function hookManifest(): {id: string; entry: string; language: string; files: RegExp} {
    const text = fs.readFileSync(path.join(PACKAGE_ROOT, ".pre-commit-hooks.yaml"), "utf8")
    const value = (key: string) => text.match(new RegExp(`^\\s*-?\\s*${key}:\\s*(.+)$`, "m"))?.[1].trim() ?? ""
    return {id: value("id"), entry: value("entry"), language: value("language"), files: new RegExp(value("files"))}
}

/** A clone of this checkout as pre-commit makes one: the files git has, with this checkout's dependencies. */
function cloneRepository(): string {
    const clone = tempDir("generator-attio-app-hook-repo-")
    const tracked = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
        cwd: PACKAGE_ROOT,
        encoding: "utf8",
    })
    for (const file of tracked.split("\0").filter(Boolean)) {
        if (!fs.existsSync(path.join(PACKAGE_ROOT, file))) continue
        fs.mkdirSync(path.dirname(path.join(clone, file)), {recursive: true})
        fs.copyFileSync(path.join(PACKAGE_ROOT, file), path.join(clone, file))
    }
    // pre-commit first runs `npm install` in the clone; linking the installed tree stands in for it.
    fs.symlinkSync(path.join(PACKAGE_ROOT, "node_modules"), path.join(clone, "node_modules"))
    return clone
}

let pack: SpawnSyncReturns<string>
let tarball: string
let install: SpawnSyncReturns<string>
/** The hook's own prefix, where `npm install -g` put the package. */
let prefix: string

// A build (`npm pack` runs `prepare`) and a whole install: minutes on a loaded machine, as the install's own timeout allows.
beforeAll(() => {
    const clone = cloneRepository()
    // pre-commit takes the whole of stdout as the tarball's name.
    pack = spawnSync("npm", ["pack"], {cwd: clone, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"]})
    tarball = path.join(clone, pack.stdout.trim())
    prefix = tempDir("generator-attio-app-hook-env-")
    if (pack.status !== 0) return
    install = spawnSync("npm", ["install", "-g", "--prefer-offline", "--no-audit", "--no-fund", tarball], {
        cwd: clone,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
        env: {...process.env, npm_config_prefix: prefix},
        timeout: 300_000,
    })
}, 300_000)

describe("the pre-commit framework hook", () => {
    it("installs as pre-commit's node language installs it, and blocks a broken staged handler", () => {
        const hook = hookManifest()
        expect(hook).toMatchObject({id: "attio-lint", entry: "attio-lint", language: "node"})

        expect(pack.stderr).not.toMatch(/npm error/)
        expect(pack.status).toBe(0)
        expect(pack.stdout).toMatch(/^generator-attio-app-[\w.-]+\.tgz\n$/)
        expect(fs.statSync(tarball).isFile()).toBe(true)

        expect(install.stderr).not.toMatch(/npm error/)
        expect(install.status).toBe(0)
        const entry = path.join(prefix, "bin", hook.entry)
        const app = writeApp({
            "src/app/webhooks/ok.webhook.ts":
                "export default async function ok(req: Request): Promise<Response> {\n    return new Response(null)\n}\n",
            "src/app/webhooks/broken.webhook.ts": "export default async function broken(req: Request) {\n}\n",
            "README.md": "not linted: the hook's files pattern leaves it out\n",
        })
        const staged = ["src/app/webhooks/ok.webhook.ts", "src/app/webhooks/broken.webhook.ts", "README.md"]
        const matched = staged.filter((file) => hook.files.test(file))
        expect(matched).toEqual(staged.slice(0, 2))
        const run = (files: string[]) =>
            spawnSync(entry, files, {
                cwd: app,
                encoding: "utf8",
                stdio: ["ignore", "pipe", "pipe"],
                env: {...process.env, NO_COLOR: "1"},
            })

        const blocked = run(matched)
        expect(blocked.status).toBe(1)
        expect(blocked.stdout).toContain("webhook-response")
        expect(blocked.stdout).toContain("broken.webhook.ts")
        expect(run(matched.slice(0, 1)).status).toBe(0)
    })
})

describe("the packed package", () => {
    it("holds the build and the templates, not the sources or the tests", () => {
        const paths = execFileSync("tar", ["-tzf", tarball], {encoding: "utf8"})
            .split("\n")
            .filter(Boolean)
            .map((entry) => entry.replace(/^package\//, ""))
        expect(paths).toEqual(
            expect.arrayContaining([
                "dist/generators/webhook/index.js",
                "dist/src/cli/attio-app.js",
                "templates/webhook/handler.ts.ejs",
            ])
        )
        expect(paths.filter((p) => p.startsWith("generators/") || p.startsWith("test/"))).toEqual([])
    })

    it("installed, is found by yeoman-environment's lookup, and its webhook generator runs", async () => {
        expect(install.status).toBe(0)
        const modules = path.join(prefix, "lib/node_modules")
        const root = writeApp({})
        const env = createEnv({cwd: root})
        await env.lookup({npmPaths: [modules]})
        for (const name of ["app", "webhook", "event"]) {
            expect(env.getGeneratorMeta(`attio-app:${name}`)?.resolved).toBe(
                path.join(modules, `generator-attio-app/dist/generators/${name}/index.js`)
            )
        }
        // `yes` is the generator's own option, which yeoman-environment's types do not know.
        const options = {yes: true, skipInstall: true}
        await env.run(["attio-app:webhook", "prospect-updated"], options)
        expect(readTree(root)["src/app/webhooks/prospect-updated.webhook.ts"]).toContain("handleProspectUpdated")
    })
})
