import type { Container, Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../../src/engine';
import { containerEnv } from '../../../src/engine/kubelet/env';
import { runUntil } from '../helpers';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Obj = Record<string, any>;

function ok(c: Cluster, yaml: string): void {
  const r = c.apply(yaml);
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
}

const CONFIG = `apiVersion: v1
kind: ConfigMap
metadata:
  name: cfg
data:
  mode: fast
  9lives: skipped
binaryData:
  blob: aGVsbG8=
---
apiVersion: v1
kind: Secret
metadata:
  name: creds
data:
  user: YWRtaW4=
stringData:
  note: grüße
`;

const podWith = (name: string, env: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n  - name: app\n    image: nginx:1.27\n${env}`;

const waiting = (c: Cluster, pod: string) => (c.get('Pod', pod) as Obj | undefined)?.status?.containerStatuses?.[0]?.state?.waiting;

/** The environment the kubelet builds for the Pod's first container, from the cluster as it is now. */
function envOf(c: Cluster, pod: string, container?: Container) {
  const p = c.get('Pod', pod) as unknown as Pod;
  return containerEnv(p, container ?? p.spec!.containers[0], c, '172.18.0.2', '10.244.1.5');
}

describe('env and envFrom from ConfigMaps and Secrets', () => {
  it('stores stringData base64-encoded in data, merged over data', () => {
    const c = createCluster({ nodes: 1 });
    ok(c, CONFIG);
    const secret = c.get('Secret', 'creds') as Obj;
    expect(secret.data).toEqual({ user: 'YWRtaW4=', note: 'Z3LDvMOfZQ==' });
    expect(secret.stringData).toBeUndefined();
    expect(secret.type).toBe('Opaque');
  });

  it('refuses Secret data that is not base64', () => {
    const c = createCluster({ nodes: 1 });
    const r = c.apply('apiVersion: v1\nkind: Secret\nmetadata:\n  name: bad\ndata:\n  k: not-base64!\n');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors[0].message).toContain('illegal base64 data at input byte 3');
  });

  it('waits in CreateContainerConfigError for a missing key, then starts once the key exists', () => {
    const c = createCluster({ nodes: 1 });
    ok(c, CONFIG);
    ok(c, podWith('p', '    env:\n    - name: LEVEL\n      valueFrom: { configMapKeyRef: { name: cfg, key: level } }\n'));
    runUntil(c, () => waiting(c, 'p')?.reason === 'CreateContainerConfigError', 60_000);
    expect(waiting(c, 'p').message).toBe("couldn't find key level in ConfigMap default/cfg");
    const failed = (c.events() as Obj[]).find((e) => e.involvedObject.name === 'p' && e.reason === 'Failed')!;
    expect(failed).toMatchObject({ type: 'Warning', message: "Error: couldn't find key level in ConfigMap default/cfg" });
    ok(c, CONFIG.replace('  mode: fast\n', '  mode: fast\n  level: "3"\n'));
    runUntil(c, () => (c.get('Pod', 'p') as Obj).status.phase === 'Running', 60_000);
    expect(envOf(c, 'p')).toMatchObject({ ok: true, env: { LEVEL: '3' } });
  });

  it.each([
    ['a missing Secret key', '    env:\n    - name: PW\n      valueFrom: { secretKeyRef: { name: creds, key: password } }\n',
      "couldn't find key password in Secret default/creds"],
    ['a missing Secret', '    env:\n    - name: PW\n      valueFrom: { secretKeyRef: { name: nope, key: password } }\n', 'secret "nope" not found'],
    ['a missing envFrom ConfigMap', '    envFrom:\n    - configMapRef: { name: nope }\n', 'configmap "nope" not found'],
    ['a key only in binaryData', '    env:\n    - name: BLOB\n      valueFrom: { configMapKeyRef: { name: cfg, key: blob } }\n',
      "couldn't find key blob in ConfigMap default/cfg"],
  ])('reports %s with the kubelet message', (_what, env, message) => {
    const c = createCluster({ nodes: 1 });
    ok(c, CONFIG);
    ok(c, podWith('p', env));
    runUntil(c, () => waiting(c, 'p')?.reason === 'CreateContainerConfigError', 60_000);
    expect(waiting(c, 'p').message).toBe(message);
  });

  it('skips what is optional and missing, and starts', () => {
    const c = createCluster({ nodes: 1 });
    ok(c, CONFIG);
    ok(c, podWith('p', '    envFrom:\n    - secretRef: { name: nope, optional: true }\n    env:\n' +
      '    - name: A\n      valueFrom: { configMapKeyRef: { name: cfg, key: level, optional: true } }\n' +
      '    - name: B\n      valueFrom: { configMapKeyRef: { name: nope, key: x, optional: true } }\n' +
      '    - name: MODE\n      valueFrom: { configMapKeyRef: { name: cfg, key: mode } }\n'));
    runUntil(c, () => (c.get('Pod', 'p') as Obj).status.phase === 'Running', 60_000);
    const env = envOf(c, 'p');
    expect(env.ok && env.env.MODE).toBe('fast');
    expect(env.ok && ('A' in env.env || 'B' in env.env)).toBe(false);
  });

  it('decodes Secret values, prefixes envFrom keys, skips invalid names and lets env override envFrom', () => {
    const c = createCluster({ nodes: 1 });
    ok(c, CONFIG);
    ok(c, podWith('p', '    envFrom:\n    - configMapRef: { name: cfg }\n    - configMapRef: { name: cfg }\n      prefix: CFG_\n' +
      '    - secretRef: { name: creds }\n    env:\n' +
      '    - { name: CFG_mode, value: "slow $(user)" }\n'));
    const env = envOf(c, 'p');
    if (!env.ok) throw new Error(env.message);
    // upstream validates the name after the prefix: `9lives` is not a variable name, `CFG_9lives` is
    expect(env.env).toMatchObject({ mode: 'fast', CFG_mode: 'slow admin', CFG_9lives: 'skipped', user: 'admin', note: 'grüße' });
    expect(env.env).not.toHaveProperty('9lives');
    expect(env.env).not.toHaveProperty('CFG_blob');
    expect(env.skipped).toEqual(['Keys [9lives] from the EnvFrom configMap default/cfg were skipped since they are considered invalid environment variable names.']);
  });
});
