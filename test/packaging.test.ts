/**
 * The attio-lint package (packages/attio-lint) as docs/install.md installs it: packed, added to an app from the
 * tarball as its only devDependency, then run as CI and the local pre-commit hook run it (`npx --no-install
 * attio-lint`), down to the type-checked path. The size target is the package's promise: a linter-only install
 * takes none of the generators' stack.
 */
import {spawnSync} from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import {describe, expect, it} from "vitest"
import {PACKAGE_ROOT} from "./support/bin.js"
import {tempDir, writeApp} from "./support/temp-app.js"

const MAX_INSTALL_BYTES = 30 * 1024 * 1024
const LINTER = path.join(PACKAGE_ROOT, "packages/attio-lint")

function npm(args: string[], cwd: string): string {
    const result = spawnSync("npm", args, {cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 300_000})
    expect(result.stderr).not.toMatch(/npm error/)
    expect(result.status).toBe(0)
    return result.stdout
}

/** Bytes of the files under a folder (symbolic links counted as links). */
function treeBytes(dir: string): number {
    return fs.readdirSync(dir, {withFileTypes: true, recursive: true}).reduce((sum, entry) => {
        return sum + fs.lstatSync(path.join(entry.parentPath, entry.name)).size
    }, 0)
}

function read(dir: string) {
    return JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as {
        version: string
        dependencies: Record<string, string>
        peerDependencies?: Record<string, string>
    }
}

describe("the attio-lint package", () => {
    it("is built from the root's source at the root's version, on the root's own ranges of the libraries it uses", () => {
        const [root, linter] = [read(PACKAGE_ROOT), read(LINTER)]
        expect(linter.version).toBe(root.version)
        for (const [name, range] of Object.entries(linter.dependencies))
            expect(root.dependencies[name], name).toBe(range)
    })

    it("installs alone from its tarball in at most 30 MB, without the generators' stack, and lints an app", () => {
        const packs = tempDir("attio-lint-pack-")
        const tarball = path.join(packs, npm(["pack", "--pack-destination", packs], LINTER).trim())
        expect(path.basename(tarball)).toMatch(/^attio-lint-[\w.-]+\.tgz$/)

        // One handler that fails, and a connection event whose fileName only the type checker resolves ("b" is no handler).
        const app = writeApp({
            "src/webhooks/a.webhook.ts": "export default async function h(req: Request) {\n    await req.text()\n}\n",
            "src/events/connection-added.event.ts":
                'import {createWebhookHandler} from "attio/server"\n\nfunction pick(): "a" | "b" {\n    return "a"\n}\n\nexport default async function added() {\n    await createWebhookHandler({fileName: pick()})\n}\n',
        })
        npm(["install", "--save-dev", "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts", tarball], app)
        const modules = path.join(app, "node_modules")
        for (const heavy of [
            "ts-morph",
            "typescript",
            "prettier",
            "yeoman-environment",
            "yeoman-generator",
            "esbuild",
            "generator-attio-app",
        ]) {
            expect(fs.existsSync(path.join(modules, heavy)), heavy).toBe(false)
        }
        expect(treeBytes(modules)).toBeLessThanOrEqual(MAX_INSTALL_BYTES)

        const files = ["src/webhooks/a.webhook.ts", "src/events/connection-added.event.ts"]
        const run = spawnSync(
            "npx",
            ["--no-install", "attio-lint", "--format", "json", "--no-cache", "--debug", ...files],
            {
                cwd: app,
                encoding: "utf8",
                stdio: ["ignore", "pipe", "pipe"],
                env: {...process.env, NO_COLOR: "1"},
            }
        )
        expect(run.status).toBe(1)
        const rules = (JSON.parse(run.stdout) as {messages: {ruleId: string}[]}[]).flatMap((file) =>
            file.messages.map((m) => m.ruleId)
        )
        expect(rules).toEqual(expect.arrayContaining(["webhook-response", "webhook-filename"]))
        expect(run.stderr).toContain('"typescript":"full"')

        // The ESLint plugin export loads from the install too (eslint is an optional peer: not installed here).
        const plugin = spawnSync(
            process.execPath,
            [
                "--input-type=module",
                "-e",
                'const p = await import("attio-lint/eslint-plugin"); console.log(Object.keys(p.default.rules).length)',
            ],
            {
                cwd: app,
                encoding: "utf8",
            }
        )
        expect(plugin.stderr).toBe("")
        expect(Number(plugin.stdout)).toBeGreaterThan(5)

        // Its type declarations name only packages it installs (ts-morph's types would be missing, or silently any).
        const installed = path.join(modules, "attio-lint")
        const manifest = read(installed)
        const declared = new Set(Object.keys({...manifest.dependencies, ...manifest.peerDependencies}))
        const unresolved = fs
            .readdirSync(path.join(installed, "dist"), {recursive: true, encoding: "utf8"})
            .filter((rel) => rel.endsWith(".d.ts"))
            .flatMap((rel) =>
                [
                    ...fs
                        .readFileSync(path.join(installed, "dist", rel), "utf8")
                        // Comments may quote code (`await import("attio/server")`): only code imports count.
                        .replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, "")
                        .matchAll(/^\s*(?:import|export)\b[^\n]*?\bfrom "([^".][^"]*)"|\bimport\("([^".][^"]*)"\)/gm),
                ]
                    .map((match) => (match[1] ?? match[2])!)
                    .filter(
                        (spec) =>
                            !spec.startsWith("node:") && !declared.has(spec.replace(/^((@[^/]+\/)?[^/]+).*$/, "$1"))
                    )
                    .map((spec) => `${rel}: ${spec}`)
            )
        expect(unresolved).toEqual([])
    })
})
