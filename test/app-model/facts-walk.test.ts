/**
 * The facts walk is skipped when every use of a watched import is one no call, property read or binding can start
 * from (extract.ts, usesAreInert): the template's `${ATTIO_API_TOKEN}`, a type annotation, an object's value. Next to
 * each such use, one that does start something must still be found.
 */
import {describe, expect, it} from "vitest"

import {extractFacts, type FileFacts} from "../../src/app-model/facts/index.js"
import {typescriptSyntax} from "../../src/app-model/typescript.js"

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
