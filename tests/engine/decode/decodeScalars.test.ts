import { describe, expect, it } from 'vitest';
import { base64Error } from '../../../src/engine/apiserver/decodeBase64';
import { ERR_FORMAT_WRONG, ERR_SUFFIX, quantityError, quantityText } from '../../../src/engine/apiserver/decodeQuantity';
import { timeError } from '../../../src/engine/apiserver/decodeTime';

describe('quantityError (resource.ParseQuantity)', () => {
  it.each([
    ['100m', undefined], ['1', undefined], ['0', undefined], ['1.5', undefined], ['0.5Gi', undefined],
    ['128Mi', undefined], ['1e3', undefined], ['1E3', undefined], ['2E', undefined], ['+1', undefined],
    ['-1', undefined], ['.5', undefined], ['5.', undefined], ['1Ki', undefined], ['2k', undefined], ['1n', undefined],
    ['1e-3', undefined], ['+', undefined], ['000', undefined],
    ['', ERR_FORMAT_WRONG], ['1 core', ERR_FORMAT_WRONG], ['abc', ERR_FORMAT_WRONG], ['1.2.3', ERR_FORMAT_WRONG],
    ['1Gb', ERR_FORMAT_WRONG], ['1KiB', ERR_FORMAT_WRONG], ['true', ERR_FORMAT_WRONG], ['{"a":1}', ERR_FORMAT_WRONG],
    ['1ki', ERR_SUFFIX], ['1e', ERR_SUFFIX], ['1m5', ERR_SUFFIX], ['1mm', ERR_SUFFIX],
  ])('%j → %j', (text, expected) => {
    expect(quantityError(text)).toBe(expected);
  });

  it.each([[' 100m ', '100m'], [0.5, '0.5'], [2, '2'], [true, 'true'], [{ a: 1 }, '{"a":1}']])(
    'reads the JSON value %j as %j', (value, text) => {
      expect(quantityText(value)).toBe(text);
    });
});

describe('base64Error (encoding/base64 StdEncoding)', () => {
  it.each([
    ['', undefined], ['aGVsbG8=', undefined], ['aGVsbA==', undefined], ['aGVs', undefined], ['YWJj\nZGVm', undefined],
    ['abc', 0], ['aGVsbG8', 4], ['ab=c', 2], ['a===', 1], ['abcd!', 4], ['ab==cd', 4], ['a b', 1], ['héllo', 1],
    ['=', 0], ['ab=', 3],
  ])('%j → byte %j', (text, offset) => {
    expect(base64Error(text)).toBe(offset === undefined ? undefined : `illegal base64 data at input byte ${offset}`);
  });
});

describe('timeError (time.Parse with RFC3339 / RFC3339Micro)', () => {
  const as = (value: string, elem: string, rest: string): string =>
    `parsing time "${value}" as "2006-01-02T15:04:05Z07:00": cannot parse "${rest}" as "${elem}"`;
  it.each([
    ['2024-01-02T03:04:05Z', undefined],
    ['2024-01-02T03:04:05.123Z', undefined],
    ['2024-01-02T03:04:05+01:00', undefined],
    ['2024-02-29T00:00:00Z', undefined],
    ['abc', as('abc', '2006', 'abc')],
    ['2024-01-02', as('2024-01-02', 'T', '')],
    ['2024-01-02 03:04:05Z', as('2024-01-02 03:04:05Z', 'T', ' 03:04:05Z')],
    ['2024-1-02T03:04:05Z', as('2024-1-02T03:04:05Z', '01', '1-02T03:04:05Z')],
    ['2024-01-02T03:04:05', as('2024-01-02T03:04:05', 'Z07:00', '')],
    ['2024-01-02T03:04:05z', as('2024-01-02T03:04:05z', 'Z07:00', 'z')],
    ['2024-13-01T00:00:00Z', 'parsing time "2024-13-01T00:00:00Z": month out of range'],
    ['2023-02-29T00:00:00Z', 'parsing time "2023-02-29T00:00:00Z": day out of range'],
    ['2024-01-02T24:00:00Z', 'parsing time "2024-01-02T24:00:00Z": hour out of range'],
    ['2024-01-02T03:60:00Z', 'parsing time "2024-01-02T03:60:00Z": minute out of range'],
    ['2024-01-02T03:04:05Zjunk', 'parsing time "2024-01-02T03:04:05Zjunk": extra text: "junk"'],
  ])('%j', (value, expected) => {
    expect(timeError(value)).toBe(expected);
  });

  it('wants exactly six fractional digits for a MicroTime', () => {
    expect(timeError('2024-01-02T03:04:05.123456Z', true)).toBeUndefined();
    expect(timeError('2024-01-02T03:04:05Z', true))
      .toBe('parsing time "2024-01-02T03:04:05Z" as "2006-01-02T15:04:05.000000Z07:00": cannot parse "Z" as ".000000"');
  });
});
