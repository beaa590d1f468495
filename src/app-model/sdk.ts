/** What the installed attio SDK's version (App.sdkVersion) says; a module of its own, light enough for any rule to load. */

/** Whether the SDK predates 1.0, where `attioFetch` still works (and generated handlers use it). */
export function isLegacySdk(version: string | undefined): boolean {
    return version !== undefined && Number.parseInt(version, 10) < 1
}
