import {defineConfig} from "vitest/config"

export default defineConfig({
    test: {
        include: ["test/**/*.test.ts"],
        // yeoman-test calls process.chdir, which worker threads do not allow.
        pool: "forks",
        testTimeout: 120_000,
        hookTimeout: 300_000,
    },
})
