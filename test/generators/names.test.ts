import {describe, expect, it} from "vitest"
import {normaliseHandlerId, pascalCase} from "../../src/scaffold/names.js"

describe("normaliseHandlerId", () => {
    it.each([
        ["prospect-updated", "prospect-updated", false],
        ["Prospect Updated", "prospect-updated", true],
        ["prospectUpdated", "prospect-updated", true],
        ["crm/dealClosed", "crm/deal-closed", true],
        ["CRM/Deal Closed", "crm/deal-closed", true],
        ["  lead_processed  ", "lead-processed", true],
        ["HTTPRequest", "http-request", true],
        ["café crème", "cafe-creme", true],
        ["prospect-updated.webhook.ts", "prospect-updated", true],
        ["crm//deal", "crm/deal", true],
        ["./crm/deal", "crm/deal", true],
        ["crm\\deal", "crm/deal", true],
    ])("%j -> %s", (input, id, changed) => {
        expect(normaliseHandlerId(input)).toEqual({id, changed})
    })

    it.each([
        ["../escape", /"\.\."/],
        ["crm/../../escape", /"\.\."/],
        ["..", /"\.\."/],
        ["/etc/passwd", /absolute path/],
        ["\\\\server\\share", /absolute path/],
        ["C:/Users/x", /absolute path/],
        ["", /empty/],
        ["   ", /empty/],
        ["---", /empty/],
        ["!!!/???", /empty/],
        ['say"hi', /quotes/],
        ["it's", /quotes/],
        ["back`tick", /backticks/],
        ["line\nbreak", /line break/],
        ["carriage\rreturn", /line break/],
        ["x${process.exit()}", /\$\{/],
        ["src/app/webhooks/foo", /is a path from the app root; give the id relative to the webhooks folder: "foo"\.$/],
        ["./src/webhooks/crm/deal.webhook.ts", /folder: "crm\/deal"\.$/],
        [
            "src/foo",
            /is a path from the app root; give the id relative to the webhooks folder, e.g\. crm\/deal-closed\.$/,
        ],
    ])("refuses %j", (input, message) => {
        expect(() => normaliseHandlerId(input)).toThrow(message)
    })
})

it("pascalCase", () => {
    expect(pascalCase("crm/deal-closed")).toBe("CrmDealClosed")
    expect(pascalCase("2fa-enabled")).toBe("2faEnabled")
})
