import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { admitPod, applyDefaults } from '../../../src/engine/apiserver/defaults';
import { fieldErrorText } from '../../../src/engine/apiserver/errors';
import { lookupKind } from '../../../src/engine/apiserver/kinds';
import { validateObject } from '../../../src/engine/apiserver/validation';
import { createRandom } from '../../../src/engine/core/random';
import { UID } from './fixtures';
import { CORPUS_DIR, HAS_CORPUS } from '../../corpus';

/* eslint-disable @typescript-eslint/no-explicit-any */
const ROOT = `${CORPUS_DIR}/`;
const index: { path: string }[] = HAS_CORPUS ? JSON.parse(readFileSync(`${ROOT}index.json`, 'utf8')) : [];

/** Every object of the corpus (List items expanded), with the file it came from. */
const objects: { path: string; obj: any }[] = index.flatMap(({ path }) =>
  parseAllDocuments(readFileSync(ROOT + path, 'utf8'))
    .map((d) => d.toJS())
    .filter((o) => o && typeof o === 'object')
    .flatMap((o) => (o.kind === 'List' ? o.items : [o]))
    .map((obj: any) => ({ path, obj })));

const served = objects.filter(({ obj }) => lookupKind(obj.apiVersion, obj.kind));

function admitted(obj: any): any {
  const defaulted = applyDefaults(obj, { uid: UID });
  return defaulted.kind === 'Pod' ? admitPod(defaulted, createRandom(1)) : defaulted;
}

describe.skipIf(!HAS_CORPUS)('the real-world manifests of the corpus', () => {
  it('has the documents the README counts', () => {
    expect(objects.length).toBe(233); // 231 documents, one a List of three
    expect(objects.length - served.length).toBe(2);
  });

  it('validates every served object (the numeric toleration included)', () => {
    const failures = served
      .map(({ path, obj }) => ({ path, causes: validateObject(admitted(obj)).map(fieldErrorText) }))
      .filter((r) => r.causes.length);
    expect(failures).toEqual([]);
  });

  it('defaults idempotently', () => {
    for (const { obj } of served) {
      const once = applyDefaults(obj, { uid: UID });
      expect(applyDefaults(once, { uid: UID })).toEqual(once);
    }
  });
});
