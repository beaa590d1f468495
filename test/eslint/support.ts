/**
 * ESLint's own RuleTester on vitest, with typescript-eslint's parser (no type information), and
 * apps on disk for the cases to lint files of: a case's `code` is the buffer of `filename`, the
 * rest of the app is read from disk as an editor's ESLint would.
 */
import fs from "node:fs"
import path from "node:path"

import {RuleTester} from "eslint"
import tseslint from "typescript-eslint"
import {afterAll, describe, it} from "vitest"

import {type AppFiles, writeApp} from "../support/temp-app.js"

RuleTester.describe = describe
RuleTester.it = it
RuleTester.itOnly = it.only

export const ruleTester = new RuleTester({languageOptions: {parser: tseslint.parser}})

/** An app written to a temp dir for this test file; `at(rel)` is the absolute path of one of its files. */
export function tempApp(files: AppFiles, sdkVersion?: string): {root: string; at: (rel: string) => string} {
    const root = writeApp(files, sdkVersion)
    afterAll(() => fs.rmSync(root, {recursive: true, force: true}))
    return {root, at: (rel) => path.join(root, rel)}
}
