/**
 * TypeScript (the copy ts-morph bundles), loaded on first use. Loading it costs most of a cold
 * run's start-up, so nothing imports it eagerly: a run that parses nothing never loads it. It is
 * required rather than imported because Node's ESM loader would otherwise scan the CommonJS bundle
 * for named exports, which costs about as much again.
 */
import {createRequire} from "node:module"

import type * as TsMorph from "ts-morph"

const require = createRequire(import.meta.url)

let morph: typeof TsMorph | undefined
let compiler: typeof TsMorph.ts | undefined

export function tsMorph(): typeof TsMorph {
    return (morph ??= require("ts-morph") as typeof TsMorph)
}

/**
 * The TypeScript compiler API. The syntactic path needs only the compiler, not ts-morph's wrappers
 * (a fifth of the load time), so it takes the very file ts-morph itself loads: one instance either way.
 */
export function typescript(): typeof TsMorph.ts {
    if (!compiler) {
        try {
            compiler = createRequire(require.resolve("ts-morph"))("@ts-morph/common/dist/typescript.js") as typeof TsMorph.ts
        } catch {
            // A ts-morph release that moved its bundle: take it the documented way.
            compiler = tsMorph().ts
        }
    }
    return compiler
}

export function isTypeScriptLoaded(): boolean {
    return compiler !== undefined || morph !== undefined
}
