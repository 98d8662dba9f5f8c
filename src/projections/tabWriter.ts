/**
 * A port of Go's text/tabwriter as kubectl describe configures it (minwidth 0, padding 2,
 * padchar ' ', no flags), plus kubectl's PrefixWriter. Cells end at '\t'; a column is aligned
 * over a block of consecutive lines that have a cell in it, so a line without tabs ends every
 * block — which is why `IPs:` and `Containers:` restart the alignment in real describe output.
 */

const PADDING = 2;

interface Cell {
  text: string;
  width: number;
}

type Line = Cell[];

function runeWidth(text: string): number {
  let n = 0;
  for (const _ of text) n += 1;
  return n;
}

function writeLines(lines: Line[], widths: number[], line0: number, line1: number, out: string[]): void {
  for (let i = line0; i < line1; i++) {
    let text = '';
    lines[i].forEach((cell, j) => {
      text += cell.text;
      // upstream: only cells of a column that has a width are padded; the last cell never is
      if (j < widths.length) text += ' '.repeat(Math.max(0, widths[j] - cell.width));
    });
    out.push(text);
  }
}

/** upstream `(*Writer).format`: recursive, one column at a time, block by block. */
function format(lines: Line[], widths: number[], line0: number, line1: number, out: string[]): void {
  const column = widths.length;
  let start = line0;
  for (let i = line0; i < line1; i++) {
    if (column >= lines[i].length - 1) continue;
    writeLines(lines, widths, start, i, out);
    start = i;
    let width = 0;
    for (; i < line1; i++) {
      const line = lines[i];
      if (column >= line.length - 1) break;
      width = Math.max(width, line[column].width + PADDING);
    }
    widths.push(width);
    format(lines, widths, start, i, out);
    widths.pop();
    start = i;
  }
  writeLines(lines, widths, start, line1, out);
}

/** Aligns tab-separated text exactly as Go's tabwriter (as kubectl sets it up) would. */
export function alignTabs(text: string): string {
  const lines: Line[] = text.split('\n').map((line) =>
    line.split('\t').map((cell) => ({ text: cell, width: runeWidth(cell) })),
  );
  const out: string[] = [];
  format(lines, [], 0, lines.length, out);
  return out.join('\n');
}

/** kubectl's describe indentation levels: two spaces per level. */
export const LEVEL_0 = 0;
export const LEVEL_1 = 1;
export const LEVEL_2 = 2;
export const LEVEL_3 = 3;
export const LEVEL_4 = 4;

/**
 * kubectl's PrefixWriter over a tabwriter: `write` indents by level, `flush` aligns what was
 * written so far on its own (DescribeEvents flushes before its table), `toString` aligns the rest.
 */
export class PrefixWriter {
  private done = '';
  private pending = '';

  write(level: number, text: string): void {
    this.pending += '  '.repeat(level) + text;
  }

  writeLine(...parts: string[]): void {
    this.pending += `${parts.join(' ')}\n`;
  }

  flush(): void {
    this.done += alignTabs(this.pending);
    this.pending = '';
  }

  toString(): string {
    return this.done + alignTabs(this.pending);
  }
}
