/** Per-file facts (see ./extract.ts): what the rest of the app model and the rules use of them. */
export {extractFacts, mentionsSdk} from "./extract.js"
export {isFileFactsOf} from "./schema.js"
export * from "./types.js"
