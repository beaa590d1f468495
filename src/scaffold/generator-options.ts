/**
 * The generators' arguments and options, declared once for Yeoman (generator.ts) and for `attio-app <generator>
 * --help`, which prints them from here: this module loads neither Yeoman nor TypeScript, so the help answers at once.
 */
import {EVENT_NAMES} from "../app-model/layout.js"

export interface OptionSpec {
    name: string
    type: "boolean" | "string"
    alias?: string
    description: string
    /** Accepted (scripts may pass it to every generator) but left out of --help: it changes nothing here. */
    hide?: boolean
}

export interface ArgumentSpec {
    name: string
    description: string
}

export interface GeneratorSpec {
    arguments: ArgumentSpec[]
    options: OptionSpec[]
}

export type GeneratorName = "app" | "webhook" | "event"

/** What every generator accepts; `conflicts: false` hides the options that only matter when a file can conflict. */
function writeOptions(conflicts: boolean): OptionSpec[] {
    return [
        {name: "yes", type: "boolean", alias: "y", description: "Take the default for every question; never prompt"},
        {
            name: "force",
            type: "boolean",
            description: "Overwrite files that differ (the existing handler file)",
            hide: !conflicts,
        },
        {name: "dry-run", type: "boolean", description: "Show what would be written, with diffs; write nothing"},
        {
            name: "bail",
            type: "boolean",
            description: "Fail, writing nothing, instead of asking about a conflict",
            hide: !conflicts,
        },
        {
            name: "allow-symlinks",
            type: "boolean",
            description:
                "Follow symbolic links that point elsewhere in the app's git repository (default: only inside the app)",
        },
    ]
}

const WEBHOOK_OPTIONS: OptionSpec[] = [
    {
        name: "event",
        type: "string",
        description: "The third party's event to subscribe to, e.g. lead.processed (default: the id)",
    },
    {
        name: "register-url",
        type: "string",
        description:
            "The third party's API endpoint that creates webhooks (POST; <url>/<id> deletes one). Default: a placeholder the next steps ask you to replace",
    },
    {
        name: "test",
        type: "boolean",
        description: "Write a vitest test beside the handler (default: when the app uses vitest); --no-test skips it",
    },
    {
        name: "verify",
        type: "string",
        description: "Verify the third party's signature over the raw body: hmac-sha256 (needs --signature-header)",
    },
    {
        name: "signature-header",
        type: "string",
        description: "The request header with the third party's signature, e.g. X-Signature",
    },
    {
        name: "register",
        type: "boolean",
        description:
            "Register the handler in connection-added and delete it in connection-removed (default); --no-register writes the handler only",
    },
]

export const GENERATOR_SPECS: Record<GeneratorName, GeneratorSpec> = {
    webhook: {
        arguments: [
            {
                name: "name",
                description: "Handler id in kebab-case; nested ids such as crm/deal-closed are allowed",
            },
        ],
        options: [...writeOptions(true), ...WEBHOOK_OPTIONS],
    },
    // An event handler is only ever created, never replaced: nothing can conflict.
    event: {
        arguments: [{name: "name", description: EVENT_NAMES.join(" or ")}],
        options: writeOptions(false),
    },
    // Passes its options on to the generator it runs, whose --help lists its own.
    app: {
        arguments: [
            {name: "generator", description: "webhook or event"},
            {name: "name", description: "Passed on: the handler id, or the event name"},
        ],
        options: writeOptions(true),
    },
}

/** Yeoman's own options that these generators ignore (they install nothing and remember no answers). */
export const IGNORED_YEOMAN_OPTIONS = ["skip-cache", "skip-install", "force-install", "ask-answered"]

/** `<command> --help`: usage, the options that apply, the arguments (the layout of Yeoman's help, without its noise). */
export function helpText(command: string, spec: GeneratorSpec): string {
    const options: OptionSpec[] = [
        {name: "help", type: "boolean", alias: "h", description: "Print the generator's options and usage"},
        ...spec.options.filter((option) => option.hide !== true),
    ]
    const flags = options.map(
        (o) => `${o.alias ? `-${o.alias}, ` : "    "}--${o.name}${o.type === "string" ? " VALUE" : ""}`
    )
    const width = Math.max(...flags.map((f) => f.length), ...spec.arguments.map((a) => a.name.length))
    const row = (left: string, text: string) => `  ${left.padEnd(width)}  ${text}`
    return [
        "Usage:",
        `  ${command} ${spec.arguments.map((a) => `[<${a.name}>]`).join(" ")} [options]`,
        "",
        "Options:",
        ...options.map((option, i) => row(flags[i], option.description)),
        "",
        "Arguments:",
        ...spec.arguments.map((argument) => row(argument.name, argument.description)),
        "",
    ].join("\n")
}
