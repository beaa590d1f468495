// The repository's own ESLint run (`npm run lint:repo`): ESLint's and typescript-eslint's recommended rules,
// no stylistic rules (prettier owns the layout). Not the ESLint plugin this package ships (src/eslint-plugin).
import js from "@eslint/js"
import {defineConfig} from "eslint/config"
import globals from "globals"
import tseslint from "typescript-eslint"

export default defineConfig(
    {
        // Build output, caches, generated benchmark apps, and bundles that `attio build` wrote (conformance fixtures).
        ignores: [
            "**/dist/",
            "**/node_modules/",
            ".cache/",
            "bench/apps/",
            "bench/.cache/",
            "test/conformance/fixtures/",
        ],
    },
    js.configs.recommended,
    tseslint.configs.recommended,
    {
        languageOptions: {globals: {...globals.node}},
        rules: {
            // Terminal escapes and control characters are what the formatters and their tests deliberately match.
            "no-control-regex": "off",
            // `_name` says "unused on purpose" (a parameter a signature needs, a key left out by a rest pattern).
            "@typescript-eslint/no-unused-vars": [
                "error",
                {argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_"},
            ],
        },
    }
)
