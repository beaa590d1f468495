/**
 * The order of file paths and rule ids in every report: `localeCompare`'s, which ESLint's users
 * know. Its first call starts ICU's collator (about 30 ms, more than a warm run's other work), so
 * the common case is decided without it: after the common prefix, when both rests hold only
 * characters whose order under ICU's root collation is their code-unit order (lower-case ASCII
 * letters, digits, "-", "." and "/"; no contractions, one case), comparing code units gives the same
 * answer. Anything else (capitals, "_", spaces, non-ASCII) still goes to localeCompare.
 */
const PLAIN = /^[a-z0-9./-]*$/

export function compareText(a: string, b: string): number {
    let i = 0
    while (i < a.length && i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) i++
    const [restA, restB] = [a.slice(i), b.slice(i)]
    if (PLAIN.test(restA) && PLAIN.test(restB)) return restA < restB ? -1 : restA > restB ? 1 : 0
    return a.localeCompare(b)
}
