import { describe, expect, it } from 'vitest';
import { API_TOKEN_MOUNT_PATH, admitPod, applyDefaults } from '../../../src/engine/apiserver/defaults';
import { createRandom } from '../../../src/engine/core/random';
import { container, pod } from './fixtures';

const admit = (p: object, options = {}) => admitPod(applyDefaults(p), createRandom(1), options);

describe('admitPod', () => {
  it('defaults the service account and mounts the kube-api-access projected volume everywhere', () => {
    const out = admit(pod({ initContainers: [container({ name: 'init' })] }));
    expect(out.spec.serviceAccountName).toBe('default');
    expect(out.spec.serviceAccount).toBe('default');
    const volume = out.spec.volumes.at(-1);
    expect(volume.name).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(volume.projected).toEqual({
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
        { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
      ],
    });
    const mount = { mountPath: API_TOKEN_MOUNT_PATH, name: volume.name, readOnly: true };
    expect(out.spec.containers[0].volumeMounts).toEqual([mount]);
    expect(out.spec.initContainers[0].volumeMounts).toEqual([mount]);
  });

  it('adds priority, preemptionPolicy, enableServiceLinks and the two NoExecute tolerations', () => {
    const out = admit(pod());
    expect(out.spec.priority).toBe(0);
    expect(out.spec.preemptionPolicy).toBe('PreemptLowerPriority');
    expect(out.spec.enableServiceLinks).toBe(true);
    expect(out.spec.tolerations).toEqual([
      { effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists', tolerationSeconds: 300 },
      { effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', operator: 'Exists', tolerationSeconds: 300 },
    ]);
  });

  it('keeps tolerations the pod already has for those keys (or for every key)', () => {
    const own = { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 10 };
    expect(admit(pod({ tolerations: [own] })).spec.tolerations).toEqual([
      own, { effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists', tolerationSeconds: 300 },
    ]);
    expect(admit(pod({ tolerations: [{ operator: 'Exists' }] })).spec.tolerations).toEqual([{ operator: 'Exists' }]);
    const noSchedule = { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoSchedule' };
    expect(admit(pod({ tolerations: [noSchedule] })).spec.tolerations).toHaveLength(3);
  });

  it('honours automountServiceAccountToken false on the pod or its service account', () => {
    const off = admit(pod({ automountServiceAccountToken: false }));
    expect(off.spec.volumes).toBeUndefined();
    expect(off.spec.containers[0].volumeMounts).toBeUndefined();
    const saOff = admit(pod({ serviceAccountName: 'bot' }), { serviceAccount: { automountServiceAccountToken: false } });
    expect(saOff.spec.volumes).toBeUndefined();
    expect(saOff.spec.serviceAccountName).toBe('bot');
  });

  it('leaves a container that mounts something at the token path alone', () => {
    const own = { name: 'tok', mountPath: API_TOKEN_MOUNT_PATH };
    const out = admit(pod({ volumes: [{ name: 'tok', emptyDir: {} }], containers: [container({ volumeMounts: [own] })] }));
    expect(out.spec.containers[0].volumeMounts).toEqual([own]);
    expect(out.spec.volumes).toEqual([{ name: 'tok', emptyDir: {} }]);
  });

  it('resolves priority classes', () => {
    expect(admit(pod({ priorityClassName: 'system-node-critical' })).spec.priority).toBe(2000001000);
    const classes = [{ metadata: { name: 'high' }, value: 1000, preemptionPolicy: 'Never' }, { metadata: { name: 'dflt' }, value: 7, globalDefault: true }];
    expect(admit(pod({ priorityClassName: 'high' }), { priorityClasses: classes }).spec).toMatchObject({ priority: 1000, preemptionPolicy: 'Never' });
    expect(admit(pod(), { priorityClasses: classes }).spec).toMatchObject({ priority: 7, priorityClassName: 'dflt' });
  });

  it('draws the volume suffix from the given generator and does not mutate its input', () => {
    const input = applyDefaults(pod());
    const before = JSON.stringify(input);
    const a = admitPod(input, createRandom(5));
    const b = admitPod(input, createRandom(5));
    expect(a.spec.volumes[0].name).toBe(b.spec.volumes[0].name);
    expect(JSON.stringify(input)).toBe(before);
  });
});
