/** One app for the conformance suite: files by app-relative path. */
export type AppFiles = Record<string, string>

export interface Case {
    name: string
    files: AppFiles
}
