/**
 * The stand-ins the attio-app bundle puts in place of packages a run never calls (src/build/on-demand/): each loads
 * the real package, the copy its importer depends on, and answers as it does.
 */
import path from "node:path"
import {describe, expect, it} from "vitest"

import {FlyRepository} from "../../src/build/on-demand/fly-import.js"
import {loadFrom} from "../../src/build/on-demand/load.js"

describe("packages loaded on demand", () => {
    it("are found from the package that imports them, once", async () => {
        const fly = await loadFrom<typeof import("fly-import")>("yeoman-environment", "fly-import")
        expect(fly).toBe(await import("fly-import"))
        expect(await loadFrom("yeoman-environment", "fly-import")).toBe(fly)
        const latest = await loadFrom<typeof import("latest-version")>("yeoman-generator", "latest-version")
        expect(latest).toBe(await import("latest-version"))
    })

    it("fly-import's FlyRepository names the folder the real one does, without loading npm's arborist", async () => {
        const config = {repositoryPath: "relative/.yo-repository"}
        const real = new (await import("fly-import")).FlyRepository(config)
        expect(new FlyRepository(config).repositoryPath).toBe(real.repositoryPath)
        expect(new FlyRepository(config).repositoryPath).toBe(path.resolve("relative/.yo-repository"))
    })

    it("a FlyRepository's methods reach the real one", async () => {
        // Nothing is installed in an empty repository: the real message, not a stand-in's.
        const repository = new FlyRepository({repositoryPath: path.join(import.meta.dirname, "no-such-repository")})
        await expect(repository.import("left-pad")).rejects.toThrow(/Repository has not been initialized/)
    })
})
