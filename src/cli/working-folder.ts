/**
 * The folder a bin runs in, shared by attio-lint and attio-app. Deleted under the shell (a checkout, `rm -rf` of a
 * build folder), it cannot be read: the user's setup, not ours, so the caller throws its own usage error with this
 * message (without a final full stop: each bin ends its lines in its own style).
 */
export function readWorkingFolder(cwd: () => string): string | {problem: string} {
    try {
        return cwd()
    } catch (error) {
        return {
            problem: `the working folder cannot be read (${(error as Error).message}); it may have been deleted. Go to the app's folder and run again`,
        }
    }
}
