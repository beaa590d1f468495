/**
 * The TypeScript subset the build cuts for the syntactic path (src/build/typescript-syntax.ts): its quick checks, and
 * that the built CLI loads it, and the full compiler only where it must. That it lacks nothing it references and
 * parses exactly as the full compiler does is test/typescript-syntax-corpus.test.ts's (the integration project).
 */
import {spawnSync} from "node:child_process"
import fs from "node:fs"
import path from "node:path"

import {describe, expect, it} from "vitest"

import {SYNTAX_API, SYNTAX_BUNDLE, type TypeScriptSyntax} from "../src/app-model/typescript.js"
import {PACKAGE_ROOT, runBin} from "./support/bin.js"
import {full, fullPath, subset, subsetPath} from "./support/syntax-subset.js"
import {tempDir, writeApp} from "./support/temp-app.js"

describe("the TypeScript syntax subset", () => {
    it("is a fraction of the full compiler and has no type checker", () => {
        const text = fs.readFileSync(subsetPath, "utf8")
        expect(text.length).toBeLessThan(fs.statSync(fullPath).size / 3)
        expect(text).not.toMatch(/function createTypeChecker\(/)
        expect(text).toContain("Copyright (c) Microsoft Corporation")
        // The export tables were removed: nothing may still read one (no-undef cannot see that).
        expect(text).not.toMatch(/\bts_\w+_exports\./)
    })

    it("exports every name of SYNTAX_API, each of the same kind as the full compiler's", () => {
        for (const name of SYNTAX_API) {
            expect(typeof subset[name], name).toBe(typeof full[name])
            if (typeof full[name] === "object" && name !== "sys") expect(subset[name], name).toEqual(full[name])
        }
    })

    it("reads tsconfig.json files as the full compiler does", () => {
        const configs = {
            "good.json": '{"compilerOptions": {"strict": true, "target": "es2022"}, "include": ["src"]}',
            "comments.json": '// c\n{"compilerOptions": {"strict": true,},}',
            "broken.json": '{"compilerOptions": {',
            "extends.json": '{"extends": "./missing.json"}',
            "unknown.json": '{"compilerOptions": {"nope": 1, "target": "es1"}}',
        }
        const root = writeApp(
            Object.fromEntries(Object.entries(configs).map(([name, text]) => [`configs/${name}`, text]))
        )
        for (const name of Object.keys(configs)) {
            const file = path.join(root, "configs", name)
            expect(readConfig(subset, file, root), name).toEqual(readConfig(full, file, root))
        }
    })

    it("is what a run of the built CLI loads: the full compiler only where type information is needed", () => {
        const hook = "export default async function h(req: Request) {\n    return new Response(null)\n}\n"
        const plain = writeApp({"src/webhooks/a.webhook.ts": hook})
        expect(debugStats(plain)).toMatchObject({typescript: "syntax", typeCheckedFiles: []})
        const typed = writeApp({
            "src/webhooks/a.webhook.ts": hook,
            "src/events/connection-added.event.ts":
                'import {createWebhookHandler} from "attio/server"\n\nfunction pick(): "a" {\n    return "a"\n}\n\nexport default async function added() {\n    await createWebhookHandler({fileName: pick()})\n}\n',
        })
        expect(debugStats(typed)).toMatchObject({typescript: "full"})
    })

    it("when missing or built before SYNTAX_API changed, is replaced by the full compiler with the same findings", () => {
        const app = writeApp({
            "src/webhooks/a.webhook.ts": "export default async function h(req: Request) {\n    await req.text()\n}\n",
            "src/events/connection-added.event.ts":
                'import {createWebhookHandler} from "attio/server"\n\nexport default async function added() {\n    await createWebhookHandler({fileName: "b"})\n}\n',
        })
        const expected = runBin("attio-lint", ["--format", "json", "--no-cache"], {cwd: app}).stdout
        expect(
            JSON.parse(expected)
                .flatMap((r: {messages: {ruleId: string}[]}) => r.messages.map((m) => m.ruleId))
                .sort()
        ).toEqual(["missing-cleanup", "unregistered-webhook", "webhook-filename", "webhook-response"])
        const subset = fs.readFileSync(subsetPath, "utf8")
        for (const broken of [undefined, subset.replace(/^ {2}isBlock: \(\) => isBlock,?$/m, "")]) {
            const copy = packageCopy()
            const copied = path.join(copy, SYNTAX_BUNDLE)
            if (broken === undefined) fs.rmSync(copied)
            else fs.writeFileSync(copied, broken)
            const bin = path.join(copy, "dist/src/cli/attio-lint.js")
            const result = spawnSync(process.execPath, [bin, "--format", "json", "--no-cache", "--debug"], {
                cwd: app,
                encoding: "utf8",
            })
            expect(result.stdout).toBe(expected)
            expect(result.stderr).toContain('"typescript":"full"')
        }
    })
})

/** The built package in a temp folder (dist and package.json; node_modules linked), to break safely. */
function packageCopy(): string {
    const copy = tempDir("attio-lint-package-")
    fs.cpSync(path.join(PACKAGE_ROOT, "dist"), path.join(copy, "dist"), {recursive: true})
    fs.copyFileSync(path.join(PACKAGE_ROOT, "package.json"), path.join(copy, "package.json"))
    fs.symlinkSync(path.join(PACKAGE_ROOT, "node_modules"), path.join(copy, "node_modules"), "dir")
    return copy
}

function readConfig(
    api: Pick<
        TypeScriptSyntax,
        "readConfigFile" | "parseJsonConfigFileContent" | "sys" | "flattenDiagnosticMessageText"
    >,
    file: string,
    root: string
): unknown {
    const read = api.readConfigFile(file, api.sys.readFile)
    if (read.error) return api.flattenDiagnosticMessageText(read.error.messageText, " ")
    const parsed = api.parseJsonConfigFileContent(read.config, api.sys, root, undefined, file)
    return {
        options: parsed.options,
        errors: parsed.errors.map((d) => `${d.code} ${api.flattenDiagnosticMessageText(d.messageText, " ")}`),
    }
}

function debugStats(root: string): Record<string, unknown> {
    const result = runBin("attio-lint", ["--debug", "--no-cache"], {cwd: root})
    return JSON.parse(
        result.stderr
            .trim()
            .split("\n")
            .pop()!
            .replace(/^attio-lint: /, "")
    ) as Record<string, unknown>
}
