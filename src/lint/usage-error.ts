/** A problem with the user's input or setup: exit code 2, one line, no stack. Its own module so that the CLI can tell it without loading the rules. */
export class UsageError extends Error {}
