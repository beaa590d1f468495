/**
 * FileSyntax's line and column of a range come from its own table of line starts (indexOf over the text); they must be
 * TypeScript's, whatever the line breaks: `\n`, `\r\n`, a lone `\r`, U+2028 and U+2029 (TypeScript's table is used
 * for texts with any break but `\n`).
 */
import {describe, expect, it} from "vitest"

import {FileSyntax} from "../../src/app-model/facts/syntax.js"
import {typescriptSyntax} from "../../src/app-model/typescript.js"

const TEXTS = {
    "\\n": 'import {kv} from "attio/server"\n\nexport default async function h() {\n    return 1\n}\n',
    "no final line break": "const a = 1\nconst b = 2",
    "one line": "const a = 1",
    empty: "",
    "\\r\\n": "const a = 1\r\n\r\nconst b = `x\r\ny`\r\n",
    "lone \\r": "const a = 1\rconst b = 2\r\n\nconst c = 3\r",
    "U+2028 and U+2029": "const a = 1\u2028const b = 2\u2029\nconst c = 3\n",
}

describe("FileSyntax.rangeOf", () => {
    const tsApi = typescriptSyntax()
    for (const [name, text] of Object.entries(TEXTS)) {
        it(`gives TypeScript's line and column for every position (${name})`, () => {
            const sf = tsApi.createSourceFile("a.ts", text, tsApi.ScriptTarget.Latest)
            const syntax = new FileSyntax(tsApi, sf)
            for (let start = 0; start <= text.length; start++) {
                for (const end of [start, Math.min(start + 5, text.length), text.length, start - 1]) {
                    const s = tsApi.getLineAndCharacterOfPosition(sf, start)
                    const e = tsApi.getLineAndCharacterOfPosition(sf, Math.max(start, end))
                    expect(syntax.rangeOf(start, end)).toEqual({
                        line: s.line + 1,
                        column: s.character + 1,
                        endLine: e.line + 1,
                        endColumn: e.character + 1,
                    })
                }
            }
        })
    }
})
