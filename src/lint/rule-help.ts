/**
 * A rule's help as Markdown (SARIF `help.markdown`, which code scanning shows beside an alert). A
 * rule's docs examples are plain text of three kinds: code, file paths, and a sentence about files;
 * each is written as what it is: code in a fenced block, paths and the code inside a sentence as
 * code spans, and a remark after three spaces (`code   (why)`) as text below the code.
 */
import type {RuleMeta} from "./rule.js"

export function helpMarkdown(meta: RuleMeta): string {
    return `${inline(meta.description)}.\n\nWrong:\n\n${example(meta.docs.bad)}\n\nRight:\n\n${example(meta.docs.good)}`
}

/** A path with at least one folder (`src/app/webhooks/…`), or a file name with a script extension. */
const PATH = /(?:[\w@.…*-]+\/)+[\w@.…*-]*|[\w*-]+(?:\.[\w-]+)*\.(?:[cm]?[jt]sx?|json)\b/
/** An example line that is a sentence about a file: it starts with the file's path. */
const SENTENCE = new RegExp(`^(?:${PATH.source}) [a-z]`)
/** A line's remark: three spaces, then a parenthesis to the end of the line. */
const REMARK = /^(.*?\S) {3,}(\(.*\))$/

export function example(text: string): string {
    const lines = text.split("\n").map((line) => {
        const [, body = line, remark] = REMARK.exec(line) ?? []
        return {body, remark}
    })
    if (lines.some(({body}) => SENTENCE.test(body)))
        return lines.map(({body, remark}) => inline(remark ? `${body} ${remark}` : body)).join("\n")
    if (lines.every(({body}) => new RegExp(`^(?:${PATH.source})$`).test(body))) {
        return lines.map(({body, remark}) => `- \`${body}\`${remark ? ` ${inline(remark)}` : ""}`).join("\n")
    }
    const remarks = lines.flatMap(({remark}) => (remark ? [inline(remark)] : []))
    return ["```ts", ...lines.map(({body}) => body), "```", ...(remarks.length > 0 ? ["", ...remarks] : [])].join("\n")
}

/**
 * Prose with its code as code spans: what is quoted in backticks already, import declarations, calls,
 * string literals, generic types and paths. The rest is escaped, so that `Promise<Response>` is never
 * read as an HTML tag.
 */
const CODE = new RegExp(
    [
        /`[^`]*`/.source,
        /import (?:type )?\{[^}]*\} from "[^"]*"/.source,
        /[A-Za-z_$][\w$.]*\((?:[^()]|\([^()]*\))*\)/.source,
        /"[^"]*"/.source,
        /[A-Za-z_$][\w$]*<[\w$<>, ]+>/.source,
        PATH.source,
    ].join("|"),
    "g"
)

export function inline(prose: string): string {
    let markdown = ""
    let last = 0
    for (const match of prose.matchAll(CODE)) {
        markdown += escape(prose.slice(last, match.index)) + (match[0].startsWith("`") ? match[0] : `\`${match[0]}\``)
        last = match.index + match[0].length
    }
    return markdown + escape(prose.slice(last))
}

function escape(text: string): string {
    return text.replace(/[\\*_<>[\]]/g, "\\$&")
}
