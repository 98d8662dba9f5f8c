import { describe, expect, it } from 'vitest';
import { canonicalQuantity, quantityText } from '../../src/projections/quantityText';

describe('quantityText (Quantity.String())', () => {
  it.each([
    ['100m', '100m'], ['0.5', '500m'], ['1', '1'], ['1000m', '1'], ['1500m', '1500m'], ['1000', '1k'],
    ['1500', '1500'], ['2G', '2G'], ['128Mi', '128Mi'], ['1024Mi', '1Gi'], ['1536Mi', '1536Mi'],
    ['512', '512'], ['0', '0'], ['1e3', '1k'], ['bogus', 'bogus'],
  ])('%s → %s', (input, output) => {
    expect(quantityText(input)).toBe(output);
  });

  it('keeps the binary format for sums and falls back to decimal below 1Ki', () => {
    expect(canonicalQuantity(3 * 2 ** 27, 'BinarySI')).toBe('384Mi');
    expect(canonicalQuantity(1000, 'BinarySI')).toBe('1k');
    expect(canonicalQuantity(0.3, 'DecimalSI')).toBe('300m');
  });
});
