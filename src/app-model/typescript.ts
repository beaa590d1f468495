/**
 * TypeScript (the copy ts-morph bundles), loaded on first use. Loading it costs most of a cold
 * run's start-up, so nothing imports it eagerly: a run that parses nothing never loads it. It is
 * required rather than imported because Node's ESM loader would otherwise scan the CommonJS bundle
 * for named exports, which costs about as much again.
 */
import {createRequire} from "node:module"

import type * as TsMorph from "ts-morph"

let loaded: typeof TsMorph | undefined

export function tsMorph(): typeof TsMorph {
    return (loaded ??= createRequire(import.meta.url)("ts-morph") as typeof TsMorph)
}

/** The TypeScript compiler API. */
export function typescript(): typeof TsMorph.ts {
    return tsMorph().ts
}

export function isTypeScriptLoaded(): boolean {
    return loaded !== undefined
}
