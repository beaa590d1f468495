/** What a generated webhook handler syncs into Attio, read from the words of its id and event. */

/** A record the handler asserts in Attio: created, or updated when one has the matching value. */
export interface SyncTarget {
    /** Attio's object slug, as in /v2/objects/<object>/records. */
    object: string
    /** The unique attribute the record is matched on. */
    attribute: string
    /** The field of the delivery's `data` that holds the attribute's value. */
    field: string
    /** An example value, for the generated test's delivery. */
    example: string
    /** What the assertion does, for the handler's comment. */
    description: string
}

const PERSON: SyncTarget = {
    object: "people",
    attribute: "email_addresses",
    field: "email",
    example: "ada@example.com",
    description: "a person by email address: Attio creates the record, or updates the one that has this address",
}

const COMPANY: SyncTarget = {
    object: "companies",
    attribute: "domains",
    field: "domain",
    example: "example.com",
    description: "a company by domain: Attio creates the record, or updates the one that has this domain",
}

const PERSON_WORDS = /^(person|people|contacts?|leads?|users?|subscribers?|prospects?|members?|signups?)$/
const COMPANY_WORDS = /^(compan(y|ies)|organi[sz]ations?|orgs?|accounts?|businesses)$/

/**
 * The record that events named like this are about: a person (`lead.created`, `contact-updated`) or a company
 * (`company.updated`); undefined for anything else (`deal-updated`, `invoice.paid`), whose sync is left as a TODO
 * rather than guessed.
 */
export function syncTarget(id: string, event: string): SyncTarget | undefined {
    const words = `${id} ${event}`.toLowerCase().split(/[^a-z0-9]+/)
    if (words.some((word) => PERSON_WORDS.test(word))) return PERSON
    if (words.some((word) => COMPANY_WORDS.test(word))) return COMPANY
    return undefined
}
