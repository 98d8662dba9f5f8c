import { describe, expect, it } from 'vitest';
import type { Pod, Volume } from 'kubernetes-types/core/v1';
import { samePayload, volumePayload, type PayloadResult, type SourceData } from '../../../src/engine/kubelet/volumePayload';

const objects: Record<string, SourceData> = {
  'ConfigMap/cfg': { data: { mode: 'fast', level: '3' } },
  'Secret/sec': { data: { token: btoa('s3cret') } },
};
const lookup = (kind: string, name: string) => objects[`${kind}/${name}`];
const store = { get: () => undefined, list: () => [] };
const pod: Pod = { metadata: { name: 'web-1', namespace: 'prod', uid: 'u1', labels: { b: '2', a: 'say "hi"' } }, spec: { containers: [] } };

const cases: [string, Omit<Volume, 'name'>, PayloadResult][] = [
  ['every key of a ConfigMap, defaultMode 0644', { configMap: { name: 'cfg' } },
    { ok: true, payload: { files: { mode: 'fast', level: '3' }, modes: { mode: 420, level: 420 } } }],
  ['items rename keys, with their own mode', { configMap: { name: 'cfg', defaultMode: 256, items: [{ key: 'mode', path: 'conf/mode.txt', mode: 384 }, { key: 'level', path: 'level' }] } },
    { ok: true, payload: { files: { 'conf/mode.txt': 'fast', level: '3' }, modes: { 'conf/mode.txt': 384, level: 256 } } }],
  ['a missing ConfigMap', { configMap: { name: 'nope' } }, { ok: false, error: 'configmap "nope" not found' }],
  ['a missing optional ConfigMap is an empty volume', { configMap: { name: 'nope', optional: true } }, { ok: true, payload: { files: {}, modes: {} } }],
  ['an items key the ConfigMap lacks', { configMap: { name: 'cfg', items: [{ key: 'x', path: 'x' }] } },
    { ok: false, error: 'configmap references non-existent config key: x' }],
  ['an optional source skips a missing key', { configMap: { name: 'cfg', optional: true, items: [{ key: 'x', path: 'x' }, { key: 'mode', path: 'm' }] } },
    { ok: true, payload: { files: { m: 'fast' }, modes: { m: 420 } } }],
  ['a Secret is decoded', { secret: { secretName: 'sec' } }, { ok: true, payload: { files: { token: 's3cret' }, modes: { token: 420 } } }],
  ['a Secret items key it lacks', { secret: { secretName: 'sec', items: [{ key: 'k', path: 'k' }] } },
    { ok: false, error: 'references non-existent secret key: k' }],
  ['downwardAPI labels as Go %q lines, sorted', { downwardAPI: { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } }, { path: 'ns', fieldRef: { fieldPath: 'metadata.namespace' }, mode: 292 }] } },
    { ok: true, payload: { files: { labels: 'a="say \\"hi\\""\nb="2"', ns: 'prod' }, modes: { labels: 420, ns: 292 } } }],
  ['projected sources merge with the volume\'s defaultMode', { projected: { defaultMode: 288, sources: [{ configMap: { name: 'cfg', items: [{ key: 'mode', path: 'mode' }] } }, { secret: { name: 'sec' } }] } },
    { ok: true, payload: { files: { mode: 'fast', token: 's3cret' }, modes: { mode: 288, token: 288 } } }],
  ['projected errors aggregate', { projected: { sources: [{ configMap: { name: 'a' } }, { secret: { name: 'b' } }] } },
    { ok: false, error: '[configmap "a" not found, secret "b" not found]' }],
];

describe('volumePayload: what SetUp writes for configMap, secret, downwardAPI and projected volumes', () => {
  it.each(cases)('%s', (_name, source, expected) => {
    expect(volumePayload({ name: 'v', ...source } as Volume, pod, lookup, store)).toEqual(expected);
  });
});

describe('samePayload', () => {
  it.each([
    [{ files: { a: '1' }, modes: { a: 420 } }, { files: { a: '1' }, modes: { a: 420 } }, true],
    [{ files: { a: '1' }, modes: { a: 420 } }, { files: { a: '2' }, modes: { a: 420 } }, false],
    [{ files: { a: '1' }, modes: { a: 420 } }, { files: { a: '1' }, modes: { a: 256 } }, false],
    [{ files: { a: '1' }, modes: { a: 420 } }, { files: { a: '1', b: '' }, modes: { a: 420, b: 420 } }, false],
    [{ files: {}, modes: {} }, { files: {}, modes: {} }, true],
  ])('%j vs %j → %s', (a, b, same) => expect(samePayload(a, b)).toBe(same));
});
