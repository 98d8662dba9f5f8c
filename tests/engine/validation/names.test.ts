import { describe, expect, it } from 'vitest';
import {
  SAFE_ALPHABET, generateName, isDNS1035Label, isDNS1123Label, isDNS1123Subdomain, newUid, podTemplateHash, safeEncode,
} from '../../../src/engine/apiserver/names';
import { createRandom } from '../../../src/engine/core/random';

const SUBDOMAIN_MSG = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL_MSG = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const DNS1035_MSG = "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

describe('generateName', () => {
  it('appends five characters from the safe alphabet', () => {
    const name = generateName('web-7c5ddbdf54-', createRandom(7));
    expect(name).toMatch(/^web-7c5ddbdf54-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  it('cuts the base to 58 characters so the result fits 63', () => {
    const name = generateName('x'.repeat(70), createRandom(1));
    expect(name.length).toBe(63);
    expect(name.slice(0, 58)).toBe('x'.repeat(58));
  });

  it('is deterministic per seed', () => {
    expect(generateName('pi-', createRandom(3))).toBe(generateName('pi-', createRandom(3)));
    expect(generateName('pi-', createRandom(3))).not.toBe(generateName('pi-', createRandom(4)));
  });
});

describe('newUid', () => {
  it('is a lowercase UUID v4 drawn from the seeded generator', () => {
    const rng = createRandom(42);
    const a = newUid(rng);
    const b = newUid(rng);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(b).not.toBe(a);
    expect(newUid(createRandom(42))).toBe(a);
  });
});

describe('podTemplateHash', () => {
  const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'nginx:1.25' }] } };

  it('maps each decimal digit through the safe alphabet (0→4 … 9→f)', () => {
    expect(safeEncode('0123456789')).toBe('456789bcdf');
  });

  it('is the safe encoding of a 32-bit decimal: only 456789bcdf, at most 10 characters', () => {
    for (let i = 0; i < 50; i++) {
      const hash = podTemplateHash({ ...template, n: i });
      expect(hash).toMatch(/^[456789bcdf]{1,10}$/);
      const decimal = Number([...hash].map((c) => '456789bcdf'.indexOf(c)).join(''));
      expect(decimal).toBeLessThan(2 ** 32);
    }
  });

  it('ignores key order and changes with the template or the collision count', () => {
    const reordered = { spec: template.spec, metadata: template.metadata };
    expect(podTemplateHash(reordered)).toBe(podTemplateHash(template));
    expect(podTemplateHash({ ...template, spec: { containers: [{ name: 'app', image: 'nginx:1.26' }] } }))
      .not.toBe(podTemplateHash(template));
    expect(podTemplateHash(template, 1)).not.toBe(podTemplateHash(template));
    expect(podTemplateHash(template, 1)).toBe(podTemplateHash(template, 1));
  });

  it('uses the upstream safe alphabet', () => {
    expect(SAFE_ALPHABET).toBe('bcdfghjklmnpqrstvwxz2456789');
  });
});

describe('DNS name rules', () => {
  it.each<[string, string[]]>([
    ['my-app', []],
    ['example.com', []],
    ['My_App', [SUBDOMAIN_MSG]],
    ['-web', [SUBDOMAIN_MSG]],
    ['a'.repeat(254), ['must be no more than 253 characters']],
  ])('subdomain %s', (value, expected) => {
    expect(isDNS1123Subdomain(value)).toEqual(expected);
  });

  it.each<[string, string[]]>([
    ['web-1', []],
    ['123-abc', []],
    ['Web_1', [LABEL_MSG]],
    ['a.b', ['must not contain dots']],
    ['a'.repeat(64), ['must be no more than 63 characters']],
  ])('label %s', (value, expected) => {
    expect(isDNS1123Label(value)).toEqual(expected);
  });

  it.each<[string, string[]]>([
    ['my-svc', []],
    ['1web', [DNS1035_MSG]],
    ['web.svc', [DNS1035_MSG]],
    ['a'.repeat(64), ['must be no more than 63 characters']],
  ])('DNS-1035 label %s', (value, expected) => {
    expect(isDNS1035Label(value)).toEqual(expected);
  });
});
