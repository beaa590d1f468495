/**
 * Bundles the attio-app bin: dist/src/cli/attio-app.js (tsc's output) is replaced by one ES module whose lazily
 * imported parts (Yeoman and the generators, each command) are chunks in dist/src/cli/app-chunks/.
 *
 * Why: loading the Yeoman stack from node_modules cost about 2 s of CPU of every generator run, usage errors
 * included (docs/performance.md, "attio-app start"). yeoman-environment imports fly-import, which imports npm's
 * arborist, pacote and sigstore to install generators from the registry (attio-app never does); both Yeoman
 * packages import the whole lodash-es, one module per function. Bundled, esbuild keeps what the code reaches,
 * and the packages a run never calls are loaded on first use (ON_DEMAND).
 *
 * A bundled package that reads a file beside its own (its package.json, from import.meta.url or __dirname) would
 * read it beside the bundle instead. Each such read is replaced by the file's content (OWN_MANIFEST_READS), and a
 * bundled module that mentions its own location at all must be judged in FILE_RELATIVE, or the build fails.
 *
 * The generators' classes come from the bundle too (attio-app registers their modules, not their paths), so they
 * extend the bundle's yeoman-generator. `yo attio-app:<name>` still loads dist/generators/ with node_modules' Yeoman.
 * What stays outside: ts-morph and the TypeScript compilers, prettier and esbuild (large, each loaded by the step
 * that needs it), as in cli-bundle.ts.
 */
import fs from "node:fs"
import path from "node:path"

import type {Plugin} from "esbuild"

import {PACKAGE_ROOT} from "../package-info.js"
import {bundleBin} from "./bin-bundle.js"

const BIN = path.join(PACKAGE_ROOT, "dist/src/cli/attio-app.js")

/** Reads of a package's own package.json relative to its module, as `file` (under node_modules) spells them. */
const OWN_MANIFEST_READS: {file: string; read: string}[] = [
    {
        file: "yeoman-generator/dist/generator.js",
        read: "JSON.parse(readFileSync(pathJoin(_dirname, '../package.json'), 'utf8'))",
    },
    {file: "yeoman-environment/dist/environment-base.js", read: "require('../package.json')"},
    {
        file: "yeoman-environment/dist/module-lookup.js",
        read: "JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json')).toString())",
    },
]

/**
 * Bundled modules (under node_modules) that mention import.meta.url, __dirname or __filename after the
 * replacements, and why that is right in a bundle. A module missing here fails the build.
 */
const FILE_RELATIVE: Record<string, string> = {
    "yeoman-generator/dist/generator.js": "its own path, now only for the package.json read replaced above",
    "yeoman-generator/dist/actions/lifecycle.js":
        "composeWith resolves a generator package from its module: the same node_modules from the bundle",
    "yeoman-environment/dist/environment-base.js":
        "getVersion requires `<name>/package.json` by package name: the same node_modules from the bundle",
    "yeoman-environment/dist/store.js": "require.resolve of a generator path given by the caller",
    "yeoman-environment/dist/module-lookup.js": "its own path, now only for the package.json read replaced above",
    "ejs/lib/esm/ejs.js": "__filename of the templates ejs compiles",
    "mem-fs-editor/node_modules/ejs/lib/esm/ejs.js": "__filename of the templates ejs compiles",
    "commander/lib/command.js": "a comment",
    "fdir/dist/index.mjs":
        "an optional picomatch, required from the bundle: the same node_modules (fdir works without)",
}

const MENTIONS_LOCATION = /import\.meta\.url|\b__dirname\b|\b__filename\b/

/** The package-relative path of a module under node_modules (its last node_modules/…), else undefined. */
function inPackage(file: string): string | undefined {
    const at = file.lastIndexOf("node_modules/")
    if (at === -1) return undefined
    const rel = file.slice(at + "node_modules/".length)
    // Nested packages keep their parent's prefix: mem-fs-editor/node_modules/ejs/…
    const outer = file.slice(0, at).match(/node_modules\/((?:@[^/]+\/)?[^/]+)\/$/)
    return outer ? `${outer[1]}/node_modules/${rel}` : rel
}

/**
 * Packages whose bundled importer never calls them in an attio-app run, each replaced by a stand-in with its API
 * that loads it on first use (src/build/on-demand/): fly-import (npm's arborist, pacote, sigstore: about 200
 * modules) installs generators; latest-version (package-json, ky, npm's configuration readers) finds the version
 * of a dependency a generator adds without one.
 */
const ON_DEMAND = ["fly-import", "latest-version"]

/**
 * CommonJS packages left outside and loaded with `require`: an `import` of CommonJS makes Node scan its source and
 * the modules it re-exports for their export names (ts-morph: about 0.15 s of CPU). write-file-atomic names its
 * temporary files with `__filename`, which a CommonJS module bundled into an ES module lacks.
 */
const REQUIRED = ["ts-morph", "write-file-atomic"]
const REQUIRED_NAME = new RegExp(`^(${REQUIRED.join("|")})$`)

const outsideModules: Plugin = {
    name: "attio-app-outside-modules",
    setup(plugin) {
        plugin.onResolve({filter: new RegExp(`^(${ON_DEMAND.join("|")})$`)}, (args) => ({
            path: path.join(PACKAGE_ROOT, "dist/src/build/on-demand", `${args.path}.js`),
        }))
        plugin.onResolve({filter: REQUIRED_NAME}, (args) =>
            args.namespace === "require" ? {path: args.path, external: true} : {path: args.path, namespace: "require"}
        )
        plugin.onLoad({filter: REQUIRED_NAME, namespace: "require"}, (args) => ({
            contents: `module.exports = require(${JSON.stringify(args.path)})`,
            loader: "js",
        }))
    },
}

const yeomanFiles: Plugin = {
    name: "attio-app-yeoman",
    setup(plugin) {
        plugin.onLoad({filter: /node_modules[\\/]yeoman-(generator|environment)[\\/].*\.js$/}, (args) => {
            const file = inPackage(args.path.split(path.sep).join("/"))
            const reads = OWN_MANIFEST_READS.filter((r) => r.file === file)
            if (reads.length === 0) return undefined
            let text = fs.readFileSync(args.path, "utf8")
            const manifest = fs.readFileSync(path.join(args.path, "../..", "package.json"), "utf8")
            for (const {read} of reads) {
                if (text.split(read).length !== 2)
                    throw new Error(`${file} no longer reads its package.json as ${read}`)
                text = text.replace(read, () => `(${JSON.stringify(JSON.parse(manifest))})`)
            }
            return {contents: text, loader: "js"}
        })
    },
}

async function main(): Promise<void> {
    const metafile = await bundleBin(BIN, {
        chunks: "app-chunks",
        external: ["@ts-morph/common", "prettier", "esbuild"],
        plugins: [yeomanFiles, outsideModules],
    })
    const unjudged = Object.keys(metafile.inputs).flatMap((input) => {
        const file = inPackage(input)
        if (file === undefined || Object.hasOwn(FILE_RELATIVE, file)) return []
        return MENTIONS_LOCATION.test(fs.readFileSync(path.resolve(input), "utf8")) ? [file] : []
    })
    if (unjudged.length > 0) {
        throw new Error(`bundled modules read files relative to their own location: ${unjudged.join(", ")}`)
    }
}

main().catch((error: unknown) => {
    console.error(`bundling ${BIN} failed: ${error instanceof Error ? error.message : String(error)}`)
    process.exitCode = 1
})
