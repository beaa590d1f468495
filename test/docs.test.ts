/**
 * The docs beside the code stay true to it: the rule pages and the README's rules table are what
 * `npm run docs:rules` writes from the rules' meta today, SARIF points at those pages only when the
 * repository's address is known, and every relative link in the Markdown reaches a file and heading.
 */
import fs from "node:fs"
import path from "node:path"

import {describe, expect, it} from "vitest"

import type {Log} from "sarif"

import {generatedDocs, RULE_DOCS_DIR} from "../src/build/rule-docs.js"
import {getFormatter} from "../src/formatters/index.js"
import {RULE_DOCS} from "../src/lint/engine.js"
import {RULES} from "../src/lint/rules/index.js"
import type {LintReport} from "../src/lint/types.js"
import {repositoryFileUrl} from "../src/package-info.js"
import {PACKAGE_ROOT} from "./support/bin.js"

const read = (rel: string) => fs.readFileSync(path.join(PACKAGE_ROOT, rel), "utf8")

const generated = await generatedDocs(PACKAGE_ROOT)

describe("rule docs", () => {
    it.each([...generated.keys()])("%s is what `npm run docs:rules` writes from the rules' meta", (file) => {
        const committed = fs.existsSync(path.join(PACKAGE_ROOT, file)) ? read(file) : "(missing)"
        expect(committed, `${file} is out of date: run \`npm run docs:rules\` and commit the result`).toBe(
            generated.get(file)
        )
    })

    it("has a page for each rule and no other", () => {
        const pages = fs.readdirSync(path.join(PACKAGE_ROOT, RULE_DOCS_DIR)).sort()
        expect(pages).toEqual(RULES.map((r) => `${r.meta.id}.md`).sort())
    })

    it("changes when a rule's meta changes", async () => {
        const {meta} = RULES[0]
        const page = `${RULE_DOCS_DIR}/${meta.id}.md`
        for (const changed of [
            {...meta, description: `${meta.description}, now`},
            {...meta, docs: {...meta.docs, good: `${meta.docs.good}\n// now`}},
        ]) {
            // A page is made from its rule's meta alone: the other rules' pages need not be formatted again.
            const docs = await generatedDocs(PACKAGE_ROOT, [changed])
            expect(docs.get(page)).not.toBe(read(page))
        }
    })

    it("writes the examples as SARIF's help does: paths as a list, code fenced as TypeScript", () => {
        expect(read(`${RULE_DOCS_DIR}/webhook-location.md`)).toContain("## Wrong\n\n- `src/handlers/")
        expect(read(`${RULE_DOCS_DIR}/webhook-response.md`)).toContain("## Wrong\n\n```ts\ntry {")
    })
})

