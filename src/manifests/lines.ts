/** Offset ↔ 0-based line/column arithmetic over one text. */
export class LineIndex {
  readonly lines: string[];
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') this.starts.push(i + 1);
    this.lines = text.split('\n');
  }

  /** 0-based line and column of an offset (clamped to the text). */
  at(offset: number): { line0: number; col0: number } {
    const off = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= off) lo = mid;
      else hi = mid - 1;
    }
    return { line0: lo, col0: off - this.starts[lo] };
  }

  offsetOf(line0: number, col0: number): number {
    return (this.starts[line0] ?? this.text.length) + col0;
  }
}
