/**
 * What the attio-app bundle (app-bundle.ts) puts in place of fly-import: the same API, loading the real
 * fly-import on first use. yeoman-environment constructs a FlyRepository in every environment, to install
 * generators from the registry, which attio-app never does; the real module imports npm's arborist, pacote and
 * sigstore (about 200 modules) at its top.
 */
import path from "node:path"
import type * as FlyImport from "fly-import"
import {loadFrom} from "./load.js"

const load = () => loadFrom<typeof FlyImport>("yeoman-environment", "fly-import")

type Repository = FlyImport.FlyRepository

/** fly-import's FlyRepository: the repository's folder at once, the rest (npm's arborist) on first use. */
export class FlyRepository {
    readonly #config: FlyImport.FlyRepositoryConfig
    #repository: Promise<Repository> | undefined

    constructor(config: FlyImport.FlyRepositoryConfig) {
        this.#config = config
    }

    get repositoryPath(): string {
        return path.resolve(this.#config.repositoryPath)
    }

    #get(): Promise<Repository> {
        this.#repository ??= load().then((fly) => new fly.FlyRepository(this.#config))
        return this.#repository
    }

    async load(): Promise<unknown> {
        return (await this.#get()).load()
    }

    async install(spec: string | string[]): Promise<FlyImport.FlyResultPackage | FlyImport.FlyResultPackage[]> {
        const repository = await this.#get()
        return typeof spec === "string" ? repository.install(spec) : repository.install(spec)
    }

    async import<T>(spec: string): Promise<T> {
        return (await this.#get()).import<T>(spec)
    }
}

export async function flyImport<T>(specifier: string, options?: FlyImport.FlyRepositoryConfig): Promise<T> {
    return (await load()).flyImport<T>(specifier, options)
}
