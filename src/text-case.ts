/** `crm/deal-closed` -> `CrmDealClosed`: any run of characters but letters and digits separates words. The caller adds a prefix where the result must be an identifier, since ids may start with a digit. */
export function pascalCase(id: string): string {
    return id
        .split(/[^A-Za-z0-9]+/)
        .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
        .join("")
}
