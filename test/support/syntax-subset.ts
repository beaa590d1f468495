/**
 * The TypeScript syntax subset and the bundle it was cut from: this build's, or another release's that
 * .ci/newest-ts-morph.mjs cut (ATTIO_LINT_SUBSET and ATTIO_LINT_FULL_BUNDLE, with `-t "the TypeScript syntax subset"`).
 */
import {createRequire} from "node:module"
import path from "node:path"

import type {ts} from "ts-morph"

import {SYNTAX_BUNDLE, fullBundlePath, type TypeScriptSyntax} from "../../src/app-model/typescript.js"
import {PACKAGE_ROOT} from "./bin.js"

const require = createRequire(import.meta.url)
export const subsetPath = process.env.ATTIO_LINT_SUBSET ?? path.join(PACKAGE_ROOT, SYNTAX_BUNDLE)
export const fullPath = process.env.ATTIO_LINT_FULL_BUNDLE ?? fullBundlePath()
export const subset = require(subsetPath) as TypeScriptSyntax & Record<string, unknown>
export const full = require(fullPath) as typeof ts & Record<string, unknown>
