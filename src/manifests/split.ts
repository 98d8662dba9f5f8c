/**
 * Splits a manifest text into YAML documents the way kubectl does, before any YAML parsing.
 * upstream: k8s.io/apimachinery/pkg/util/yaml YAMLReader.Read — a line starting with `---`
 * ends the current chunk (the separator line itself belongs to neither chunk); only spaces or a
 * comment may follow the dashes. Every line is returned with a trailing `\n`, so line numbers in
 * go-yaml messages count from the first line after the separator.
 */

export interface Chunk {
  /** The document text, every line ending in `\n`. */
  text: string;
  /** 1-based line in the whole text where the chunk's first line is. */
  startLine: number;
}

export interface SplitResult {
  chunks: Chunk[];
  /** kubectl stops reading at an invalid separator; chunks before it are still returned. */
  error?: { message: string; line: number; column: number };
}

const SEPARATOR = '---';

export function splitDocuments(input: string): SplitResult {
  const text = input.replace(/\r\n/g, '\n');
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const chunks: Chunk[] = [];
  let buffer: string[] = [];
  let startLine = 1;
  const flush = (): void => {
    if (buffer.length > 0) chunks.push({ text: buffer.map((l) => l + '\n').join(''), startLine });
    buffer = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.startsWith(SEPARATOR)) {
      const trimmed = line.slice(SEPARATOR.length).trim();
      if (trimmed.length > 0 && trimmed[0] !== '#') {
        flush();
        return { chunks, error: { message: `invalid Yaml document separator: ${trimmed}`, line: i + 1, column: 1 } };
      }
      flush();
      startLine = i + 2;
      continue;
    }
    if (buffer.length === 0) startLine = i + 1;
    buffer.push(line);
  }
  flush();
  return { chunks };
}
