import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../../src/engine';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Obj = Record<string, any>;

function ok(c: Cluster, yaml: string): void {
  const r = c.apply(yaml);
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
}

function refused(c: Cluster, yaml: string): string {
  const r = c.apply(yaml);
  if (r.ok) throw new Error('expected a refusal');
  return r.errors[0].message;
}

const configMap = (data: string, immutable?: boolean) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n${immutable === undefined ? '' : `immutable: ${immutable}\n`}data:\n${data}`;
const secret = (data: string, immutable?: boolean, type = 'Opaque') =>
  `apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ntype: ${type}\n${immutable === undefined ? '' : `immutable: ${immutable}\n`}data:\n${data}`;

describe('immutable ConfigMaps and Secrets', () => {
  it('lets a mutable ConfigMap change, and then freezes it once immutable is set', () => {
    const c = createCluster({ nodes: 1 });
    ok(c, configMap('  a: "1"\n'));
    ok(c, configMap('  a: "2"\n'));
    ok(c, configMap('  a: "2"\n', true));
    expect((c.get('ConfigMap', 'cfg') as Obj).immutable).toBe(true);
    expect(refused(c, configMap('  a: "3"\n', true))).toBe('The ConfigMap "cfg" is invalid: data: Forbidden: field is immutable when `immutable` is set');
    expect(refused(c, configMap('  a: "2"\n', false))).toBe('The ConfigMap "cfg" is invalid: immutable: Forbidden: field is immutable when `immutable` is set');
    expect(refused(c, configMap('  a: "4"\n', false))).toBe('The ConfigMap "cfg" is invalid: \n' +
      '* immutable: Forbidden: field is immutable when `immutable` is set\n' +
      '* data: Forbidden: field is immutable when `immutable` is set');
    expect((c.get('ConfigMap', 'cfg') as Obj).data).toEqual({ a: '2' });
  });

  it('can still be deleted and created again with new data', () => {
    const c = createCluster({ nodes: 1 });
    ok(c, configMap('  a: "1"\n', true));
    expect(c.delete('ConfigMap', 'cfg').ok).toBe(true);
    ok(c, configMap('  a: "9"\n', true));
    expect((c.get('ConfigMap', 'cfg') as Obj).data).toEqual({ a: '9' });
  });

  it('freezes an immutable Secret, and a Secret type never changes', () => {
    const c = createCluster({ nodes: 1 });
    ok(c, secret('  k: YQ==\n', true));
    expect(refused(c, secret('  k: Yg==\n', true))).toBe('The Secret "s" is invalid: data: Forbidden: field is immutable when `immutable` is set');
    const c2 = createCluster({ nodes: 1 });
    ok(c2, secret('  k: YQ==\n'));
    expect(refused(c2, secret('  k: YQ==\n', undefined, 'example.com/custom'))).toBe(
      'The Secret "s" is invalid: type: Invalid value: "example.com/custom": field is immutable');
  });
});
