/** Inserting code into existing event handlers: imports, the call, the helper, and the refusals. */
import {describe, expect, it} from "vitest"
import {EventHandlerFile, type Insertion} from "../../src/scaffold/event-handler.js"
import {ATTIO_STYLE, type Style} from "../../src/scaffold/style.js"
import {expectLinesKept} from "./support.js"

const STYLE: Style = {options: ATTIO_STYLE, indent: "    "}

/** A small insertion that shows which names it was given. */
const INSERTION: Insertion = {
    values: ["createWebhookHandler", "deleteWebhookHandler"],
    helperName: "registerHook",
    renderHelper: ({helper, sdk}) =>
        `async function ${helper}(connection: ${sdk.Connection}) {\n` +
        `const handler = await ${sdk.createWebhookHandler}({fileName: "hook"})\n` +
        `if (!connection.value) await ${sdk.deleteWebhookHandler}(handler.id)\n}\n`,
}

function insert(text: string, relPath = "src/events/connection-added.event.ts", style = STYLE): Promise<string> {
    return new EventHandlerFile(relPath, text).insert(INSERTION, style)
}

describe("imports", () => {
    it("adds names to a one-per-line import, keeping every line", async () => {
        const text = `// Our Acme integration.
import {
    type Connection,
    createWebhookHandler,
} from "attio/server"

export default async function connectionAdded({connection}: {connection: Connection}) {
    await createWebhookHandler({fileName: "other"})
}
`
        const result = await insert(text)
        expectLinesKept(text, result)
        expect(result).toContain(`import {
    type Connection,
    createWebhookHandler,
    deleteWebhookHandler,
} from "attio/server"
`)
    })

    it("adds names to a one-line import, in sorted position, without duplicates", async () => {
        const result = await insert(`import {type Connection, updateWebhookHandler} from "attio/server"

export default async function connectionAdded({connection}: {connection: Connection}) {
    await updateWebhookHandler(connection.id, {externalWebhookId: "x"})
}
`)
        expect(result).toMatch(
            /^import \{type Connection, createWebhookHandler, deleteWebhookHandler, updateWebhookHandler\} from "attio\/server"\n\n/
        )
        expect(result.match(/from "attio\/server"/g)).toHaveLength(1)
    })

    it("keeps `import type` for types and adds a value import after it", async () => {
        const result = await insert(`import type {Connection} from "attio/server"

export default async function connectionAdded({connection}: {connection: Connection}) {
    console.log(connection.id)
}
`)
        expect(result).toMatch(
            /^import type \{Connection\} from "attio\/server"\nimport \{createWebhookHandler, deleteWebhookHandler\} from "attio\/server"\n\n/
        )
    })

    it("adds type names to an existing `import type`", async () => {
        const result = await insert(`import type {UserConnection} from "attio/server"
import {createWebhookHandler} from "attio/server"

export default async function connectionAdded({connection}: {connection: UserConnection}) {
    await createWebhookHandler({fileName: connection.id})
}
`)
        expect(result).toContain(
            `import type {Connection, UserConnection} from "attio/server"\nimport {createWebhookHandler, deleteWebhookHandler} from "attio/server"\n`
        )
    })

    it("adds import declarations above a file without imports, below its header comment", async () => {
        const result = await insert(`// Header comment.

export default async function connectionAdded({connection}: {connection: {value: string}}) {
    console.log(connection.value)
}
`)
        expect(result).toMatch(
            /^\/\/ Header comment\.\n\nimport type \{Connection\} from "attio\/server"\nimport \{createWebhookHandler, deleteWebhookHandler\} from "attio\/server"\n\nexport default/
        )
    })

    it("uses the local name of an aliased import", async () => {
        const result =
            await insert(`import {type Connection as Conn, createWebhookHandler as createHandler} from "attio/server"

export default async function connectionAdded({connection}: {connection: Conn}) {
    await createHandler({fileName: connection.id})
}
`)
        expect(result).toContain("async function registerHook(connection: Conn) {")
        expect(result).toContain('await createHandler({fileName: "hook"})')
        expect(result).toContain(
            "import {type Connection as Conn, createWebhookHandler as createHandler, deleteWebhookHandler} from"
        )
    })

    it("imports values that only an `import type` names: it serves only as a type", async () => {
        const result = await insert(`import type * as attio from "attio/server"

export default async function connectionAdded({connection}: {connection: attio.Connection}) {
    console.log(connection.id)
}
`)
        expect(result).toMatch(
            /^import type \* as attio from "attio\/server"\nimport \{createWebhookHandler, deleteWebhookHandler\} from "attio\/server"\n/
        )
        expect(result).toContain("async function registerHook(connection: attio.Connection) {")
        expect(result).toContain("await createWebhookHandler(")
        const named = await insert(`import type {Connection, createWebhookHandler} from "attio/server"

export default async function connectionAdded({connection}: {connection: Connection}) {}
`)
        expect(named).toContain(
            'import {createWebhookHandler as createWebhookHandler2, deleteWebhookHandler} from "attio/server"\n'
        )
        expect(named).toContain("await createWebhookHandler2(")
    })

    it("uses a namespace import and adds nothing", async () => {
        const result = await insert(`import * as attio from "attio/server"

export default async function connectionAdded({connection}: {connection: attio.Connection}) {
    console.log(connection.id)
}
`)
        expect(result.match(/^import/gm)).toHaveLength(1)
        expect(result).toContain("async function registerHook(connection: attio.Connection) {")
        expect(result).toContain("await attio.createWebhookHandler(")
    })

    it("aliases an import whose name the file already declares, and picks a free helper name", async () => {
        const result = await insert(`import type {Connection} from "attio/server"

// The app's own helper with the SDK's name.
function deleteWebhookHandler(id: string) {
    return id
}

function registerHook() {}

export default async function connectionAdded({connection}: {connection: Connection}) {
    registerHook()
    deleteWebhookHandler(connection.id)
}
`)
        expect(result).toContain("import {createWebhookHandler, deleteWebhookHandler as deleteWebhookHandler2} from")
        expect(result).toContain("await registerHook2(connection)\n}")
        expect(result).toContain("await deleteWebhookHandler2(handler.id)")
    })
})

