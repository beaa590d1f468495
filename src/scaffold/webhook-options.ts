/**
 * The webhook generator's checks of what it was given (names aside: names.ts), refused before a question is asked or
 * a file planned. A module of their own, without TypeScript or prettier, so that a refusal loads neither.
 */
import {ScaffoldError} from "./errors.js"

/** Refuses a register URL that `fetch` could not call: the connection would fail with an unclear error. */
export function checkRegisterUrl(url: string): string {
    const protocol = URL.canParse(url) ? new URL(url).protocol : undefined
    if (protocol !== "https:" && protocol !== "http:") {
        throw new ScaffoldError(
            `The register URL ${JSON.stringify(url)} is not an http(s) URL, e.g. https://api.example.com/v1/webhooks.`
        )
    }
    return url
}

/** Refuses an empty event name: the third party would be asked to subscribe the webhook to nothing. */
export function checkEvent(event: string): string {
    if (event.trim() === "") {
        throw new ScaffoldError(
            `The event ${JSON.stringify(event)} is empty; name the third party's event, e.g. lead.processed (without --event, the handler id is used).`
        )
    }
    return event
}

/** The only signature scheme `--verify` knows. */
export const VERIFY_ALGORITHMS = ["hmac-sha256"] as const

/**
 * The signature header to verify, from `--verify` and `--signature-header` (both or neither); refuses anything
 * else before a question is asked or a file written.
 */
export function checkSignatureOptions(verify: unknown, header: unknown): string | undefined {
    if (verify === undefined && header === undefined) return undefined
    if (!(VERIFY_ALGORITHMS as readonly unknown[]).includes(verify)) {
        throw new ScaffoldError(
            verify === undefined
                ? "--signature-header needs --verify hmac-sha256."
                : `--verify ${JSON.stringify(verify)} is not a known scheme; use --verify hmac-sha256.`
        )
    }
    if (typeof header !== "string" || !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(header)) {
        throw new ScaffoldError(
            header === undefined
                ? "--verify hmac-sha256 needs --signature-header NAME: the request header the third party sends the signature in."
                : `--signature-header ${JSON.stringify(header)} is not an HTTP header name.`
        )
    }
    return header
}
