/**
 * Go's text/tabwriter as kubectl configures it (minwidth 6, padding 3, pad with spaces): every
 * tab-terminated cell is padded to its column's width, so lines keep trailing blanks.
 */
export function tabWrite(rows: string[][]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, Math.max(cell.length + 3, 6))));
  return rows.map((row) => row.map((cell, i) => cell.padEnd(widths[i])).join('')).join('\n') + '\n';
}
