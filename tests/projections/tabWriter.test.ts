import { describe, expect, it } from 'vitest';
import { alignTabs, PrefixWriter } from '../../src/projections/tabWriter';

describe('alignTabs (Go text/tabwriter, padding 2)', () => {
  it.each([
    ['one block', 'Name:\tweb\nNamespace:\tdefault\n', 'Name:       web\nNamespace:  default\n'],
    ['a line without a tab ends the block', 'A:\t1\nIPs:\n  IP:\t10.0.0.1\nControlled By:\tRS/x\n',
      'A:  1\nIPs:\n  IP:           10.0.0.1\nControlled By:  RS/x\n'],
    ['the last cell of a line is never padded', 'Ready \tTrue \n', 'Ready   True \n'],
    ['an empty column still takes the padding', 'Name\t\tAge\nweb\t\t5s\n', 'Name    Age\nweb     5s\n'],
    // the middle line has no second column, so the lines around it align that column apart
    ['inner columns align only over consecutive lines that have them', 'a\tb\tc\nlong-a\tb\nx\tlonger-b\tc\n',
      'a       b  c\nlong-a  b\nx       longer-b  c\n'],
  ])('%s', (_name, input, output) => {
    expect(alignTabs(input)).toBe(output);
  });

  it('PrefixWriter indents by level and flush aligns what came before on its own', () => {
    const w = new PrefixWriter();
    w.write(0, 'Short:\t1\n');
    w.write(1, 'Much-longer-key:\t2\n');
    w.flush();
    w.write(0, 'K:\t3\n');
    expect(w.toString()).toBe('Short:              1\n  Much-longer-key:  2\nK:  3\n');
  });
});
