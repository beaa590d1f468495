/**
 * The module graph's two questions about a handler's default export, on every re-export edge case: what it is as a
 * name (resolveImport, which SDK uses and fileName constants ask) and which value it is (handlerDefault, which the
 * handler rules ask). In memory: the app's files are editor buffers of a root that does not exist.
 */
import path from "node:path"

import {describe, expect, it} from "vitest"

import {AppAnalysis, type ResolvedDefault, type Resolution} from "../../src/app-model/analysis.js"
import {App, type AppFile} from "../../src/app-model/app.js"

const ROOT = path.join(path.sep, "nonexistent", "module-graph-app")
const HANDLER = "src/webhooks/a.webhook.ts"
const FN = "export async function x() {}\n"
const DEFAULT_FN = "export default async function impl() {}\n"

function analysisOf(files: Record<string, string>): {analysis: AppAnalysis; handler: AppFile} {
    const overrides = new Map(Object.entries(files).map(([rel, text]) => [path.join(ROOT, rel), text]))
    const app = new App(ROOT, [], {overrides})
    return {analysis: new AppAnalysis(app), handler: app.fileAt(path.join(ROOT, HANDLER))!}
}

const rel = (file: AppFile) => path.relative(ROOT, file.path).split(path.sep).join("/")

function nameOf(found: Resolution): string {
    switch (found.kind) {
        case "sdk":
            return `sdk ${found.module} ${[found.name, ...found.members].join(".")}`
        case "app":
            return `app ${rel(found.file)} ${[found.local, ...found.members].join(".")}`
        case "namespace":
            return `namespace ${rel(found.file)}`
        case "missing":
            return `missing ${found.module} ${found.name}${found.file ? ` in ${rel(found.file)}` : ""}`
        case "unknown":
            return "unknown"
    }
}

function valueOf(found: ResolvedDefault): string {
    switch (found.kind) {
        case "function":
            return `function ${rel(found.file)} ${found.fn.name ?? "(anonymous)"}`
        case "not-function":
            return `not-function ${found.what}`
        case "missing":
            return `missing ${found.module} ${found.name}${found.file ? ` in ${rel(found.file)}` : ""}`
        case "none":
        case "unknown":
            return found.kind
    }
}

interface Case {
    title: string
    files: Record<string, string>
    /** What `import h from "./a.webhook"` is, as a name (resolveImport). */
    name: string
    /** What the handler's default export is, as a value, from syntax alone (handlerDefault). */
    value: string
}

