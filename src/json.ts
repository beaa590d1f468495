/** What parsed JSON may be, checked where a file of the user's (or a cache) was read. */

/** Whether a parsed JSON value is an object: not null, not an array, not a primitive. */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value)
}
