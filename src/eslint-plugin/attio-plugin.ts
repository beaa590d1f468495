/**
 * Attio's own ESLint rules (`attio/lint`, which the template's eslint.config.js enables) overlap one of
 * ours: `attio/attio-client-import` reports each `import … from "attio/client"` declaration of a file
 * whose name ends in `.server.ts` or `.server.js`. Where that rule runs, client-import leaves those
 * declarations to it, so that ESLint shows each once; it keeps reporting what that rule does not see
 * (re-exports, `import()`, imports through another module, handler files). The CLI reports them all.
 *
 * A rule is shown nothing of the config, but ESLint calls a rule's create() for a file exactly when
 * the rule is on for that file (after `files`, later config objects and inline comments). So Attio's
 * rule, the one object every `require("attio/lint")` of a process returns, is wrapped to note the
 * files it runs on; our rules report when the file's traversal ends, after every create().
 */
import {createRequire} from "node:module"
import path from "node:path"

import type {Rule as EslintRule, SourceCode} from "eslint"

import type {FileReport} from "../lint/rule.js"

/** The files, by the SourceCode of their lint pass, that attio/attio-client-import runs on. */
const attioClientImportRuns = new WeakSet<SourceCode>()
const WATCHED = Symbol.for("generator-attio-app/watched")
const require = createRequire(import.meta.url)

type WatchedRule = EslintRule.RuleModule & {[WATCHED]?: true}

/** Wraps each loaded copy of attio/lint's attio-client-import: cheap enough to call before every file. */
export function watchAttioClientImport(): void {
    for (const [file, module] of Object.entries(require.cache)) {
        if (!file.endsWith(`${path.sep}attio${path.sep}lint.cjs`)) continue
        const rule = (module?.exports as {rules?: Record<string, WatchedRule>} | undefined)?.rules?.[
            "attio-client-import"
        ]
        if (!rule || typeof rule.create !== "function" || rule[WATCHED]) continue
        const create = rule.create
        rule.create = function (context) {
            attioClientImportRuns.add(context.sourceCode)
            return create.call(this, context)
        }
        rule[WATCHED] = true
    }
}

/**
 * Loads attio/lint as the config in the working folder will (it is plain data), so that it is wrapped
 * before ESLint runs it even when the config loads it after this plugin.
 */
export function preloadAttioLint(): void {
    try {
        createRequire(path.join(process.cwd(), "eslint.config.js"))("attio/lint")
    } catch {
        // No attio in reach: nothing to wrap.
    }
    watchAttioClientImport()
}

/** Whether attio/attio-client-import reports this client-import finding on the linted file too. */
export function reportedByAttio(context: EslintRule.RuleContext, found: FileReport): boolean {
    if (found.messageId !== "clientImport" || !attioClientImportRuns.has(context.sourceCode)) return false
    if (!/\.server\.[jt]s$/.test(context.filename)) return false
    const {line, column} = found.range
    return context.sourceCode.ast.body.some(
        (node) =>
            node.type === "ImportDeclaration" &&
            node.source.value === "attio/client" &&
            node.loc?.start.line === line &&
            node.loc.start.column === column - 1
    )
}
