/** What the bins' bundles share (cli-bundle.ts for attio-lint, app-bundle.ts for attio-app). */
import path from "node:path"

import {build, type Metafile, type Plugin} from "esbuild"

import {PACKAGE_ROOT} from "../package-info.js"

/** Bundled CommonJS packages call `require`, which an ES module lacks: each output file gets its own. */
const REQUIRE_BANNER =
    'import {createRequire as __attioLintCreateRequire} from "node:module";\nconst require = __attioLintCreateRequire(import.meta.url);'

/**
 * Replaces the bin `bin` (tsc's output) by one ES module for Node 20, whose lazily imported parts are chunks in the
 * folder `chunks` beside it; prints how many modules went into how many files.
 */
export async function bundleBin(
    bin: string,
    options: {chunks: string; external: string[]; plugins?: Plugin[]}
): Promise<Metafile> {
    const {metafile} = await build({
        entryPoints: [bin],
        outdir: path.dirname(bin),
        allowOverwrite: true,
        bundle: true,
        splitting: true,
        chunkNames: `${options.chunks}/[name]-[hash]`,
        format: "esm",
        platform: "node",
        target: "node20",
        external: options.external,
        banner: {js: REQUIRE_BANNER},
        plugins: options.plugins,
        legalComments: "inline",
        logLevel: "silent",
        metafile: true,
    })
    const inputs = Object.keys(metafile.inputs).length
    const outputs = Object.keys(metafile.outputs).length
    console.log(`${path.relative(PACKAGE_ROOT, bin)}: ${inputs} modules in ${outputs} files`)
    return metafile
}
