import path from "node:path"
import {describe, expect, it} from "vitest"
import {FORMAT_NAMES, getFormatter} from "../src/formatters/index.js"
import {RULE_DOCS} from "../src/lint/engine.js"
import type {LintReport} from "../src/lint/types.js"
import {ESLINT_RESULT_KEYS} from "./support/eslint-json.js"

const ANSI = /\u001b\[/

const cwd = path.resolve("/tmp/attio app")
const handlerPath = path.join(cwd, "src", "webhooks", "new deal.webhook.ts")
const eventPath = path.join(cwd, "src", "events", "connection-added.event.ts")
const cleanPath = path.join(cwd, "src", "webhooks", "clean.webhook.ts")

const handlerSource = [
    'import {attioFetch} from "attio/server"',
    "",
    "export const handler = async (request: Request) => {",
    "    return new Response(null)",
    "}",
].join("\n")

const trickyMessage = "100% sure: id, name\nsecond line"

function makeReport(): LintReport {
    return {
        appRoot: cwd,
        cwd,
        settings: {},
        results: [
            {
                filePath: handlerPath,
                messages: [
                    {
                        ruleId: "webhook-default-export",
                        severity: 2,
                        message: "A webhook handler must be the default export.",
                        messageId: "missingDefault",
                        line: 3,
                        column: 14,
                        endLine: 3,
                        endColumn: 21,
                        hint: "Write `export default async function handler(request: Request)`.",
                    },
                ],
                errorCount: 1,
                warningCount: 0,
                fixableErrorCount: 0,
                fixableWarningCount: 0,
                source: handlerSource,
            },
            {
                filePath: eventPath,
                messages: [
                    {
                        ruleId: "event-connection-type",
                        severity: 1,
                        message: trickyMessage,
                        messageId: "tricky",
                        line: 2,
                        column: 5,
                        endLine: 2,
                        endColumn: 9,
                    },
                ],
                errorCount: 0,
                warningCount: 1,
                fixableErrorCount: 0,
                fixableWarningCount: 0,
            },
            {
                filePath: cleanPath,
                messages: [],
                errorCount: 0,
                warningCount: 0,
                fixableErrorCount: 0,
                fixableWarningCount: 0,
            },
        ],
        rules: [
            {
                id: "event-connection-type",
                description: "Connection event handlers receive a Connection.",
                defaultSeverity: "warn",
                help: "Type the parameter as `Connection` from attio/server.",
                helpMarkdown: "Type the parameter as `Connection` from attio/server.",
                helpUri: "https://example.com/rules",
                requiresTypeInformation: false,
            },
            {
                id: "webhook-default-export",
                description: "Webhook handlers are the module's default export.",
                defaultSeverity: "error",
                help: "The platform calls the default export; named exports are ignored.",
                helpMarkdown: "The platform calls the default export; named exports are ignored.",
                helpUri: "https://example.com/rules",
                requiresTypeInformation: false,
            },
        ],
        errorCount: 1,
        warningCount: 1,
        stats: {
            filesScanned: 3,
            filesParsed: 3,
            typeCheckedFiles: [],
            typescript: "none",
            fixedFiles: [],
            durationMs: 1,
        },
    }
}

function emptyReport(): LintReport {
    const report = makeReport()
    return {
        ...report,
        results: [{...report.results[2]}],
        errorCount: 0,
        warningCount: 0,
    }
}

describe("getFormatter", () => {
    it("has a formatter for every format name", () => {
        for (const name of FORMAT_NAMES) expect(getFormatter(name)).toBeTypeOf("function")
    })
})

describe("stylish", () => {
    const stylish = getFormatter("stylish")

    it("prints files, positions, rules, excerpts, hints and a summary without colour", () => {
        const output = stylish(makeReport(), {color: false})
        expect(output).not.toMatch(ANSI)
        expect(output).toContain("src/webhooks/new deal.webhook.ts\n")
        expect(output).toContain("src/events/connection-added.event.ts\n")
        expect(output).not.toContain("clean.webhook.ts")
        expect(output).toMatch(
            /^ {2}3:14 {2}error {2}A webhook handler must be the default export\. {2}webhook-default-export$/m
        )
        expect(output).toMatch(/^ {2}2:5 {2}warning {2}100% sure/m)
        expect(output).toContain("event-connection-type")
        expect(output).toMatch(/^ {4}> 3 \| export const handler = async/m)
        expect(output).toContain("\n        |              ^^^^^^^\n")
        expect(output).toContain("    hint: Write `export default async function handler(request: Request)`.\n")
        expect(output).toContain("✖ 2 problems (1 error, 1 warning)\n")
    })

    it("colours when asked", () => {
        const output = stylish(makeReport(), {color: true})
        expect(output).toMatch(ANSI)
        expect(output).toContain("2 problems (1 error, 1 warning)")
    })

    it("prints nothing without problems", () => {
        expect(stylish(emptyReport(), {color: false})).toBe("")
        expect(stylish(emptyReport(), {color: true})).toBe("")
    })
})

describe("json", () => {
    const output = JSON.parse(getFormatter("json")(makeReport(), {color: true}))

    it("has ESLint's shape, keys in order", () => {
        expect(output).toHaveLength(3)
        expect(Object.keys(output[0])).toEqual(ESLINT_RESULT_KEYS)
        expect(Object.keys(output[0].messages[0])).toEqual([
            "ruleId",
            "severity",
            "message",
            "line",
            "column",
            "nodeType",
            "messageId",
            "endLine",
            "endColumn",
        ])
        expect(output[0].messages[0]).toEqual({
            ruleId: "webhook-default-export",
            severity: 2,
            message: "A webhook handler must be the default export.",
            line: 3,
            column: 14,
            nodeType: null,
            messageId: "missingDefault",
            endLine: 3,
            endColumn: 21,
        })
    })

    it("keeps absolute paths and every file, the source of files with problems, and leaves hints out", () => {
        expect(output.map((file: {filePath: string}) => file.filePath)).toEqual([handlerPath, eventPath, cleanPath])
        expect(output[1].messages[0].message).toBe(trickyMessage)
        expect(output[0].source).toBe(handlerSource)
        expect(output[2].messages).toEqual([])
        expect(output[2]).not.toHaveProperty("source")
        expect(JSON.stringify(output)).not.toContain("hint")
    })
})

describe("sarif", () => {
    const log = JSON.parse(getFormatter("sarif")(makeReport(), {color: true}))
    const run = log.runs[0]

    it("describes the tool and every rule", () => {
        expect(log.version).toBe("2.1.0")
        expect(log.$schema).toBe("https://json.schemastore.org/sarif-2.1.0.json")
        expect(log.runs).toHaveLength(1)
        expect(run.tool.driver.name).toBe("attio-lint")
        expect(run.tool.driver.version).toMatch(/^\d+\.\d+\.\d+/)
        expect(run.tool.driver.rules.map((rule: {id: string}) => rule.id)).toEqual([
            "event-connection-type",
            "webhook-default-export",
        ])
        const rule = run.tool.driver.rules[1]
        expect(rule.name).toBe("WebhookDefaultExport")
        expect(rule.shortDescription.text).toBe("Webhook handlers are the module's default export.")
        expect(rule.help.text).toBe("The platform calls the default export; named exports are ignored.")
        expect(rule.defaultConfiguration.level).toBe("error")
        expect(run.tool.driver.rules[0].defaultConfiguration.level).toBe("warning")
        expect(run.columnKind).toBe("utf16CodeUnits")
        expect(run.originalUriBaseIds["%SRCROOT%"].uri).toMatch(/^file:\/\/.*\/attio%20app\/$/)
    })

    it("reports each message with a relative location and a fingerprint", () => {
        expect(run.results).toHaveLength(2)
        const [error, warning] = run.results
        expect(error.ruleId).toBe("webhook-default-export")
        expect(run.tool.driver.rules[error.ruleIndex].id).toBe(error.ruleId)
        expect(run.tool.driver.rules[warning.ruleIndex].id).toBe(warning.ruleId)
        expect(error.level).toBe("error")
        expect(warning.level).toBe("warning")
        expect(error.message.text).toBe(
            "A webhook handler must be the default export. Write `export default async function handler(request: Request)`."
        )
        expect(warning.message.text).toBe(trickyMessage)
        const location = error.locations[0].physicalLocation
        expect(location.artifactLocation.uri).toBe("src/webhooks/new%20deal.webhook.ts")
        expect(location.artifactLocation.uriBaseId).toBe("%SRCROOT%")
        expect(location.region).toEqual({startLine: 3, startColumn: 14, endLine: 3, endColumn: 21})
        expect(error.partialFingerprints.primaryLocationLineHash).toMatch(/^[0-9a-f]{16}:1$/)
        expect(warning.partialFingerprints.primaryLocationLineHash).toMatch(/^[0-9a-f]{16}:1$/)
    })

    it("keeps fingerprints stable when lines move", () => {
        const moved = makeReport()
        const result = moved.results[0]
        result.source = `// a new first line\n${handlerSource}`
        result.messages[0] = {...result.messages[0], line: 4, endLine: 4}
        const movedLog = JSON.parse(getFormatter("sarif")(moved, {color: false}))
        expect(movedLog.runs[0].results[0].partialFingerprints).toEqual(run.results[0].partialFingerprints)
    })
})

describe("sarif help.markdown of the real rules", () => {
    const rules = JSON.parse(getFormatter("sarif")({...makeReport(), rules: [...RULE_DOCS]}, {color: false})).runs[0]
        .tool.driver.rules
    const markdown = (id: string): string => rules.find((rule: {id: string}) => rule.id === id).help.markdown
    /** The text outside fenced blocks and code spans. */
    const prose = (text: string) => text.replace(/```ts\n[\s\S]*?\n```/g, "").replace(/`[^`]*`/g, "")

    it("fences code as TypeScript, with a remark below the block", () => {
        expect(markdown("webhook-response")).toContain("Wrong:\n\n```ts\ntry {\n")
        expect(markdown("client-import")).toContain(
            'Right:\n\n```ts\nimport {createWebhookHandler} from "attio/server"\n```\n\n(types alone: `import type {…} from "attio/client"`)'
        )
    })

    it("writes paths as paths, not as code blocks, and the code in a sentence as code spans", () => {
        expect(markdown("webhook-location")).toContain(
            "Wrong:\n\n- `src/handlers/prospect-updated.webhook.ts`\n- `src/webhooks/prospect-updated.webhook.tsx`\n- `src/webhooks/prospect-updated.ts`\n\nRight:\n\n- `src/webhooks/prospect-updated.webhook.ts` (or `src/app/webhooks/…`)"
        )
        expect(markdown("unregistered-webhook")).toContain(
            'Wrong:\n\n`src/webhooks/deal-closed.webhook.ts` exists, but nothing calls `createWebhookHandler({fileName: "deal-closed"})`\n'
        )
        expect(markdown("webhook-signature")).toMatch(
            /^A webhook handler takes the Fetch API Request and returns Response or `Promise<Response>`\./
        )
    })

    it("leaves no path, quoted string or tag outside code in any rule's help", () => {
        for (const rule of rules) {
            expect(rule.help.markdown.split("```").length % 2, rule.id).toBe(1)
            expect(prose(rule.help.markdown), rule.id).not.toMatch(/\w\/\w|\.[jt]sx?\b|"|(?<!\\)[<>]/)
        }
    })
})

describe("github", () => {
    const github = getFormatter("github")

    it("prints one escaped workflow command per message", () => {
        const lines = github(makeReport(), {color: true}).split("\n")
        expect(lines).toEqual([
            "::error file=src/webhooks/new deal.webhook.ts,line=3,col=14,endLine=3,endColumn=21," +
                "title=attio-lint (webhook-default-export)::A webhook handler must be the default export.",
            "::warning file=src/events/connection-added.event.ts,line=2,col=5,endLine=2,endColumn=9," +
                "title=attio-lint (event-connection-type)::100%25 sure: id, name%0Asecond line",
            "",
        ])
    })

    it("escapes property values", () => {
        const report = makeReport()
        report.results[0].filePath = path.join(cwd, "a,b:c%.webhook.ts")
        const line = github(report, {color: false}).split("\n")[0]
        expect(line).toMatch(/^::error file=a%2Cb%3Ac%25\.webhook\.ts,line=3,/)
    })

    it("prints nothing without problems", () => {
        expect(github(emptyReport(), {color: false})).toBe("")
    })
})