describe("SARIF helpUri", () => {
    it("points at the rule's page when package.json names the repository, and is absent while it does not", () => {
        const manifest = JSON.parse(read("package.json")) as {repository?: unknown}
        for (const rule of RULE_DOCS) {
            if (manifest.repository === undefined) expect(rule.helpUri).toBeUndefined()
            else expect(rule.helpUri).toMatch(new RegExp(`^https://.+/blob/HEAD/docs/rules/${rule.id}\\.md$`))
        }
    })

    it("reaches SARIF's rule descriptors as it is", () => {
        const report = {cwd: PACKAGE_ROOT, results: [], rules: [...RULE_DOCS]} as unknown as LintReport
        const log = JSON.parse(getFormatter("sarif")(report, {color: false})) as Log
        const descriptors = log.runs[0].tool.driver.rules ?? []
        expect(descriptors.map((d) => d.helpUri)).toEqual(RULE_DOCS.map((r) => r.helpUri))
    })

    it("names the tool's informationUri from package.json's repository too, never a guessed address", () => {
        const manifest = JSON.parse(read("package.json")) as {repository?: unknown}
        const report = {cwd: PACKAGE_ROOT, results: [], rules: []} as unknown as LintReport
        const log = JSON.parse(getFormatter("sarif")(report, {color: false})) as Log
        const uri = log.runs[0].tool.driver.informationUri
        if (manifest.repository === undefined) expect(uri).toBeUndefined()
        else expect(uri).toMatch(/^https:\/\/[^/]+\/[^/]+\/[^/]+$/)
    })

    it.each([
        ["github:owner/repo", "https://github.com/owner/repo"],
        ["owner/repo", "https://github.com/owner/repo"],
        ["gitlab:group/repo", "https://gitlab.com/group/repo"],
        [{type: "git", url: "git+https://github.com/owner/repo.git"}, "https://github.com/owner/repo"],
        [{type: "git", url: "git+ssh://git@github.com/owner/repo.git"}, "https://github.com/owner/repo"],
        ["git@github.com:owner/repo.git", "https://github.com/owner/repo"],
        ["https://github.com/owner/repo/", "https://github.com/owner/repo"],
    ])("reads repository %j as npm does", (repository, web) => {
        expect(repositoryFileUrl("docs/rules/x.md", repository)).toBe(`${web}/blob/HEAD/docs/rules/x.md`)
    })

    it("is never guessed", () => {
        expect(repositoryFileUrl("docs/rules/x.md", undefined)).toBeUndefined()
        expect(repositoryFileUrl("docs/rules/x.md", {})).toBeUndefined()
    })
})

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
function anchors(markdown: string): Set<string> {
    const headings = markdown.replace(/^```[\s\S]*?^```/gm, "").match(/^#{1,6} .+$/gm) ?? []
    return new Set(
        headings.map((h) =>
            h
                .replace(/^#+ /, "")
                .toLowerCase()
                .replace(/[^\p{L}\p{N} _-]/gu, "")
                .replace(/ /g, "-")
        )
    )
}

function markdownFiles(): string[] {
    const docs = fs.readdirSync(path.join(PACKAGE_ROOT, "docs"), {recursive: true, encoding: "utf8"})
    return ["README.md", "CONTRIBUTING.md", ...docs.filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`)]
}

describe.each(markdownFiles())("%s", (file) => {
    it("links only to files and headings that exist", () => {
        const text = read(file).replace(/^```[\s\S]*?^```/gm, "")
        const broken: string[] = []
        for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
            if (/^[a-z]+:/i.test(target)) continue
            const [rel, anchor] = target.split("#")
            const resolved =
                rel === ""
                    ? path.join(PACKAGE_ROOT, file)
                    : path.resolve(path.dirname(path.join(PACKAGE_ROOT, file)), rel)
            if (!fs.existsSync(resolved)) broken.push(target)
            else if (
                anchor !== undefined &&
                resolved.endsWith(".md") &&
                !anchors(fs.readFileSync(resolved, "utf8")).has(anchor)
            ) {
                broken.push(target)
            }
        }
        expect(broken).toEqual([])
    })
})

it("comments in the code point inside the repository", () => {
    // The project's notes outside the repository (../shared/, a workspace path) are no reference for a reader of it.
    const outside = /\/work\/|\.\.\/shared\/|shared\/seed\/|attio-platform\.md|\/home\/\w+\//
    const hits: string[] = []
    for (const dir of ["src", "generators", "test", "bench"]) {
        for (const rel of fs.readdirSync(path.join(PACKAGE_ROOT, dir), {recursive: true, encoding: "utf8"})) {
            const file = path.join(dir, rel)
            // Caches and installed packages (bench/.cache, node_modules) are not the repository's code.
            if (/(^|\/)(\.cache|node_modules|apps)\//.test(file)) continue
            if (!/\.(ts|js|mjs|cjs)$/.test(file) || file === path.join("test", "docs.test.ts")) continue
            read(file)
                .split("\n")
                .forEach((line, i) => {
                    // The comment part of the line only: test data may well hold such paths.
                    const comment = /(?:^\s*\*|\/\/|\/\*)(.*)$/.exec(line)?.[1]
                    if (comment !== undefined && outside.test(comment)) hits.push(`${file}:${i + 1}: ${line.trim()}`)
                })
        }
    }
    expect(hits).toEqual([])
})
