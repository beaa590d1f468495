import path from "node:path"
import {BaseSequencer, type TestSpecification} from "vitest/node"
import {defineConfig} from "vitest/config"

/**
 * Three projects. `unit`: the source run in-process (rules, engine, formatters, the ESLint plugin, scaffolding's AST
 * edits), no build needed and no process spawned; its files reuse the worker processes (not isolated), so TypeScript,
 * ts-morph and the parsed lib files load once per worker. `e2e`: the built bins and generators (dist/, built first
 * when not current) spawned on real apps in temp dirs; its files share worker processes too (about 0.35 s of CPU
 * saved a file), the setup file putting the working folder back after each. `integration`: the built package in
 * third-party toolchains, where most of the time is theirs (INTEGRATION below). `npm test` runs `unit` and `e2e`,
 * `npm run test:integration` the third; CI runs both commands.
 */
const UNIT = [
    "test/rules/**/*.test.ts",
    "test/app-model/**/*.test.ts",
    "test/cli/compile-cache.test.ts",
    "test/api.test.ts",
    "test/conformance-judge.test.ts",
    "test/formatters.test.ts",
    "test/eslint/adapter.test.ts",
    "test/eslint/rules.test.ts",
    "test/generators/diff.test.ts",
    "test/generators/event-handler.test.ts",
    "test/generators/names.test.ts",
    "test/generators/style.test.ts",
    "test/scaffold/**/*.test.ts",
    "test/build/**/*.test.ts",
    "test/testing/signature-options.test.ts",
    "test/order.test.ts",
    "test/text-edit.test.ts",
]

/**
 * The `integration` project: `npm pack` and installs (the pre-commit hook's install path, the attio-lint package
 * alone); Attio's app template with its own ESLint, prettier, vitest, tsc and `attio build`; tsc against
 * attio@1.0.4's declarations (the generated apps; the testing runtime's attio/server); the TypeScript subset judged
 * by the full compiler and ESLint's scope analysis; the V8 code cache of an installed copy, about 35 runs of the bin
 * (its logic is test/cli/compile-cache.test.ts's, in `unit`); the build check run through npm, as the test scripts run
 * it (its logic is test/build/build-stamp.test.ts's, in `unit`).
 */
const INTEGRATION = [
    "test/precommit.test.ts",
    "test/packaging.test.ts",
    "test/generators/template-checks.test.ts",
    "test/eslint/template-config.test.ts",
    "test/testing/generated-template.test.ts",
    "test/typescript-syntax-corpus.test.ts",
    "test/cli/code-cache.test.ts",
    "test/generators/typecheck.test.ts",
    "test/testing/sdk-exports.test.ts",
    "test/rebuild.test.ts",
]

/**
 * The files that take longest (a test file is one chain: its tests run one after another, most of them waiting for
 * a process): a build and an install, attio-app runs then `attio build`, dozens of spawned bins. Each would end the
 * run alone if it started late, so they start first, longest first, then the rest in vitest's own order (the files
 * that took longest last time, or the largest). A list, not vitest's cache of durations, which a run of a few
 * tests (`-t`) overwrites.
 */
const LONGEST = [
    "test/precommit.test.ts",
    "test/generators/template-checks.test.ts",
    "test/cli/code-cache.test.ts",
    "test/generators/bin.test.ts",
    "test/generators/safety.test.ts",
    "test/cli/attio-lint.test.ts",
    "test/generators/webhook.test.ts",
    "test/testing/generated-template.test.ts",
]

class LongestFirst extends BaseSequencer {
    override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
        const rank = (spec: TestSpecification) => {
            const index = LONGEST.indexOf(path.relative(spec.project.config.root, spec.moduleId))
            return index === -1 ? LONGEST.length : index
        }
        return (await super.sort(files)).sort((a, b) => rank(a) - rank(b))
    }
}

export default defineConfig({
    test: {
        // yeoman-test calls process.chdir, which worker threads do not allow.
        pool: "forks",
        setupFiles: ["test/support/cleanup.ts"],
        testTimeout: 120_000,
        hookTimeout: 300_000,
        // One worker a core (vitest's default is one fewer than the cores: one, here). Since the bins run in-process
        // in most e2e tests, a third worker only loaded TypeScript, ts-morph and Yeoman once more: measured on this
        // 2-core machine, npm test took 107 s of CPU and 56 s with two against 129 s and 66 s with three. The
        // projects share the workers.
        maxWorkers: 2,
        sequence: {sequencer: LongestFirst},
        projects: [
            {
                extends: true,
                test: {name: "unit", include: UNIT, isolate: false},
            },
            {
                extends: true,
                test: {
                    name: "e2e",
                    include: ["test/**/*.test.ts"],
                    exclude: ["**/node_modules/**", ...UNIT, ...INTEGRATION],
                    isolate: false,
                },
            },
            {
                extends: true,
                test: {name: "integration", include: INTEGRATION, isolate: false},
            },
        ],
    },
})
