/**
 * Small apps in temp dirs, for every kind of test. A module of its own, without the lint engine or ESLint, so that
 * an e2e test file that only spawns the bins does not load them.
 */
import fs from "node:fs"
import os from "node:os"
import path from "node:path"

/** An app's files by app-relative path. */
export type AppFiles = Record<string, string>

/** Every app writeApp made (and dir tempDir made) that removeWrittenApps has not removed yet, in this process. */
const written: string[] = []

/** A fresh empty temp dir, removed with the apps: `afterAll(removeWrittenApps)`. */
export function tempDir(prefix: string): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
    written.push(dir)
    return dir
}

/** Removes the apps writeApp made and the dirs tempDir made: `afterAll(removeWrittenApps)`. */
export function removeWrittenApps(): void {
    for (const root of written.splice(0)) fs.rmSync(root, {recursive: true, force: true})
}

/** Writes an app to a fresh temp dir; a package.json is added unless the files have one. */
export function writeApp(files: AppFiles, sdkVersion?: string): string {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "attio-lint-rule-"))
    written.push(root)
    const all: AppFiles = {"package.json": '{"name": "test-app", "private": true}', ...files}
    if (sdkVersion) all["node_modules/attio/package.json"] = JSON.stringify({name: "attio", version: sdkVersion})
    for (const [rel, text] of Object.entries(all)) {
        const file = path.join(root, rel)
        fs.mkdirSync(path.dirname(file), {recursive: true})
        fs.writeFileSync(file, text)
    }
    return root
}
