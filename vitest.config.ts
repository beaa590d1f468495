import {defineConfig} from "vitest/config"

/**
 * Two projects. `unit`: the source run in-process (rules, engine, formatters, the ESLint plugin, scaffolding's AST
 * edits), no build needed and no process spawned; its files reuse the worker processes (not isolated), so TypeScript,
 * ts-morph and the parsed lib files load once per worker. `e2e`: the built bins and generators (dist/, `npm run build` first) spawned on real
 * apps in temp dirs; its files share worker processes too (about 0.35 s of CPU saved a file), the setup file
 * putting the working folder back after each.
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
    "test/testing/signature-options.test.ts",
    "test/order.test.ts",
    "test/text-edit.test.ts",
]

export default defineConfig({
    test: {
        // yeoman-test calls process.chdir, which worker threads do not allow.
        pool: "forks",
        setupFiles: ["test/support/cleanup.ts"],
        testTimeout: 120_000,
        hookTimeout: 300_000,
        // Most of an e2e test's time is a child process's (the bins, tsc, `attio build`, npm): more files at once
        // than cores keeps both cores busy (vitest's default is one fewer than the cores: one, here). The projects
        // share the workers.
        maxWorkers: 3,
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
                    exclude: ["**/node_modules/**", ...UNIT],
                    isolate: false,
                },
            },
        ],
    },
})