describe("the call and the helper", () => {
    const imports = `import type {Connection} from "attio/server"\n`

    it("goes last in the function, and the helper at the end of the file", async () => {
        const text = `${imports}
export default async function connectionAdded({connection}: {connection: Connection}) {
    const token = connection.value
    if (!token) {
        throw new Error("no token")
    }
    /* a trailing comment */
}

export const LATER = 1
`
        const result = await insert(text)
        expectLinesKept(text, result)
        expect(result).toContain(
            "    /* a trailing comment */\n    await registerHook(connection)\n}\n\nexport const LATER = 1\n\nasync function registerHook("
        )
        expect(result.endsWith("await deleteWebhookHandler(handler.id)\n}\n")).toBe(true)
    })

    it("goes before a final return", async () => {
        const result = await insert(`${imports}
export default async function connectionAdded({connection}: {connection: Connection}) {
    if (!connection.value) return
    // done
    return
}
`)
        expect(result).toContain(
            "    if (!connection.value) return\n    await registerHook(connection)\n    // done\n    return\n}"
        )
    })

    it("fills an empty one-line body", async () => {
        const result = await insert(`${imports}
export default async function connectionAdded({connection}: {connection: Connection}) {}
`)
        expect(result).toContain("{connection: Connection}) {\n    await registerHook(connection)\n}\n")
    })

    it.each([
        [
            "a const arrow exported by name",
            "const added = async ({connection}: {connection: Connection}) => {\n    console.log(connection.id)\n}\nexport default added\n",
            "connection",
        ],
        [
            "`export {x as default}`",
            "async function added(event: {connection: Connection}) {\n    console.log(event)\n}\nexport {added as default}\n",
            "event.connection",
        ],
        [
            "a renamed binding",
            "export default async function ({connection: conn}: {connection: Connection}) {\n    console.log(conn.id)\n}\n",
            "conn",
        ],
        [
            "a parenthesised function expression",
            "export default (async function ({connection}: {connection: Connection}) {\n    console.log(connection.id)\n})\n",
            "connection",
        ],
    ])("finds the function in %s", async (_name, body, argument) => {
        expect(await insert(`${imports}\n${body}`)).toContain(`    await registerHook(${argument})\n`)
    })

    it("gives a function without parameters the connection", async () => {
        const text =
            'import {createWebhookHandler} from "attio/server"\n\nexport default async function added() {\n    await createWebhookHandler({fileName: "old"})\n}\n'
        expect(await insert(text)).toBe(
            'import {type Connection, createWebhookHandler, deleteWebhookHandler} from "attio/server"\n\n' +
                "export default async function added({connection}: {connection: Connection}) {\n" +
                '    await createWebhookHandler({fileName: "old"})\n    await registerHook(connection)\n}\n\n' +
                "async function registerHook(connection: Connection) {\n" +
                '    const handler = await createWebhookHandler({fileName: "hook"})\n' +
                "    if (!connection.value) await deleteWebhookHandler(handler.id)\n}\n"
        )
    })

    it("follows the file's indentation and line endings", async () => {
        const text =
            `${imports}\nexport default async function connectionAdded({connection}: {connection: Connection}) {\n\tconsole.log(connection.id)\n}\n`.replace(
                /\n/g,
                "\r\n"
            )
        const result = await insert(text, undefined, {options: {...ATTIO_STYLE, useTabs: true}, indent: "\t"})
        expect(result).toContain("\tconsole.log(connection.id)\r\n\tawait registerHook(connection)\r\n}\r\n")
        expect(result.replace(/\r\n/g, "")).not.toContain("\n")
        expect(result).toContain("\r\n\tconst handler = await createWebhookHandler(")
    })

    it("keeps old Mac line endings (a lone CR): inserted lines end in CR too", async () => {
        const text =
            `${imports}\nexport default async function connectionAdded({connection}: {connection: Connection}) {\n    console.log(connection.id)\n}`.replace(
                /\n/g,
                "\r"
            )
        const result = await insert(text)
        expect(result).not.toContain("\n")
        expect(result).toContain("    console.log(connection.id)\r    await registerHook(connection)\r}\r\r")
        expect(result).toContain("\r    const handler = await createWebhookHandler(")
    })

    it("formats the helper with the given prettier options", async () => {
        const result = await insert(
            `${imports}\nexport default async function added({connection}: {connection: Connection}) {}\n`,
            undefined,
            {
                options: {semi: true, singleQuote: true, tabWidth: 2},
                indent: "  ",
            }
        )
        expect(result).toContain("  await registerHook(connection);\n")
        expect(result).toContain("  const handler = await createWebhookHandler({ fileName: 'hook' });\n")
        expect(result).toContain("import { createWebhookHandler, deleteWebhookHandler } from 'attio/server';\n")
    })
})

