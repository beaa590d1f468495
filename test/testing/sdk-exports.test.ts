/**
 * The in-memory runtime's attio/server (src/testing/server.ts) against the real SDK's declarations, read by the
 * TypeScript compiler: it declares every value attio@1.0.4's attio/server exports, and no other.
 */
import path from "node:path"
import {describe, expect, it} from "vitest"

import {SDK_VALUE_EXPORTS} from "../../src/testing/server.js"
import {attioNodeModules} from "../support/attio-sdk.js"

describe("attio/server", () => {
    it("declares every value the real SDK's attio/server exports", async () => {
        const ts = (await import("typescript")).default
        const index = path.join(await attioNodeModules(), "attio/dist/types/server/index.d.ts")
        // Its exports only: neither the default lib nor @types (which took seconds) decide what is a value.
        const program = ts.createProgram([index], {noEmit: true, noLib: true, types: []})
        const checker = program.getTypeChecker()
        const values = checker
            .getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(index)!)!)
            .filter(
                (s) =>
                    ((s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s).flags &
                        ts.SymbolFlags.Value) !==
                    0
            )
            .map((s) => s.name)
        expect([...SDK_VALUE_EXPORTS].sort()).toEqual(values.sort())
    })
})
