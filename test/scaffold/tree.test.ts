/** The Tree the generators' planners work on: reads see the run's pending writes; the host changes only on commit. */
import {describe, expect, it} from "vitest"
import {MemoryHost} from "../../src/scaffold/memory-host.js"
import {Tree} from "../../src/scaffold/tree.js"

function tree(files: Record<string, string>) {
    const host = new MemoryHost(files)
    return {host, tree: new Tree(host)}
}

describe("Tree", () => {
    it("reads see pending writes; the original stays what the host had", () => {
        const {tree: t} = tree({"a.ts": "old\n"})
        t.write("a.ts", "new\n")
        expect(t.read("a.ts")).toBe("new\n")
        expect(t.original("a.ts")?.text).toBe("old\n")
    })

    it("lists and finds new files and their folders", () => {
        const {tree: t} = tree({"src/app/events/x.event.ts": ""})
        t.write("src/app/webhooks/crm/deal.webhook.ts", "")
        expect(t.list("src/app").sort()).toEqual(["events", "webhooks"])
        expect(t.list("src/app/webhooks")).toEqual(["crm"])
        expect(t.exists("src/app/webhooks")).toBe(true)
        expect(t.exists("src/app/webhooks/crm/deal.webhook.ts")).toBe(true)
        expect(t.exists("src/app/webhooks/crm/other.webhook.ts")).toBe(false)
    })

    it("names each change after what the host has: create, update, or a conflict for a replaced file", () => {
        const {tree: t} = tree({"edited.ts": "a", "replaced.ts": "b"})
        t.write("new.ts", "1")
        t.write("edited.ts", "2")
        t.write("replaced.ts", "3", {replace: true})
        // A later edit of a replaced file is still a replacement the user is asked about.
        t.write("replaced.ts", "4")
        expect(t.changes).toEqual([
            {path: "new.ts", action: "create", content: "1"},
            {path: "edited.ts", action: "update", content: "2"},
            {path: "replaced.ts", action: "conflict", content: "4"},
        ])
        t.revert("replaced.ts")
        expect(t.read("replaced.ts")).toBe("b")
        expect(t.changes.map((c) => c.path)).toEqual(["new.ts", "edited.ts"])
    })

    it("changes the host only on commit, keeping a file's byte order mark", () => {
        const {host, tree: t} = tree({"bom.ts": "\uFEFFold\n"})
        expect(t.read("bom.ts")).toBe("old\n")
        t.write("bom.ts", "new\n")
        t.write("added.ts", "x\n")
        expect(host.files.get("bom.ts")).toBe("\uFEFFold\n")
        expect(host.files.has("added.ts")).toBe(false)
        t.commit()
        expect(host.files.get("bom.ts")).toBe("\uFEFFnew\n")
        expect(host.files.get("added.ts")).toBe("x\n")
    })
})