describe("refusals name the file and the reason", () => {
    const path = "src/app/events/connection-added.event.ts"
    it.each([
        [
            "a syntax error",
            "export default async function added({connection}) {\n    const x = \n}\nfoo(",
            /^src\/app\/events\/connection-added\.event\.ts:\d+: the existing file does not parse/,
        ],
        [
            "no default export",
            "export async function added() {}\n",
            /connection-added\.event\.ts: it has no default export/,
        ],
        [
            "a default export that is not a function",
            "export default {added: true}\n",
            /connection-added\.event\.ts: its default export is not a function \(it is an object\)/,
        ],
        [
            "names that refer to each other",
            "const a = b\nconst b = a\nexport default a\n",
            /its default export is not a function \(it is `a`, whose value refers back to itself\)/,
        ],
        [
            "a wrapped function",
            "export default wrap(async () => {})\n",
            /its default export is not a function declared in the file \(it is `wrap\(async/,
        ],
        [
            // The platform calls the other module's function (once read as "no default export").
            "a default export from another module",
            'export {default} from "./added.js"\n',
            /connection-added\.event\.ts: its default export comes from "\.\/added\.js"; the generator only adds code to a function in the file itself/,
        ],
        [
            "an imported default export",
            'import added from "./added.js"\nexport default added\n',
            /its default export comes from "\.\/added\.js"/,
        ],
        [
            "a function declared without a body",
            "export default function added(): Promise<void>\n",
            /its default-exported function is declared without a body/,
        ],
        [
            "an expression-bodied arrow",
            "export default async ({connection}: {connection: unknown}) => connection\n",
            /expression body/,
        ],
        [
            "a parameter without connection",
            "export default async function added({other}: {other: string}) {}\n",
            /does not take the connection/,
        ],
    ])("%s", async (_name, text, message) => {
        await expect(async () => insert(text, path)).rejects.toThrow(message)
    })

    it("JavaScript event handlers are read but not edited", async () => {
        const file = new EventHandlerFile(
            "src/events/connection-removed.event.js",
            "export default async function removed({connection}) {}\n"
        )
        expect(file.sdkCalls("deleteWebhookHandler")).toEqual([])
        await expect(file.insert(INSERTION, STYLE)).rejects.toThrow(
            /connection-removed\.event\.js: the generators only add code to TypeScript/
        )
    })
})

describe("what the file already does", () => {
    it("finds SDK calls under an alias", () => {
        const file = new EventHandlerFile(
            "a.ts",
            'import {deleteWebhookHandler as remove} from "attio/server"\nawait remove("x")\nawait other("y")'
        )
        expect(file.sdkCalls("deleteWebhookHandler")).toHaveLength(1)
    })
})

describe("unusual but valid default exports", () => {
    const CALL = "await registerHook(connection)"

    it("a body on one line ending in a return: the call goes inside, before the return", async () => {
        const result = await insert(`export default async function f({connection}: any) { return connection }\n`)
        expect(result).toContain(
            `export default async function f({connection}: any) {\n    ${CALL}\n    return connection\n}\n`
        )
    })

    it("a body on one line: the call goes inside, on its own line", async () => {
        const result = await insert(`export default async function f({connection}: any) { console.log(connection) }\n`)
        expect(result).toContain(`{ console.log(connection)\n    ${CALL}\n}\n`)
    })

    it("a `this` parameter is no connection: the next parameter is used, or one is added after it", async () => {
        expect(
            await insert(`export default async function f(this: void, {connection}: any) {\n    log()\n}\n`)
        ).toContain(`    log()\n    ${CALL}\n}`)
        expect(await insert(`export default async function f(this: void) {\n    log()\n}\n`)).toContain(
            `export default async function f(this: void, {connection}: {connection: Connection}) {\n    log()\n    ${CALL}\n}`
        )
    })

    it("an arrow's unused parameter without parentheses becomes a parenthesised {connection}", async () => {
        expect(await insert("export default async _event => {\n    log()\n}\n")).toContain(
            `export default async ({connection}) => {\n    log()\n    ${CALL}\n}`
        )
    })

    it("follows `!` and `<T>` to the function, as the linter and the build do", async () => {
        expect(
            await insert(`const added = async ({connection}: any) => {\n    log()\n}\nexport default added!\n`)
        ).toContain(`    log()\n    ${CALL}\n}\nexport default added!\n`)
        expect(await insert(`export default <any>(async function ({connection}: any) {\n    log()\n})\n`)).toContain(
            `    log()\n    ${CALL}\n})\n`
        )
    })

    it("an overloaded function gets the call in its implementation", async () => {
        expect(
            await insert(
                `function added(): Promise<void>\nasync function added(event?: any) {\n    log(event)\n}\nexport default added\n`
            )
        ).toContain(`async function added(event?: any) {\n    log(event)\n    await registerHook(event.connection)\n}`)
    })

    it("rest parameters are refused: the connection cannot be named", async () => {
        await expect(insert(`export default async function f(...args: any[]) {\n    log(args)\n}\n`)).rejects.toThrow(
            "src/events/connection-added.event.ts: its default-exported function takes rest parameters (`...args: any[]`), so the generator cannot name the connection"
        )
    })

    it("code nested 10,000 levels deep is refused with the file's name, not a stack overflow", async () => {
        const deep = `export default async function f({connection}: any) {\n    const x = ${"[".repeat(10_000)}${"]".repeat(10_000)}\n}\n`
        await expect(async () => insert(deep)).rejects.toThrow(
            /^src\/events\/connection-added\.event\.ts: its code nests too deeply for the generator to edit/
        )
    })
})
