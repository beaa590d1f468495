/**
 * The facts walk is skipped when every use of a watched import is one no call, property read or binding can start
 * from (extract.ts, usesAreInert): the template's `${ATTIO_API_TOKEN}`, a type annotation, an object's value. Next to
 * each such use, one that does start something must still be found.
 */
import {readFileSync} from "node:fs"

import {globSync} from "tinyglobby"
import {describe, expect, it} from "vitest"

import {extractFacts, type FileFacts} from "../../src/app-model/facts/index.js"
import {typescriptSyntax} from "../../src/app-model/typescript.js"
import {PACKAGE_ROOT} from "../support/bin.js"

const IMPORTS =
    'import {ATTIO_API_TOKEN, createWebhookHandler} from "attio/server"\nimport * as sdk from "attio/server"\n'

/** What the walk finds: uses of the imports, aliases, webhook calls. */
function found(body: string): Pick<FileFacts, "refs" | "aliases" | "webhookCalls"> {
    const {refs, aliases, webhookCalls} = extractFacts(typescriptSyntax(), "a.ts", IMPORTS + body)
    return {refs, aliases, webhookCalls}
}

const NOTHING = {refs: [], aliases: {}, webhookCalls: []}

describe("the facts walk, skipped where it would find nothing", () => {
    it.each([
        ["a template's ${name}", "const header = `Bearer ${ATTIO_API_TOKEN}`\n"],
        ["a type annotation", "function f(c: sdk) {}\n"],
        ["an object's property value", "const o = {token: ATTIO_API_TOKEN, other: 1}\n"],
        ["a conditional's last branch", "const t = process.env.X ? 'a' : ATTIO_API_TOKEN;\n"],
        ["an escaped ${ in a template", "const t = `\\${sdk}`\n"],
    ])("finds nothing in %s", (_, body) => {
        expect(found(body)).toEqual(NOTHING)
    })

    it.each([
        ["a property read inside ${…}", "const header = `${sdk.ATTIO_API_TOKEN}`\n", 1],
        ["a call after an inert use", "const h = `${ATTIO_API_TOKEN}`\ncreateWebhookHandler({fileName: 'a'})\n", 1],
        ["a const bound to an import", "const make = createWebhookHandler\nmake({fileName: 'a'})\n", 1],
        ["a parenthesized import", "const t = (sdk).createWebhookHandler\n", 1],
        ["a name written with an escape", "\\u0073dk.createWebhookHandler({fileName: 'a'})\n", 1],
    ])("finds %s", (_, body, calls) => {
        const facts = found(body)
        expect(facts.refs.length + Object.keys(facts.aliases).length).toBeGreaterThan(0)
        expect(facts.webhookCalls.length + facts.refs.length).toBeGreaterThanOrEqual(calls)
    })
})

/**
 * A look-up of a name no declaration in the file binds is `free` without climbing (values.ts, declaredNames): every
 * kind of declaration that may shadow an import must still be seen, wherever it is.
 */
describe("look-ups of names the file never declares", () => {
    const CALL = "createWebhookHandler({fileName: 'a'})"

    it("finds the imported call when nothing shadows its name", () => {
        expect(found(`function f() { ${CALL} }\n`).webhookCalls).toHaveLength(1)
    })

    it.each([
        ["a parameter", `function f(createWebhookHandler: any) { ${CALL} }`],
        ["a destructured parameter", `const f = ({createWebhookHandler}: any) => { ${CALL} }`],
        ["an arrow's parameter", `const f = (createWebhookHandler: any) => ${CALL}`],
        ["a local const", `function f() { const createWebhookHandler = (o: unknown) => o; ${CALL} }`],
        ["an array pattern", `function f() { let [, createWebhookHandler] = [0, (o: unknown) => o]; ${CALL} }`],
        ["a nested object pattern", `function f(x: any) { var {a: {createWebhookHandler}} = x; ${CALL} }`],
        ["a catch variable", `try { } catch (createWebhookHandler) { ${CALL} }`],
        ["a for…of variable", `for (const createWebhookHandler of [(o: unknown) => o]) ${CALL}`],
        ["a for variable", `for (let createWebhookHandler = (o: unknown) => o; ; ) { ${CALL} }`],
        ["a function in a block", `{ function createWebhookHandler(o: unknown) { return o } ${CALL} }`],
        ["a class in a block", `{ class createWebhookHandler { } ${CALL} }`],
        ["an enum in a function", `function f() { enum createWebhookHandler { A } ${CALL} }`],
    ])("does not take the import's name shadowed by %s for the import", (_, body) => {
        const facts = found(`${body}\n`)
        expect(facts.webhookCalls).toEqual([])
        expect(facts.refs).toEqual([])
    })

    it("reads a fileName from a const in scope, and one a parameter shadows as unknown", () => {
        const calls = found(
            "const NAME = 'b'\nfunction f() { createWebhookHandler({fileName: NAME}) }\n" +
                "function g(NAME: string) { createWebhookHandler({fileName: NAME}) }\n"
        ).webhookCalls
        expect(calls.map((c) => c.fileName)).toEqual([
            {kind: "values", values: ["b"]},
            {kind: "needsTypes", text: "NAME"},
        ])
    })
})

