import { describe, expect, it } from 'vitest';
import { fromBase64url, toBase64url } from '../../src/share/base64url';

const bytes = (...b: number[]) => new Uint8Array(b);

describe('base64url', () => {
  it.each([
    ['empty', bytes(), ''],
    ['one byte', bytes(0x66), 'Zg'],
    ['two bytes', bytes(0x66, 0x6f), 'Zm8'],
    ['three bytes', bytes(0x66, 0x6f, 0x6f), 'Zm9v'],
    ['the URL-safe characters', bytes(0xfb, 0xff, 0xbf), '-_-_'],
    ['high bytes', bytes(0xff, 0xfe, 0xfd, 0xfc), '__79_A'],
  ])('encodes %s', (_name, input, encoded) => {
    expect(toBase64url(input)).toBe(encoded);
    expect(fromBase64url(encoded)).toEqual(input);
  });

  it('matches Node\'s base64url for every length up to 64', () => {
    for (let n = 0; n <= 64; n++) {
      const data = Uint8Array.from({ length: n }, (_, i) => (i * 97 + n * 31) & 0xff);
      const expected = Buffer.from(data).toString('base64url');
      expect(toBase64url(data)).toBe(expected);
      expect(fromBase64url(expected)).toEqual(data);
    }
  });

  it.each([
    ['standard base64 characters', 'ab+/'],
    ['padding', 'Zg=='],
    ['spaces', 'Zm 9v'],
    ['an impossible length', 'Zm9vY'],
  ])('refuses %s', (_name, text) => {
    expect(fromBase64url(text)).toBeNull();
  });
});
