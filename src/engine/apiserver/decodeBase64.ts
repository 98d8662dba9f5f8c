/**
 * The error Go's base64.StdEncoding.Decode gives for a []byte field's JSON string, or undefined
 * when it decodes. encoding/json decodes []byte this way, so a Secret's `data` value that is not
 * base64 fails with `illegal base64 data at input byte N` (N counts bytes of the UTF-8 text).
 * A port of upstream encoding/base64 decodeQuantum (padding required, `\r` and `\n` skipped).
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const PAD = 0x3d; // '='
const isNewline = (b: number): boolean => b === 0x0a || b === 0x0d;
const inAlphabet = (b: number): boolean => b < 128 && ALPHABET.includes(String.fromCharCode(b));

export function base64Error(text: string): string | undefined {
  const src = new TextEncoder().encode(text);
  let si = 0;
  while (si < src.length) {
    const step = decodeQuantum(src, si);
    if (step.error !== undefined) return `illegal base64 data at input byte ${step.error}`;
    if (step.si === si) break;
    si = step.si;
  }
  return undefined;
}

/** One group of four symbols starting at `si`: the next position, or the offending offset. */
function decodeQuantum(src: Uint8Array, start: number): { si: number; error?: number } {
  let si = start;
  for (let j = 0; j < 4; j++) {
    if (si === src.length) {
      if (j === 0) return { si };
      return { si, error: si - j };
    }
    const b = src[si++];
    if (inAlphabet(b)) continue;
    if (isNewline(b)) {
      j--;
      continue;
    }
    if (b !== PAD) return { si, error: si - 1 };
    // Padding: only after two or three symbols, and "==" after exactly two.
    if (j === 0 || j === 1) return { si, error: si - 1 };
    if (j === 2) {
      while (si < src.length && isNewline(src[si])) si++;
      if (si === src.length) return { si, error: src.length };
      if (src[si] !== PAD) return { si, error: si - 1 };
      si++;
    }
    while (si < src.length && isNewline(src[si])) si++;
    if (si < src.length) return { si, error: si };
    return { si };
  }
  return { si };
}