describe("dynamic imports, found at each `import` of the text", () => {
    it.each([
        ["right after the keyword", "", 'import("attio/server")'],
        ["after spaces and a line break", "", 'import \n ("attio/server")'],
        ["after an earlier `import` with no call", '// import this\nconst n = "import"\n', 'import\t("attio/server")'],
        ["after a comment", "", 'import /* lazy */ ("attio/server")'],
        ["after a line comment", "", 'import // lazy\n("attio/server")'],
        ["after spaces JavaScript's \\s does not know", "", 'import\u200B\u0085("attio/server")'],
    ])("finds one %s", (_, before, call) => {
        const text = `${before}const m = await ${call}\nm.kv.get("a")\n`
        const {imports} = extractFacts(typescriptSyntax(), "a.ts", text)
        expect(imports.map((i) => i.namespaceLocal)).toEqual(['import("attio/server")'])
    })
})

/**
 * Where no const aliases a watched import, the walk skips every subtree whose text names none (extract.ts, mentionsOf):
 * it must find exactly what the walk over every node finds, also where a look-up climbs from a skipped node.
 */
describe("the walk guided by mentions of the watched imports", () => {
    const CALL = "createWebhookHandler({fileName: 'a'})"

    function expectSameFacts(text: string): FileFacts {
        const guided = extractFacts(typescriptSyntax(), "a.ts", text, "guided")
        expect(guided).toEqual(extractFacts(typescriptSyntax(), "a.ts", text, "full"))
        return guided
    }

    it.each([
        [
            "a registration function",
            "async function register(c: any) {\n    const handler = await createWebhookHandler({fileName: 'a'})\n" +
                "    const r = await fetch('https://x', {method: 'POST', body: JSON.stringify({url: handler.url})})\n" +
                "    if (!r.ok) {\n        await sdk.deleteWebhookHandler(handler.id)\n        throw new Error(`${r.status}`)\n    }\n" +
                "    await sdk['kv'].set(`k:${handler.id}`, 'v')\n}\n",
            5,
        ],
        [
            "a fileName from a const in a skipped statement",
            `function f() { const N = 'b'; ${CALL.replace("'a'", "N")} }`,
            2,
        ],
        [
            "options from a const whose value names a const of the function",
            "function f() { const N = 'b'; const o = {fileName: N}; createWebhookHandler(o) }",
            2,
        ],
        [
            "a fileName from a for…of over a const",
            "const NAMES = ['a', 'b']\nfunction f() { for (const n of NAMES) createWebhookHandler({fileName: n}) }",
            2,
        ],
        [
            "the import shadowed in an inner block",
            `function f() { const x = 1; { let createWebhookHandler = x; ${CALL} } }`,
            0,
        ],
        [
            "a const aliasing the import",
            "function f() { const make = sdk.createWebhookHandler; g(() => make({fileName: 'a'})) }",
            3,
        ],
        [
            "a destructured alias",
            "const {createWebhookHandler: make} = sdk\nfunction f() { return make({fileName: 'a'}) }",
            3,
        ],
        ["a mention in a comment only", "// createWebhookHandler\nfunction f() { return 1 }", 0],
        ["a call as a property's value", `const handlers = {a: () => ${CALL}, b: [sdk.kv, 1]}`, 3],
    ])("finds what the full walk finds in %s", (_, body, uses) => {
        const facts = expectSameFacts(IMPORTS + body + "\n")
        expect(facts.refs.length + facts.webhookCalls.length).toBe(uses)
    })

    it("finds a dynamic import of attio/client after a comment, where the other uses would guide the walk", () => {
        for (const before of ["", 'import {kv} from "attio/server"\nkv.get("a")\n']) {
            const text = `${before}const c = await import /* lazy */ ("attio/client")\n`
            expect(extractFacts(typescriptSyntax(), "a.ts", text).clientImports).toHaveLength(1)
        }
    })

    it("sets the parent pointers of a skipped statement once, however many look-ups start in it", () => {
        // Each top-level const is looked up for aliases: a descent from the file for each would be quadratic.
        const consts = Array.from({length: 2000}, (_, i) => `export const A${i} = Keys.k${i}`).join("\n")
        const text = `import {helper} from "./lib"\nhelper()\n${consts}\n`
        let visits = 0
        const api = typescriptSyntax()
        const counting = {
            ...api,
            forEachChild: ((node, visit, visitArray) =>
                api.forEachChild(
                    node,
                    (child) => (visits++, visit(child)),
                    visitArray && ((children) => ((visits += children.length), visitArray(children)))
                )) as typeof api.forEachChild,
        }
        expect(extractFacts(counting, "a.ts", text)).toEqual(extractFacts(api, "a.ts", text, "full"))
        expect(visits).toBeLessThan(30_000)
    })

    it("reads the fileName a look-up finds from a skipped node", () => {
        const facts = expectSameFacts(
            IMPORTS + "function f() { const N = 'b'; const o = {fileName: N}; createWebhookHandler(o) }\n"
        )
        expect(facts.webhookCalls.map((c) => c.fileName)).toEqual([{kind: "values", values: ["b"]}])
    })

    // Real code: the examples, and this repository's modules, whose relative imports are watched too.
    it("finds what the full walk finds in the examples and this repository's sources", () => {
        const files = globSync(["examples/**/*.{ts,tsx,js}", "src/**/*.ts"], {
            cwd: PACKAGE_ROOT,
            absolute: true,
            ignore: ["**/node_modules/**"],
        })
        expect(files.length).toBeGreaterThan(100)
        for (const file of files) expectSameFacts(readFileSync(file, "utf8"))
    })
})
