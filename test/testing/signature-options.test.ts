/**
 * `attio-app webhook --verify/--signature-header`: what is refused, and with which message. The bin's own refusal
 * (exit 1, nothing written) is test/testing/generated.test.ts's.
 */
import {describe, expect, it} from "vitest"

import {ScaffoldError} from "../../src/scaffold/errors.js"
import {checkSignatureOptions} from "../../src/scaffold/webhook-options.js"

describe("the signature options", () => {
    it("are both given or neither", () => {
        expect(checkSignatureOptions(undefined, undefined)).toBeUndefined()
        expect(checkSignatureOptions("hmac-sha256", "X-Hub-Signature-256")).toBe("X-Hub-Signature-256")
    })

    const refusals: [verify: string | undefined, header: string | undefined, message: string][] = [
        ["hmac-sha1", "X-Sig", '--verify "hmac-sha1" is not a known scheme; use --verify hmac-sha256.'],
        ["hmac-sha256", undefined, "--verify hmac-sha256 needs --signature-header NAME"],
        [undefined, "X-Sig", "--signature-header needs --verify hmac-sha256."],
        ["hmac-sha256", "X Sig", '--signature-header "X Sig" is not an HTTP header name.'],
    ]
    it.each(refusals)("refuses --verify %s --signature-header %s", (verify, header, message) => {
        expect(() => checkSignatureOptions(verify, header)).toThrow(ScaffoldError)
        expect(() => checkSignatureOptions(verify, header)).toThrow(message)
    })
})
