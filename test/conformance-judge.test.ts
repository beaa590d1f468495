/**
 * The conformance suite's verdicts (test/conformance/run.ts, test/conformance/policy.ts): which platform behaviour
 * confirms a finding, and when the platform contradicts it.
 */
import {describe, expect, it} from "vitest"

import type {BuildResult, Dispatch, RunResult} from "./conformance/platform.js"
import {type Finding, judge, unexplainedFailures} from "./conformance/run.js"

const FILES = {"src/webhooks/a.webhook.ts": "", "src/impl/a.ts": "", "src/events/connection-added.event.ts": ""}

const built: BuildResult = {ok: true, diagnostics: [], output: "", bundle: "", seconds: 1}

function finding(ruleId: string, file: string, message = "m"): Finding {
    return {ruleId, severity: 2, file, line: 1, message, caseName: "case"}
}

function ran(dispatches: Partial<Dispatch>[] = [], overrides: Partial<RunResult> = {}): RunResult {
    return {
        webhookIds: ["a"],
        eventIds: ["connection-added"],
        registered: ["a"],
        bundledFiles: Object.keys(FILES),
        dispatches: dispatches.map((d) => ({
            kind: "webhook",
            id: "a",
            file: "src/webhooks/a.webhook.ts",
            failed: false,
            detail: "answered 200",
            stackFiles: [],
            ...d,
        })),
        ...overrides,
    }
}

describe("judge", () => {
    it("a build error in the finding's file confirms a rule that accepts build", () => {
        const build = {...built, ok: false, diagnostics: [{file: "src/webhooks/a.webhook.ts", text: "TS7030"}]}
        expect(judge(finding("webhook-response", "src/webhooks/a.webhook.ts"), FILES, build, undefined).verdict).toBe(
            "build"
        )
    })

    it("a build that failed elsewhere masks the finding", () => {
        const build = {...built, ok: false, diagnostics: [{file: "src/impl/a.ts", text: "TS2322"}]}
        expect(judge(finding("async-handler", "src/webhooks/a.webhook.ts"), FILES, build, undefined).verdict).toBe(
            "masked"
        )
    })

    it("a failed dispatch confirms findings in the handler and where its default is defined", () => {
        const run = ran([{failed: true, detail: "returned undefined", defaultFile: "src/impl/a.ts"}])
        expect(judge(finding("webhook-response", "src/impl/a.ts"), FILES, built, run).verdict).toBe("runtime")
        expect(judge(finding("webhook-response", "src/webhooks/a.webhook.ts"), FILES, built, run).verdict).toBe(
            "runtime"
        )
    })

    it("code that builds and runs contradicts a rule that does not accept the contract", () => {
        expect(judge(finding("webhook-response", "src/webhooks/a.webhook.ts"), FILES, built, ran()).verdict).toBe(
            "contradicted"
        )
        expect(judge(finding("async-handler", "src/webhooks/a.webhook.ts"), FILES, built, ran()).verdict).toBe(
            "contract"
        )
    })

    it("a webhook the platform created contradicts unregistered-webhook; one it never created confirms it", () => {
        const file = "src/webhooks/a.webhook.ts"
        expect(judge(finding("unregistered-webhook", file), FILES, built, ran()).verdict).toBe("contradicted")
        expect(judge(finding("unregistered-webhook", file), FILES, built, ran([], {registered: []})).verdict).toBe(
            "ignored"
        )
    })

    it("a file outside the bundle is ignored", () => {
        const run = ran([], {bundledFiles: []})
        expect(judge(finding("webhook-location", "src/impl/a.ts"), FILES, built, run).verdict).toBe("ignored")
    })

    it("webhook-filename's contract holds only when the bundle has no handler of that name", () => {
        const file = "src/events/connection-added.event.ts"
        const missing = judge(
            finding("webhook-filename", file, 'fileName "b" names no webhook handler'),
            FILES,
            built,
            ran()
        )
        expect(missing.verdict).toBe("contract")
        const present = judge(
            finding("webhook-filename", file, 'fileName "a" names no webhook handler'),
            FILES,
            built,
            ran()
        )
        expect(present.verdict).toBe("contradicted")
    })
})

describe("unexplainedFailures", () => {
    const failedBuild = {...built, ok: false, diagnostics: [{file: "src/webhooks/a.webhook.ts", text: "TS2307"}]}

    it("a build error is explained only by a finding of a rule whose reason is the build", () => {
        const warning = {...finding("unregistered-webhook", "src/webhooks/a.webhook.ts"), severity: 1 as const}
        expect(unexplainedFailures([warning], FILES, failedBuild, undefined)).toEqual([
            "build: src/webhooks/a.webhook.ts: TS2307",
        ])
        expect(
            unexplainedFailures([finding("default-export", "src/webhooks/a.webhook.ts")], FILES, failedBuild, undefined)
        ).toEqual([])
    })

    it("a failed dispatch is explained by a run-time rule's finding where the default is defined", () => {
        const run = ran([{failed: true, detail: "returned null", defaultFile: "src/impl/a.ts"}])
        expect(unexplainedFailures([], FILES, built, run)).toEqual(["run time: webhook a: returned null"])
        expect(unexplainedFailures([finding("webhook-response", "src/impl/a.ts")], FILES, built, run)).toEqual([])
    })

    it("a handler-like file the platform never runs is a miss without a location finding", () => {
        const files = {...FILES, "src/events/connection-added.events.ts": ""}
        expect(unexplainedFailures([], files, built, ran())).toEqual([
            "ignored: src/events/connection-added.events.ts: not in the bundle: the build did not discover it and nothing imports it",
        ])
        const located = finding("event-location", "src/events/connection-added.events.ts")
        expect(unexplainedFailures([located], files, built, ran())).toEqual([])
    })
})
