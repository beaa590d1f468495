/** A position range, 1-based lines and columns (ESLint's convention): where facts, findings and fixes point. */
export interface Range {
    line: number
    column: number
    endLine: number
    endColumn: number
}
