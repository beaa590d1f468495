/**
 * The apps the bench measures on, generated under bench/apps/ (gitignored) on every run, all made
 * from this project's own templates (templates/), never copied from examples/:
 *
 * - "<N>" (10, 100, 1000, 5000): N webhook handlers, each rendered from templates/webhook/handler.ts.ejs
 *   (every tenth under crm/); a connection-added that registers each with a helper rendered from
 *   templates/event/register-webhook.ts.ejs, and a connection-removed with the delete-webhooks
 *   helper, laid out as `attio-app webhook` lays them out (the scaling apps; rendered in-process,
 *   since `attio-app` takes seconds a handler);
 * - "template": an app of about 50 source files, the size of a real Attio app: package.json and
 *   tsconfig.json, then the built `attio-app event connection-added`, `attio-app event
 *   connection-removed` and TEMPLATE_WEBHOOKS times `attio-app webhook`, plus server modules that
 *   call Attio's API. The `attio-app` part is slow, so its output is kept in bench/.cache, keyed by
 *   the templates and the built generator, and copied from there.
 *
 * Every app gets its dependencies as a node_modules link, and its own facts cache (LINT_CACHE).
 */
import {createHash} from "node:crypto"
import {spawnSync} from "node:child_process"
import {cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync} from "node:fs"
import path from "node:path"
import {fileURLToPath, pathToFileURL} from "node:url"

import {sourceFiles} from "./source-files.js"

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url))
export const REPO = path.dirname(BENCH_DIR)
export const APPS_DIR = path.join(BENCH_DIR, "apps")
export const CACHE_DIR = path.join(BENCH_DIR, ".cache")

/** Where attio-lint keeps each app's facts cache (the apps share one linked node_modules). */
export const LINT_CACHE = ".attio-lint-cache"

/** Webhooks the template app gets from `attio-app webhook`, and server modules beside them: with the two events, about 50 source files. */
const TEMPLATE_WEBHOOKS = 20
const TEMPLATE_MODULES = 29

/** Where the generated handlers register and delete their webhooks at the third party (attio-app's --register-url). */
const REGISTER_URL = "https://api.example.com/v1/webhooks"

/** An app by its name on the command line: a number of handlers, or "template". */
export async function generateApp(name, deps) {
    return name === "template" ? generateTemplateApp(deps) : generateHandlersApp(Number(name), deps)
}

