/**
 * A refusal or failure the user can act on. The generators and the attio-app bin print only its message
 * (no stack trace), exit non-zero, and write nothing.
 */
export class ScaffoldError extends Error {
    override name = "ScaffoldError"
}
