/** This package's own folder and manifest. */
import fs from "node:fs"
import path from "node:path"
import {fileURLToPath} from "node:url"

/**
 * The package's folder. Modules run from src/ (tests) and from dist/src/ (built), at different
 * depths, so it is the nearest folder with a package.json above this module.
 */
export const PACKAGE_ROOT = findPackageRoot(path.dirname(fileURLToPath(import.meta.url)))

interface Manifest {
    name: string
    version: string
    repository?: string | {url?: string}
}

let manifest: Manifest | undefined

function readManifest(): Manifest {
    manifest ??= JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, "package.json"), "utf8")) as Manifest
    return manifest
}

export function packageVersion(): string {
    return readManifest().version
}

/** npm's shorthands for `repository` (`github:owner/repo`, or `owner/repo` for GitHub). */
const HOSTS: Record<string, string> = {github: "github.com", gitlab: "gitlab.com", bitbucket: "bitbucket.org"}

/**
 * The repository's web address (SARIF's informationUri), from package.json's `repository` in any form npm
 * accepts. Undefined while package.json names no repository: an address is never guessed.
 */
export function repositoryWebUrl(repository = readManifest().repository): string | undefined {
    const url = typeof repository === "string" ? repository : repository?.url
    if (!url) return undefined
    const shorthand = /^(?:(github|gitlab|bitbucket):)?([\w.-]+\/[\w.-]+)$/.exec(url)
    const web = shorthand
        ? `https://${HOSTS[shorthand[1] ?? "github"]}/${shorthand[2]}`
        : url
              .replace(/^git\+/, "")
              .replace(/^(?:git|ssh):\/\/(?:[^@/]+@)?/, "https://")
              .replace(/^[^@/:]+@([^:/]+):/, "https://$1/")
    return web.replace(/\.git$/, "").replace(/\/$/, "")
}

/** The web address of a file in this package's repository (`docs/rules/<id>.md` for SARIF's helpUri). */
export function repositoryFileUrl(file: string, repository = readManifest().repository): string | undefined {
    const web = repositoryWebUrl(repository)
    return web && `${web}/blob/HEAD/${file}`
}

function findPackageRoot(start: string): string {
    for (let dir = start; ; dir = path.dirname(dir)) {
        if (fs.existsSync(path.join(dir, "package.json"))) return dir
        if (path.dirname(dir) === dir) throw new Error("cannot find the package's own package.json")
    }
}
