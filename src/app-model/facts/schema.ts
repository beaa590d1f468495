/**
 * The schema of cached FileFacts, checked field by field on every entry read from the facts cache:
 * the cache is data a crash, a disk or a hand may have damaged, so an entry is used only when all of
 * it has the shape extractFacts gives, with every position inside the file it is about (fixes are
 * written at those positions). The type assertion at the end keeps the schema and FileFacts in step.
 */
import {isJsonObject} from "../../json.js"
import type {FileFacts} from "./types.js"

/** A check of a value; `max` bounds every number (offsets, lines and columns of a file of that length). */
type Check<T> = (value: unknown, max: number) => value is T
type Of<C> = C extends Check<infer T> ? T : never

const string: Check<string> = (v): v is string => typeof v === "string"
const boolean: Check<boolean> = (v): v is boolean => typeof v === "boolean"
const position: Check<number> = (v, max): v is number =>
    Number.isSafeInteger(v) && (v as number) >= 0 && (v as number) <= max

const oneOf =
    <T extends string>(...values: T[]): Check<T> =>
    (v): v is T =>
        values.includes(v as T)

const isTrue: Check<true> = (v): v is true => v === true

const either =
    <A, B>(a: Check<A>, b: Check<B>): Check<A | B> =>
    (v, max): v is A | B =>
        a(v, max) || b(v, max)

/** A union tagged by `kind`: only the variant the tag names is checked. */
const byKind =
    <M extends Record<string, Check<unknown>>>(variants: M): Check<Of<M[keyof M]>> =>
    (v, max): v is Of<M[keyof M]> => {
        const kind = isJsonObject(v) ? v.kind : undefined
        return typeof kind === "string" && Object.hasOwn(variants, kind) && variants[kind](v, max)
    }

const array =
    <T>(item: Check<T>): Check<T[]> =>
    (v, max): v is T[] => {
        if (!Array.isArray(v)) return false
        for (const x of v) if (!item(x, max)) return false
        return true
    }

const record =
    <T>(item: Check<T>): Check<Record<string, T>> =>
    (v, max): v is Record<string, T> => {
        if (!isJsonObject(v)) return false
        for (const key in v) if (!item(v[key], max)) return false
        return true
    }

type Shape = Record<string, Check<unknown>>
type ObjectOf<R extends Shape, O extends Shape> = {[K in keyof R]: Of<R[K]>} & {[K in keyof O]?: Of<O[K]>}

/** An object with exactly these keys (those in `optional` may be absent). */
function object<R extends Shape, O extends Shape = Record<never, never>>(
    required: R,
    optional?: O
): Check<ObjectOf<R, O>> {
    // Key lists made once: the check runs on every field of every cached entry of a warm run.
    const maybe: Shape = optional ?? {}
    const requiredKeys = Object.keys(required)
    const optionalKeys = Object.keys(maybe)
    return (v, max): v is ObjectOf<R, O> => {
        if (!isJsonObject(v)) return false
        // Parsed JSON has only own keys, and none of these is an Object.prototype name.
        let known = requiredKeys.length
        for (const key of requiredKeys) if (!required[key](v[key], max)) return false
        for (const key of optionalKeys) {
            if (v[key] === undefined) continue
            if (!maybe[key](v[key], max)) return false
            known++
        }
        // No other keys.
        return Object.keys(v).length === known
    }
}

const range = object({line: position, column: position, endLine: position, endColumn: position})
const located = {range, pos: position}

const connectionTypeFact = byKind({
    sdk: object({kind: oneOf("sdk")}),
    incompatible: object({...located, kind: oneOf("incompatible"), text: string}),
    reference: object({...located, kind: oneOf("reference"), text: string}),
})

const typeFact = byKind({
    none: object({kind: oneOf("none")}),
    request: object({kind: oneOf("request")}),
    connection: object({kind: oneOf("connection")}),
    object: object({kind: oneOf("object"), properties: array(string)}, {connection: connectionTypeFact}),
    reference: object({kind: oneOf("reference"), text: string}),
    other: object({kind: oneOf("other"), text: string}),
})

const functionFacts = object(
    {
        ...located,
        async: boolean,
        generator: boolean,
        declaredReturn: oneOf("none", "response", "promise-response", "promise", "other", "foreign"),
        params: array(
            object({...located, text: string, optional: boolean, type: typeFact}, {bindingNames: array(string)})
        ),
        returns: array(
            object(
                {...located, kind: oneOf("response", "not-response", "unknown"), text: string},
                {promise: oneOf("response", "other")}
            )
        ),
        missingReturns: array(
            object({range, reason: oneOf("end", "bare-return", "catch", "if")}, {typesDecide: isTrue})
        ),
    },
    {name: string, declaredReturnText: string, asyncAt: position, usedElsewhere: boolean}
)

const valueFact = byKind({
    function: object({...located, kind: oneOf("function"), fn: functionFacts}),
    "not-function": object({...located, kind: oneOf("not-function"), what: string}),
    import: object({...located, kind: oneOf("import"), module: string, name: string}),
    unknown: object({...located, kind: oneOf("unknown"), text: string}),
})

const fileNameFact = byKind({
    values: object({kind: oneOf("values"), values: array(string)}),
    import: object({kind: oneOf("import"), module: string, name: string}),
    needsTypes: object({kind: oneOf("needsTypes"), text: string}),
    missing: object({kind: oneOf("missing")}),
})

const importFact = object(
    {
        ...located,
        module: string,
        typeOnly: boolean,
        named: array(object({imported: string, local: string, typeOnly: boolean, range})),
    },
    {defaultLocal: string, namespaceLocal: string}
)

const localRef = object({local: string, members: array(string)})

const webhookCall = object(
    {...located, callee: localRef, fileName: fileNameFact, valueRange: range, valuePos: position},
    {literal: object({start: position, end: position, quote: string})}
)

const fileFacts = object(
    {
        imports: array(importFact),
        exports: record(either(object({local: string}), object({module: string, name: string}, {typeOnly: isTrue}))),
        starExports: array(string),
        consts: record(array(string)),
        exportValues: record(valueFact),
        webhookCalls: array(webhookCall),
        aliases: record(localRef),
        refs: array(object({local: string, members: array(string), range}, {call: isTrue})),
        clientImports: array(range),
    },
    {parseError: object({message: string, range}), clientTypeImports: array(range)}
)

const QUOTES = ['"', "'", "`"]

/**
 * Whether a cached value is FileFacts of `text`: every field of the right kind, every position
 * inside the text, and every string literal a fix would rewrite where the facts say it is.
 */
export function isFileFactsOf(value: unknown, text: string): value is FileFacts {
    if (!fileFacts(value, text.length + 1)) return false
    return value.webhookCalls.every(
        ({literal: l}) =>
            !l ||
            (QUOTES.includes(l.quote) && l.start < l.end && text[l.start] === l.quote && text[l.end - 1] === l.quote)
    )
}

// The schema describes FileFacts exactly: a field added to one and not the other fails the build.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
/** Optional fields made required, at every depth, so that a missing optional field is a difference too. */
type Filled<T> = T extends (infer U)[] ? Filled<U>[] : T extends object ? {[K in keyof T]-?: Filled<T[K]>} : T
type Assert<T extends true> = T
export type FactsSchemaInStep = Assert<Same<Filled<Of<typeof fileFacts>>, Filled<FileFacts>>>