const CASES: Case[] = [
    {
        title: "export default function",
        name: "app src/webhooks/a.webhook.ts h",
        value: "function src/webhooks/a.webhook.ts h",
        files: {[HANDLER]: "export default async function h() {}\n"},
    },
    {
        title: "export default ident of a const arrow",
        name: "app src/webhooks/a.webhook.ts h",
        value: "function src/webhooks/a.webhook.ts (anonymous)",
        files: {[HANDLER]: "const h = async () => {}\nexport default h\n"},
    },
    {
        title: "export {h as default} of a local function",
        name: "app src/webhooks/a.webhook.ts h",
        value: "function src/webhooks/a.webhook.ts h",
        files: {[HANDLER]: "async function h() {}\nexport {h as default}\n"},
    },
    {
        title: "export default of an object",
        name: "app src/webhooks/a.webhook.ts default",
        value: "not-function an object",
        files: {[HANDLER]: "export default {}\n"},
    },
    {
        title: "export {default} from",
        name: "app src/lib/impl.ts impl",
        value: "function src/lib/impl.ts impl",
        files: {[HANDLER]: 'export {default} from "../lib/impl"\n', "src/lib/impl.ts": DEFAULT_FN},
    },
    {
        title: "export {x as default} from",
        name: "app src/lib/impl.ts x",
        value: "function src/lib/impl.ts x",
        files: {[HANDLER]: 'export {x as default} from "../lib/impl"\n', "src/lib/impl.ts": FN},
    },
    {
        title: "export {x as y} from, in a chain",
        name: "app src/lib/impl.ts x",
        value: "function src/lib/impl.ts (anonymous)",
        files: {
            [HANDLER]: 'export {y as default} from "../lib/mid"\n',
            "src/lib/mid.ts": 'export {x as y} from "./impl"\n',
            "src/lib/impl.ts": "export const x = async () => {}\n",
        },
    },
    {
        title: "export * carries a named export",
        name: "app src/lib/impl.ts x",
        value: "function src/lib/impl.ts x",
        files: {
            [HANDLER]: 'export {x as default} from "../lib/index"\n',
            "src/lib/index.ts": 'export * from "./impl"\n',
            "src/lib/impl.ts": FN,
        },
    },
    {
        title: "export * never carries default",
        name: "missing ../lib/index default in src/lib/index.ts",
        value: "missing ../lib/index default in src/lib/index.ts",
        files: {
            [HANDLER]: 'export {default} from "../lib/index"\n',
            "src/lib/index.ts": 'export * from "./impl"\n',
            "src/lib/impl.ts": DEFAULT_FN,
        },
    },
    {
        title: "import x; export {x as default}",
        name: "app src/lib/impl.ts impl",
        value: "function src/lib/impl.ts impl",
        files: {[HANDLER]: 'import x from "../lib/impl"\nexport {x as default}\n', "src/lib/impl.ts": DEFAULT_FN},
    },
    {
        title: "import {x}; export default x",
        name: "app src/lib/impl.ts x",
        value: "function src/lib/impl.ts x",
        files: {[HANDLER]: 'import {x} from "../lib/impl"\nexport default x\n', "src/lib/impl.ts": FN},
    },
    {
        title: "export const a = b, b imported",
        name: "app src/lib/impl.ts x",
        value: "function src/lib/impl.ts x",
        files: {
            [HANDLER]: 'export {a as default} from "../lib/mid"\n',
            "src/lib/mid.ts": 'import {x} from "./impl"\nexport const a = x\n',
            "src/lib/impl.ts": FN,
        },
    },
    {
        // Was `app src/lib/mid.ts a` as a name: what a package exports, syntax cannot tell.
        title: "export const a = b, b imported from a package",
        name: "unknown",
        value: "unknown",
        files: {
            [HANDLER]: 'export {a as default} from "../lib/mid"\n',
            "src/lib/mid.ts": 'import h from "pkg"\nexport const a = h\n',
        },
    },
    {
        // Was `app src/webhooks/a.webhook.ts h` as a name: the value walk followed the `let`, the name walk did not.
        title: "let h = imported; export default h",
        name: "app src/lib/impl.ts x",
        value: "function src/lib/impl.ts x",
        files: {[HANDLER]: 'import {x} from "../lib/impl"\nlet h = x\nexport default h\n', "src/lib/impl.ts": FN},
    },
    {
        // Was `app … default` / unknown: esbuild binds the default to impl's x.
        title: "export default ns.member",
        name: "app src/lib/impl.ts x",
        value: "function src/lib/impl.ts x",
        files: {[HANDLER]: 'import * as ns from "../lib/impl"\nexport default ns.x\n', "src/lib/impl.ts": FN},
    },
    {
        // Was `app … default` / unknown: tsc fails `attio build` ("Property 'nope' does not exist").
        title: "export default ns.member the module lacks",
        name: "missing ../lib/impl nope in src/lib/impl.ts",
        value: "missing ../lib/impl nope in src/lib/impl.ts",
        files: {[HANDLER]: 'import * as ns from "../lib/impl"\nexport default ns.nope\n', "src/lib/impl.ts": FN},
    },
    {
        // Was unknown as a value (the checker then said "`ns`"): a namespace object is no function.
        title: "export default ns",
        name: "namespace src/lib/impl.ts",
        value: "not-function a module namespace object",
        files: {[HANDLER]: 'import * as ns from "../lib/impl"\nexport default ns\n', "src/lib/impl.ts": FN},
    },
    {
        // Was unknown as a value, as `export default ns`.
        title: "import * as ns; export {ns as default}",
        name: "namespace src/lib/impl.ts",
        value: "not-function a module namespace object",
        files: {[HANDLER]: 'import * as ns from "../lib/impl"\nexport {ns as default}\n', "src/lib/impl.ts": FN},
    },
    {
        title: "export * as default from",
        name: "namespace src/lib/impl.ts",
        value: "not-function a module namespace object",
        files: {[HANDLER]: 'export * as default from "../lib/impl"\n', "src/lib/impl.ts": FN},
    },
    {
        // Was `app … default` / unknown.
        title: "a namespace re-exported by a barrel, then a member",
        name: "app src/lib/impl.ts x",
        value: "function src/lib/impl.ts x",
        files: {
            [HANDLER]: 'import {ns} from "../lib/barrel"\nexport default ns.x\n',
            "src/lib/barrel.ts": 'export * as ns from "./impl"\n',
            "src/lib/impl.ts": FN,
        },
    },
    {
        // Was unknown as a value: the value walk did not read aliases.
        title: "const alias of a namespace member",
        name: "app src/lib/impl.ts x",
        value: "function src/lib/impl.ts x",
        files: {
            [HANDLER]: 'import * as ns from "../lib/impl"\nconst h = ns.x\nexport default h\n',
            "src/lib/impl.ts": FN,
        },
    },
    {
        // Was unknown as a value, as the const alias.
        title: "destructured alias of a namespace",
        name: "app src/lib/impl.ts x",
        value: "function src/lib/impl.ts x",
        files: {
            [HANDLER]: 'import * as ns from "../lib/impl"\nconst {x: h} = ns\nexport default h\n',
            "src/lib/impl.ts": FN,
        },
    },
    {
        // Was `app src/webhooks/a.webhook.ts default` as a name.
        title: "a member of an imported object",
        name: "app src/lib/impl.ts obj.x",
        value: "unknown",
        files: {
            [HANDLER]: 'import {obj} from "../lib/impl"\nexport default obj.x\n',
            "src/lib/impl.ts": "export const obj = {x: async () => {}}\n",
        },
    },
    {
        title: "a cycle of re-exports",
        name: "unknown",
        value: "unknown",
        files: {
            [HANDLER]: 'export {default} from "../lib/a"\n',
            "src/lib/a.ts": 'export {default} from "./b"\n',
            "src/lib/b.ts": 'export {default} from "./a"\n',
        },
    },
    {
        title: "a cycle of export *",
        name: "unknown",
        value: "unknown",
        files: {
            [HANDLER]: 'export {x as default} from "../lib/a"\n',
            "src/lib/a.ts": 'export * from "./b"\n',
            "src/lib/b.ts": 'export * from "./a"\n',
        },
    },
    {
        title: "a module that does not exist",
        name: "missing ../lib/nope default",
        value: "missing ../lib/nope default",
        files: {[HANDLER]: 'export {default} from "../lib/nope"\n'},
    },
    {
        title: "an import of a module that does not exist",
        name: "missing ../lib/nope default",
        value: "missing ../lib/nope default",
        files: {[HANDLER]: 'import h from "../lib/nope"\nexport default h\n'},
    },
    {
        title: "a module that does not exist, further down",
        name: "missing ./nope default",
        value: "missing ./nope default",
        files: {
            [HANDLER]: 'export {default} from "../lib/mid"\n',
            "src/lib/mid.ts": 'export {default} from "./nope"\n',
        },
    },
    {
        title: "a module without that export",
        name: "missing ../lib/impl default in src/lib/impl.ts",
        value: "missing ../lib/impl default in src/lib/impl.ts",
        files: {[HANDLER]: 'export {default} from "../lib/impl"\n', "src/lib/impl.ts": FN},
    },
    {
        title: "a module without that export, further down",
        name: "missing ./impl default in src/lib/impl.ts",
        value: "missing ./impl default in src/lib/impl.ts",
        files: {
            [HANDLER]: 'export {default} from "../lib/mid"\n',
            "src/lib/mid.ts": 'export {default} from "./impl"\n',
            "src/lib/impl.ts": FN,
        },
    },
    {
        title: "a module without that export, through export *",
        name: "missing ../lib/index y in src/lib/index.ts",
        value: "missing ../lib/index y in src/lib/index.ts",
        files: {
            [HANDLER]: 'export {y as default} from "../lib/index"\n',
            "src/lib/index.ts": 'export * from "./impl"\n',
            "src/lib/impl.ts": FN,
        },
    },
    {
        title: "a module that does not parse",
        name: "unknown",
        value: "unknown",
        files: {
            [HANDLER]: 'export {default} from "../lib/impl"\n',
            "src/lib/impl.ts": "export default async function (\n",
        },
    },
    {title: "a package", name: "unknown", value: "unknown", files: {[HANDLER]: 'export {default} from "pkg"\n'}},
    {
        title: "a package, further down",
        name: "unknown",
        value: "unknown",
        files: {[HANDLER]: 'export {default} from "../lib/mid"\n', "src/lib/mid.ts": 'export {default} from "pkg"\n'},
    },
    {
        // Was unknown as a name: the name walk stopped at the package; ECMAScript binds x to impl's (or fails as ambiguous).
        title: "export * from a package before export * from a module that has the name",
        name: "app src/lib/impl.ts x",
        value: "function src/lib/impl.ts x",
        files: {
            [HANDLER]: 'export {x as default} from "../lib/index"\n',
            "src/lib/index.ts": 'export * from "pkg"\nexport * from "./impl"\n',
            "src/lib/impl.ts": FN,
        },
    },
    {
        title: "an explicit export wins over export *",
        name: "app src/lib/index.ts x",
        value: "not-function an object",
        files: {
            [HANDLER]: 'export {x as default} from "../lib/index"\n',
            "src/lib/index.ts": 'export * from "./impl"\nexport const x = {}\n',
            "src/lib/impl.ts": FN,
        },
    },
    {
        title: "an SDK export",
        name: "sdk attio/server createWebhookHandler",
        value: "unknown",
        files: {[HANDLER]: 'export {createWebhookHandler as default} from "attio/server"\n'},
    },
    {
        // Was `sdk attio/server x` as a name: attio/server has no x.
        title: "export * from the SDK before export * from a module that has the name",
        name: "app src/lib/impl.ts x",
        value: "function src/lib/impl.ts x",
        files: {
            [HANDLER]: 'export {x as default} from "../lib/index"\n',
            "src/lib/index.ts": 'export * from "attio/server"\nexport * from "./impl"\n',
            "src/lib/impl.ts": FN,
        },
    },
]

describe("the module graph's answers on re-export edge cases", () => {
    for (const c of CASES) {
        it(c.title, () => {
            const {analysis, handler} = analysisOf(c.files)
            expect({
                name: nameOf(analysis.resolveImport(handler, "./a.webhook.js", "default", [], new Set())),
                value: valueOf(analysis.handlerDefault(handler, false)),
            }).toEqual({name: c.name, value: c.value})
        })
    }
})
