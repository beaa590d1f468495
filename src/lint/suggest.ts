/** "Did you mean" suggestions by edit distance. */

export function editDistance(a: string, b: string): number {
    const row = Array.from({length: b.length + 1}, (_, j) => j)
    for (let i = 1; i <= a.length; i++) {
        let diagonal = row[0]
        row[0] = i
        for (let j = 1; j <= b.length; j++) {
            const above = row[j]
            row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1))
            diagonal = above
        }
    }
    return row[b.length]
}

/** Candidates close enough to `value` to be a likely typo, closest first. */
export function closeMatches(value: string, candidates: Iterable<string>): string[] {
    const normal = value.toLowerCase().replace(/[\s_]+/g, "-")
    const scored: [string, number][] = []
    for (const candidate of candidates) {
        const d = editDistance(normal, candidate.toLowerCase())
        if (d <= Math.max(2, Math.floor(candidate.length / 3))) scored.push([candidate, d])
    }
    return scored.sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0])).map(([c]) => c)
}

/** The closest candidate, when it is close enough to be a likely typo. */
export function closest(value: string, candidates: Iterable<string>): string | undefined {
    return closeMatches(value, candidates)[0]
}
