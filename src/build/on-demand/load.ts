/**
 * Loading, on first use, a package the attio-app bundle left out (app-bundle.ts's ON_DEMAND): the copy `owner` (the
 * bundled package that imports it) depends on, found from owner's folder as owner's own import would find it.
 */
import {createRequire} from "node:module"
import {pathToFileURL} from "node:url"

const loaded = new Map<string, Promise<unknown>>()

export function loadFrom<T>(owner: string, name: string): Promise<T> {
    let module = loaded.get(name)
    if (module === undefined) {
        const ownerRequire = createRequire(createRequire(import.meta.url).resolve(owner))
        module = import(pathToFileURL(ownerRequire.resolve(name)).href)
        loaded.set(name, module)
    }
    return module as Promise<T>
}
