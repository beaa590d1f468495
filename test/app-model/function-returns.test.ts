/**
 * A function's own return statements, collected from the statements that hold statements (reachability.ts,
 * statementsIn) rather than from every child: each kind of holder must still be entered, in source order, and
 * functions and classes inside must not.
 */
import {describe, expect, it} from "vitest"

import {extractFacts} from "../../src/app-model/facts/index.js"
import {typescriptSyntax} from "../../src/app-model/typescript.js"

/** The texts the default export's returns return, and the reasons of its missing returns. */
function returns(body: string): {returned: string[]; missing: string[]} {
    const facts = extractFacts(typescriptSyntax(), "a.ts", `export default function h(a: any) {\n${body}\n}\n`)
    const value = facts.exportValues.default
    if (value?.kind !== "function") throw new Error("no function")
    return {returned: value.fn.returns.map((r) => r.text), missing: value.fn.missingReturns.map((m) => m.reason)}
}

describe("the returns of a function", () => {
    it.each([
        ["if and else", "if (a) return 1\nelse { return 2 }", ["1", "2"]],
        ["try, catch and finally", "try { return 1 } catch (e) { return 2 } finally { return 3 }", ["1", "2", "3"]],
        ["switch clauses", "switch (a) { case 1: return 1; case 2: { return 2 } default: return 3 }", ["1", "2", "3"]],
        ["loops", "for (;;) return 1\nfor (const x of a) { return 2 }\nfor (const k in a) return 3", ["1", "2", "3"]],
        ["while and do", "while (a) { return 1 }\ndo return 2; while (a)", ["1", "2"]],
        ["a label and a block", "l: { return 1 }\n{ { return 2 } }", ["1", "2"]],
    ])("are found in %s", (_, body, texts) => {
        expect(returns(`${body}\nreturn 0`).returned).toEqual([...texts, "0"])
    })

    it("leaves out the returns of functions, callbacks and classes inside", () => {
        const body =
            "const f = () => { return 1 }\nfunction g() { return 2 }\nclass C { m() { return 3 } }\n" +
            "a.then(() => { return 4 })\nif (a) { const k = function () { return 5 } }\nreturn 6"
        expect(returns(body).returned).toEqual(["6"])
    })

    it("records a bare return inside a holder", () => {
        expect(returns("if (a) { return }\nreturn 1")).toEqual({returned: ["1"], missing: ["bare-return"]})
    })
})
