/**
 * What the attio-app bundle (app-bundle.ts) puts in place of latest-version, which yeoman-generator imports for
 * `addDependencies` without a version (the generators never call it): the same function, loading the real one
 * (with package-json, ky and npm's configuration readers) on first use.
 */
import type * as LatestVersion from "latest-version"
import {loadFrom} from "./load.js"

export default async function latestVersion(
    ...args: Parameters<typeof LatestVersion.default>
): ReturnType<typeof LatestVersion.default> {
    return (await loadFrom<typeof LatestVersion>("yeoman-generator", "latest-version")).default(...args)
}