export function installDependencies(packages) {
    const key = createHash("sha256").update(packages.join("\n")).digest("hex").slice(0, 12)
    const deps = path.join(CACHE_DIR, `deps-${key}`)
    const stamp = path.join(deps, ".installed")
    if (existsSync(stamp)) return {dir: deps, packages}

    process.stdout.write(`Installing ${packages.join(" ")} into ${path.relative(REPO, deps)} (once) ...\n`)
    rmSync(deps, {recursive: true, force: true})
    mkdirSync(deps, {recursive: true})
    writeFileSync(
        path.join(deps, "package.json"),
        JSON.stringify({name: "attio-lint-bench-deps", private: true}, null, 2)
    )
    const npm = process.platform === "win32" ? "npm.cmd" : "npm"
    const result = spawnSync(
        npm,
        ["install", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error", ...packages],
        {cwd: deps, stdio: ["ignore", "inherit", "inherit"], shell: process.platform === "win32"}
    )
    if (result.status !== 0) {
        process.stderr.write(`bench: npm install failed (${result.error?.message ?? `exit ${result.status}`})\n`)
        process.exit(2)
    }
    writeFileSync(stamp, `${packages.join("\n")}\n`)
    return {dir: deps, packages}
}

/**
 * attio-lint as users install it: a copy of the built attio-lint package (packages/attio-lint, which `npm run
 * build` fills from dist/) at bench/.cache/installed/node_modules/attio-lint, made afresh from the current build on
 * every bench run (its compile cache with it). From there it keeps its compile cache in that node_modules folder
 * (src/cli/compile-cache.ts), as an installed attio-lint does; the checkout's bin keeps none. Returns the bin, or
 * where it would be when the build is missing.
 */
export function installLinter() {
    const modules = path.join(CACHE_DIR, "installed", "node_modules")
    rmSync(path.dirname(modules), {recursive: true, force: true})
    const linter = path.join(REPO, "packages/attio-lint")
    const bin = "dist/src/cli/attio-lint.js"
    if (!existsSync(path.join(linter, bin))) return path.join(linter, bin)
    return path.join(installPackageCopy(linter, modules, "attio-lint"), bin)
}

/** A built package's dist/ and package.json copied to <modules>/<name>, its dependencies linked from the repository's. */
export function installPackageCopy(from, modules, name) {
    const dir = path.join(modules, name)
    mkdirSync(dir, {recursive: true})
    cpSync(path.join(from, "dist"), path.join(dir, "dist"), {recursive: true})
    cpSync(path.join(from, "package.json"), path.join(dir, "package.json"))
    symlinkSync(path.join(REPO, "node_modules"), path.join(dir, "node_modules"), "dir")
    return dir
}

/** Where the attio-lint at `bin` keeps its compile cache (src/cli/compile-cache.ts), or undefined: it keeps none. */
export async function compileCacheOf(bin) {
    const built = path.join(REPO, "dist/src/cli/compile-cache.js")
    if (!existsSync(built)) return undefined
    const {compileCacheDirectory} = await import(pathToFileURL(built).href)
    return compileCacheDirectory(path.dirname(bin))
}

function writer(app) {
    return (rel, text) => {
        const file = path.join(app, rel)
        mkdirSync(path.dirname(file), {recursive: true})
        writeFileSync(file, text)
        return file
    }
}

/**
 * What the scenarios know of an app. edited: the handler the "changed" scenarios edit (the middle
 * one); writtenAt: when a file of the app was last written (attio-lint stores a warm report only
 * for files older than two seconds, so the warm scenarios wait for that).
 */
function appContext(app, name, label, deps, handlerFiles) {
    symlinkSync(path.join(deps.dir, "node_modules"), path.join(app, "node_modules"), "dir")
    const edited = handlerFiles[Math.floor(handlerFiles.length / 2)]
    return {
        app,
        name,
        label,
        handlers: handlerFiles.length,
        sourceFiles: sourceFiles(app).length,
        deps: deps.dir,
        handlerFiles,
        edited: {file: edited, source: readFileSync(edited, "utf8")},
        lintCache: path.join(app, LINT_CACHE),
        writtenAt: Date.now(),
    }
}

/**
 * bench/apps/<N>-handlers: an Attio app in the src/app layout with N webhook handlers, registered in
 * connection-added and cleaned up in connection-removed, all rendered from the project's templates,
 * and the ESLint config of Attio's app template. Regenerated on every run.
 */
async function generateHandlersApp(handlers, deps) {
    const {renderTemplate, pascalCase, syncTarget, eventData} = await scaffolding()
    const render = (template, data) => renderTemplate(template, {...eventData, ...data})
    const app = path.join(APPS_DIR, `${handlers}-handlers`)
    rmSync(app, {recursive: true, force: true})
    const write = writer(app)
    write("package.json", appPackageJson(handlers))
    write("tsconfig.json", APP_TSCONFIG)
    const ids = Array.from({length: handlers}, (_, i) => handlerId(i + 1))
    const handlerFiles = ids.map((id) =>
        write(
            `src/app/webhooks/${id}.webhook.ts`,
            renderTemplate("webhook/handler.ts.ejs", {
                id,
                event: eventOf(id),
                functionName: `handle${pascalCase(id)}`,
                legacySdk: false,
                verify: undefined,
                sync: syncTarget(id, eventOf(id)),
            })
        )
    )
    writeRegistration(write, ids, render, pascalCase)
    write("src/app/events/connection-removed.event.ts", connectionRemovedSource(render))
    write("eslint.config.cjs", ESLINT_CONFIG)
    return appContext(app, String(handlers), `${handlers} handlers`, deps, handlerFiles)
}

/** The built scaffolding's template renderer and names: what `attio-app` itself uses. */
async function scaffolding() {
    const load = (rel) => import(pathToFileURL(path.join(REPO, "dist/src/scaffold", rel)).href)
    const [{renderTemplate}, {pascalCase}, {DELETE_URL_KEY}, {syncTarget}] = await Promise.all([
        load("templates.js"),
        load("names.js"),
        load("webhook.js"),
        load("sync.js"),
    ])
    // The data `attio-app webhook` renders the event templates with, beside each helper's own.
    const eventData = {
        sdk: SDK,
        deleteUrlKey: DELETE_URL_KEY,
        webhooksUrl: REGISTER_URL,
        registerUrl: REGISTER_URL,
        verify: undefined,
    }
    return {renderTemplate, pascalCase, syncTarget, eventData}
}

function handlerId(n) {
    const name = `${["contact", "lead", "account", "deal", "meeting"][n % 5]}-sync-${String(n).padStart(4, "0")}`
    return n % 10 === 0 ? `crm/${name}` : name
}

/** The third party's event a handler subscribes to (attio-app's --event). */
function eventOf(id) {
    return `${id.replace("/", ".")}.updated`
}

const SDK = {
    Connection: "Connection",
    createWebhookHandler: "createWebhookHandler",
    deleteWebhookHandler: "deleteWebhookHandler",
    updateWebhookHandler: "updateWebhookHandler",
    listWebhookHandlers: "listWebhookHandlers",
    kv: "kv",
}

/** Registration helpers per module: attio-app puts them all in connection-added, which for thousands of handlers would pass the 5 MB a file may have. */
const HELPERS_PER_MODULE = 100

/**
 * The registration of every handler: one helper each, rendered from templates/event/register-webhook.ts.ejs,
 * in modules of HELPERS_PER_MODULE under src/app/registration/, and templates/event/connection-added.ts.ejs
 * calling each module's `register` in turn.
 */
function writeRegistration(write, ids, render, pascalCase) {
    const helperOf = (id) => `register${pascalCase(id)}Webhook`
    const parts = []
    for (let start = 0; start < ids.length; start += HELPERS_PER_MODULE) {
        const part = `part-${String(parts.length + 1).padStart(2, "0")}`
        const group = ids.slice(start, start + HELPERS_PER_MODULE)
        const helpers = group.map((id) =>
            render("event/register-webhook.ts.ejs", {helper: helperOf(id), id, event: eventOf(id)})
        )
        const calls = group.map((id) => `    await ${helperOf(id)}(connection)\n`).join("")
        const imports =
            'import {type Connection, createWebhookHandler, deleteWebhookHandler, kv, updateWebhookHandler} from "attio/server"\n'
        write(
            `src/app/registration/${part}.ts`,
            [`${imports}\nexport async function register(connection: Connection) {\n${calls}}\n`, ...helpers].join("\n")
        )
        parts.push(part)
    }
    const imports = parts.map((part) => `import {register as ${camel(part)}} from "../registration/${part}"\n`).join("")
    const calls = parts.map((part) => `    await ${camel(part)}(connection)\n`).join("")
    const skeleton = render("event/connection-added.ts.ejs", {})
    write("src/app/events/connection-added.event.ts", eventSource(skeleton, ["type Connection"], imports, calls))
}

function camel(part) {
    return part.replace(/-(\w)/g, (_, c) => c.toUpperCase())
}

/** templates/event/connection-removed.ts.ejs with the delete-webhooks helper, as `attio-app webhook` leaves it. */
function connectionRemovedSource(render) {
    const skeleton = render("event/connection-removed.ts.ejs", {})
    const sdkNames = ["type Connection", "deleteWebhookHandler", "kv", "listWebhookHandlers"]
    const helper = render("event/delete-webhooks.ts.ejs", {helper: "deleteWebhooks"})
    return [eventSource(skeleton, sdkNames, "", "    await deleteWebhooks(connection)\n"), helper].join("\n")
}

/** How the event templates begin, and the parameter their skeleton leaves unused. */
const EVENT_IMPORT = 'import type {Connection} from "attio/server"\n'
const UNUSED_EVENT = "(_event: {connection: Connection})"

/**
 * An event template's skeleton as the generator edits it when it adds calls: the SDK import widened
 * to `sdkNames`, `imports` after it, the unused `_event` parameter made `{connection}`, `calls` at the
 * end of the handler.
 */
function eventSource(skeleton, sdkNames, imports, calls) {
    if (!skeleton.startsWith(EVENT_IMPORT) || !skeleton.includes(UNUSED_EVENT) || !skeleton.endsWith("\n}\n")) {
        throw new Error(
            `an event template no longer has the shape bench/apps.js edits (${EVENT_IMPORT.trim()}, ${UNUSED_EVENT})`
        )
    }
    const body = skeleton
        .slice(EVENT_IMPORT.length, -"}\n".length)
        .replace(UNUSED_EVENT, "({connection}: {connection: Connection})")
    return `import {${sdkNames.join(", ")}} from "attio/server"\n${imports}${body}${calls}}\n`
}

/** name: "template" or the handler count. */
function appPackageJson(name) {
    const pkg = {
        name: `bench-app-${name}`,
        description: `Generated by bench/run.js: ${name === "template" ? "the template app" : `${name} webhook handlers`}`,
        private: true,
        version: "0.0.1",
        scripts: {dev: "attio dev", build: "attio build"},
        dependencies: {attio: "^1.0.4"},
        devDependencies: {typescript: "^5.9.2"},
    }
    return `${JSON.stringify(pkg, null, 2)}\n`
}

const APP_TSCONFIG = `${JSON.stringify(
    {
        compilerOptions: {
            esModuleInterop: true,
            forceConsistentCasingInFileNames: true,
            jsx: "react-jsx",
            lib: ["ES2020", "DOM", "DOM.Iterable"],
            module: "ES6",
            moduleResolution: "bundler",
            noFallthroughCasesInSwitch: true,
            noImplicitReturns: true,
            noUnusedLocals: true,
            noEmit: true,
            resolveJsonModule: true,
            skipLibCheck: true,
            strict: true,
            target: "ES2019",
        },
        exclude: ["node_modules"],
        include: ["src"],
    },
    null,
    2
)}\n`

/**
 * ESLint's flat config as Attio's app template has it: ESLint's and typescript-eslint's recommended
 * rules (no type information) and the two server-file rules of the attio package's own plugin
 * (attio/lint exports attio-client-import, server-default-export, form-submit-button,
 * settings-page-components and widget-text-children; the last three are about client UI).
 */
const ESLINT_CONFIG = `const js = require("@eslint/js")
const tseslint = require("typescript-eslint")

module.exports = tseslint.config({
    files: ["src/**/*.{ts,tsx}"],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    plugins: {attio: {rules: require("attio/lint").rules}},
    rules: {
        "attio/attio-client-import": "error",
        "attio/server-default-export": "error",
    },
})
`

// --- the template app -------------------------------------------------------------------------

async function generateTemplateApp(deps) {
    const {pascalCase} = await scaffolding()
    const cached = templateAppCache()
    const app = path.join(APPS_DIR, "template")
    rmSync(app, {recursive: true, force: true})
    cpSync(cached, app, {recursive: true})
    const write = writer(app)
    for (let n = 1; n <= TEMPLATE_MODULES; n++)
        write(`src/app/sync/${syncModuleName(n)}.ts`, syncModuleSource(n, pascalCase))
    write("eslint.config.cjs", ESLINT_CONFIG)
    const webhooks = sourceFiles(app)
        .filter((f) => f.endsWith(".webhook.ts"))
        .sort()
    return appContext(app, "template", "template app", deps, webhooks)
}

/**
 * An empty app (package.json, tsconfig.json) given its events and TEMPLATE_WEBHOOKS handlers by the
 * built `attio-app`, made once per version of the templates and the generator.
 */
function templateAppCache() {
    const inputs = [
        path.join(REPO, "templates"),
        path.join(REPO, "dist/src/scaffold"),
        path.join(REPO, "dist/generators"),
    ]
    const hash = createHash("sha256").update(String(TEMPLATE_WEBHOOKS))
    for (const file of inputs.flatMap((dir) => listFiles(dir)).sort()) hash.update(file).update(readFileSync(file))
    const dir = path.join(CACHE_DIR, `template-app-${hash.digest("hex").slice(0, 12)}`)
    if (existsSync(path.join(dir, ".complete"))) return dir

    process.stdout.write(`Generating the template app with attio-app (once; about ${TEMPLATE_WEBHOOKS * 3} s) ...\n`)
    rmSync(dir, {recursive: true, force: true})
    const write = writer(dir)
    write("package.json", appPackageJson("template"))
    write("tsconfig.json", APP_TSCONFIG)
    mkdirSync(path.join(dir, "src/app"), {recursive: true})
    const ids = Array.from({length: TEMPLATE_WEBHOOKS}, (_, i) => {
        const n = i + 1
        return n % 5 === 0 ? `crm/record-sync-${n}` : `${["lead", "contact", "deal", "meeting"][n % 4]}-sync-${n}`
    })
    const commands = [
        ["event", "connection-added"],
        ["event", "connection-removed"],
        ...ids.map((id) => ["webhook", id, "--event", eventOf(id), "--register-url", REGISTER_URL]),
    ]
    for (const args of commands) attioApp(dir, [...args, "--yes"])
    writeFileSync(path.join(dir, ".complete"), "")
    return dir
}

function attioApp(cwd, args) {
    const result = spawnSync(process.execPath, [path.join(REPO, "dist/src/cli/attio-app.js"), ...args], {
        cwd,
        stdio: ["ignore", "ignore", "pipe"],
        encoding: "utf8",
        env: {...process.env, NO_COLOR: "1"},
    })
    if (result.status !== 0)
        throw new Error(`attio-app ${args.join(" ")} failed: ${result.stderr.trim().split("\n")[0]}`)
}

function listFiles(dir) {
    return readdirSync(dir, {recursive: true, withFileTypes: true})
        .filter((e) => e.isFile() && !e.parentPath.includes("node_modules"))
        .map((e) => path.join(e.parentPath, e.name))
}

function syncModuleName(n) {
    return `${["people", "companies", "deals", "notes", "tasks", "lists"][n % 6]}-${String(n).padStart(2, "0")}`
}

/** A server module of about 40 lines, as apps keep their Attio API calls: maps a payload and asserts a record. */
function syncModuleSource(n, pascalCase) {
    const object = ["people", "companies", "deals", "notes", "tasks", "lists"][n % 6]
    return `import {ATTIO_API_TOKEN} from "attio/server"

export interface ${pascalCase(syncModuleName(n))}Input {
    externalId: string
    name: string
    email?: string
    updatedAt: string
}

const MATCHING_ATTRIBUTE = "${n % 2 ? "email_addresses" : "external_id"}"

function toValues(input: ${pascalCase(syncModuleName(n))}Input): Record<string, unknown> {
    const values: Record<string, unknown> = {name: input.name, external_id: input.externalId}
    if (input.email) values.email_addresses = [input.email]
    return values
}

/** Creates or updates the ${object} record for this input; returns its record id. */
export async function sync${pascalCase(syncModuleName(n))}(input: ${pascalCase(syncModuleName(n))}Input): Promise<string> {
    const response = await fetch(
        \`https://api.attio.com/v2/objects/${object}/records?matching_attribute=\${MATCHING_ATTRIBUTE}\`,
        {
            method: "PUT",
            headers: {Authorization: \`Bearer \${ATTIO_API_TOKEN}\`, "Content-Type": "application/json"},
            body: JSON.stringify({data: {values: toValues(input)}}),
        }
    )
    if (!response.ok) {
        throw new Error(\`Attio refused ${object} \${input.externalId}: \${response.status} \${await response.text()}\`)
    }
    const {data} = (await response.json()) as {data: {id: {record_id: string}}}
    return data.id.record_id
}
`
}
