import { LineCounter, parseAllDocuments } from 'yaml';
import type { ApplyError } from '../engine/api';

/** Where in the editor text a problem is shown (1-based, end column exclusive, like Monaco ranges). */
export interface ProblemLocation {
  message: string;
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
}

/**
 * Places each apply error in the text: at its line and column when it has them, else on the
 * first line of its YAML document, else on line 1 — every problem gets a visible marker.
 */
export function problemLocations(text: string, problems: readonly ApplyError[]): ProblemLocation[] {
  const lines = text.split(/\r?\n/);
  let docStarts: number[] | undefined;
  return problems.map((p) => {
    let line = p.line;
    if (line === undefined && p.document !== undefined) {
      docStarts ??= documentStartLines(text);
      line = docStarts[p.document];
    }
    line = clamp(line ?? 1, 1, lines.length);
    const content = lines[line - 1];
    const firstChar = content.length - content.trimStart().length + 1;
    const startColumn = p.line !== undefined && p.column !== undefined ? clamp(p.column, 1, content.length + 1) : firstChar;
    // Underline to the end of the line, and at least one character so the marker is visible.
    const endColumn = Math.max(content.trimEnd().length + 1, startColumn + 1);
    return { message: p.message, startLineNumber: line, startColumn, endLineNumber: line, endColumn };
  });
}

/** 1-based line of each YAML document's first content (document indexes as the `yaml` package counts them). */
export function documentStartLines(text: string): number[] {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter });
  const list = Array.isArray(docs) ? docs : [];
  return list.map((doc) => {
    const offset = doc.contents?.range?.[0] ?? doc.range[0];
    return lineCounter.linePos(offset).line;
  });
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, n));
}
