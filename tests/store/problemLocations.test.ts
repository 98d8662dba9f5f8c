import { describe, expect, it } from 'vitest';
import { documentStartLines, problemLocations } from '../../src/store/problemLocations';

const TEXT = ['# comment', 'apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', '---', 'kind: Service', '  bad: x'].join('\n');

describe('problemLocations', () => {
  it.each([
    ['line and column', { message: 'm', line: 5, column: 3 }, { startLineNumber: 5, startColumn: 3, endLineNumber: 5, endColumn: 10 }],
    ['line only: from the first character', { message: 'm', line: 8 }, { startLineNumber: 8, startColumn: 3, endColumn: 9 }],
    ['document only: its first content line', { message: 'm', document: 1 }, { startLineNumber: 7, startColumn: 1, endColumn: 14 }],
    ['document 0 skips leading comments', { message: 'm', document: 0 }, { startLineNumber: 2 }],
    ['nothing: line 1', { message: 'm' }, { startLineNumber: 1, startColumn: 1 }],
    ['a line past the end is clamped', { message: 'm', line: 99, column: 1 }, { startLineNumber: 8 }],
    ['a column past the line end still underlines one character', { message: 'm', line: 3, column: 40 }, { startColumn: 10, endColumn: 11 }],
  ])('%s', (_name, problem, expected) => {
    const [loc] = problemLocations(TEXT, [problem]);
    expect(loc).toMatchObject({ message: 'm', ...expected });
  });

  it('handles empty text', () => {
    expect(problemLocations('', [{ message: 'no objects passed to apply' }])).toEqual([
      { message: 'no objects passed to apply', startLineNumber: 1, startColumn: 1, endLineNumber: 1, endColumn: 2 },
    ]);
  });
});

describe('documentStartLines', () => {
  it.each([
    ['one document', 'kind: A\n', [1]],
    ['a leading separator', '---\nkind: A\n---\nkind: B\n', [2, 4]],
    ['comments before content', '# x\n\nkind: A\n---\n# y\nkind: B', [3, 6]],
  ])('%s', (_name, text, expected) => {
    expect(documentStartLines(text)).toEqual(expected);
  });
});
