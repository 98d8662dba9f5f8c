import { describe, expect, it } from 'vitest';
import { admitPod, applyDefaults } from '../../../src/engine/apiserver/defaults';
import { fieldErrorText, invalidMessage } from '../../../src/engine/apiserver/errors';
import { POD_UPDATE_FORBIDDEN, validateObject } from '../../../src/engine/apiserver/validation';
import { createRandom } from '../../../src/engine/core/random';
import { UID, container, deployment, job, pod, service, workload } from './fixtures';

/* eslint-disable @typescript-eslint/no-explicit-any */
const stored = (obj: object): any => applyDefaults(obj, { uid: UID });
const update = (next: object, old: object): string[] => validateObject(stored(next), stored(old)).map(fieldErrorText);

describe('immutable selectors', () => {
  it('Deployment: the §13.11 message', () => {
    const old = deployment();
    const next = deployment({ selector: { matchLabels: { app: 'web2' } },
      template: { metadata: { labels: { app: 'web2' } }, spec: { containers: [container()] } } });
    const errors = validateObject(stored(next), stored(old));
    expect(invalidMessage('Deployment', 'web', errors)).toBe('The Deployment "web" is invalid: spec.selector: Invalid value: ' +
      'v1.LabelSelector{MatchLabels:map[string]string{"app":"web2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable');
  });

  it.each(['ReplicaSet', 'DaemonSet'])('%s selector may not change', (kind) => {
    const old = workload(kind);
    const next = workload(kind, { selector: { matchLabels: { app: 'web', tier: 'x' } },
      template: { metadata: { labels: { app: 'web', tier: 'x' } }, spec: { containers: [container()] } } });
    expect(update(next, old)).toEqual(['spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web", "tier":"x"}, ' +
      'MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable']);
  });

  it('Deployment template and replicas may change', () => {
    expect(update(deployment({ replicas: 5 }, { containers: [container({ image: 'nginx:1.26' })] }), deployment())).toEqual([]);
  });

  it('StatefulSet: only the allowed spec fields may change', () => {
    expect(update(workload('StatefulSet', { replicas: 3, minReadySeconds: 5 }), workload('StatefulSet'))).toEqual([]);
    expect(update(workload('StatefulSet', { serviceName: 'other' }), workload('StatefulSet'))).toEqual([
      "spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', " +
      "'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden"]);
  });

  it('Job: selector, template and completions are immutable', () => {
    const old = stored(job());
    const next = structuredClone(old);
    next.spec.completions = 3;
    next.spec.template.spec.containers[0].image = 'perl:5';
    expect(validateObject(next, old).map(fieldErrorText)).toEqual([
      'spec.completions: Invalid value: 3: field is immutable',
      'spec.template: Invalid value: core.PodTemplateSpec{...}: field is immutable',
    ]);
  });
});

describe('Pod updates', () => {
  const admitted = (): any => admitPod(applyDefaults(pod()), createRandom(1));

  it('allows image changes and added tolerations', () => {
    const old = admitted();
    const next = structuredClone(old);
    next.spec.containers[0].image = 'nginx:1.26';
    next.spec.tolerations.push({ key: 'gpu', operator: 'Exists' });
    expect(validateObject(next, old)).toEqual([]);
  });

  it('forbids other spec changes (§13.15, without the struct diff)', () => {
    const old = admitted();
    const next = structuredClone(old);
    next.spec.containers[0].ports = [{ containerPort: 80, protocol: 'TCP' }];
    expect(validateObject(next, old).map(fieldErrorText)).toEqual([`spec: Forbidden: ${POD_UPDATE_FORBIDDEN}`]);
    expect(POD_UPDATE_FORBIDDEN).toBe('pod updates may not change fields other than `spec.containers[*].image`,' +
      '`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),' +
      '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)');
  });

  it('forbids adding containers and changing existing tolerations', () => {
    const old = admitted();
    const more = structuredClone(old);
    more.spec.containers.push({ ...more.spec.containers[0], name: 'second' });
    expect(validateObject(more, old).map(fieldErrorText)).toEqual(['spec.containers: Forbidden: pod updates may not add or remove containers']);
    const changed = structuredClone(old);
    changed.spec.tolerations[0].operator = 'Equal';
    expect(validateObject(changed, old).map(fieldErrorText)).toContain(
      'spec.tolerations: Forbidden: existing toleration can not be modified except its tolerationSeconds');
  });

  it('activeDeadlineSeconds may only shrink', () => {
    const old = admitted();
    old.spec.activeDeadlineSeconds = 30;
    const next = structuredClone(old);
    next.spec.activeDeadlineSeconds = 60;
    expect(validateObject(next, old).map(fieldErrorText)).toEqual(['spec.activeDeadlineSeconds: Invalid value: 60: must be less than or equal to previous value']);
    next.spec.activeDeadlineSeconds = 10;
    expect(validateObject(next, old)).toEqual([]);
  });
});

describe('other update rules', () => {
  it('Service: an allocated clusterIP may not change', () => {
    const old = stored(service({ clusterIP: '10.96.0.10' }));
    const next = stored(service({ clusterIP: '10.96.0.11' }));
    expect(validateObject(next, old).map(fieldErrorText)).toEqual(['spec.clusterIPs[0]: Invalid value: []string{"10.96.0.11"}: may not change once set']);
    expect(validateObject(stored(service({ clusterIP: '10.96.0.10', type: 'NodePort' })), old)).toEqual([]);
  });

  it('ConfigMap and Secret: immutable data', () => {
    const cm = (data: object, immutable?: boolean) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'default' }, data, immutable });
    expect(update(cm({ a: '2' }, true), cm({ a: '1' }, true))).toEqual(['data: Forbidden: field is immutable when `immutable` is set']);
    expect(update(cm({ a: '1' }), cm({ a: '1' }, true))).toEqual(['immutable: Forbidden: field is immutable when `immutable` is set']);
    expect(update(cm({ a: '2' }), cm({ a: '1' }))).toEqual([]);
    const secret = (type: string) => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', namespace: 'default' }, type, data: {} });
    expect(update(secret('example.com/x'), secret('Opaque'))).toEqual(['type: Invalid value: "example.com/x": field is immutable']);
  });

  it('PersistentVolumeClaim: spec immutable except a bound claim growing', () => {
    const claim = (storage: string, phase?: string) => ({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'c', namespace: 'default' },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage } } }, ...(phase ? { status: { phase } } : {}) });
    expect(update(claim('2Gi', 'Bound'), claim('1Gi', 'Bound'))).toEqual([]);
    expect(update(claim('2Gi'), claim('1Gi'))).toEqual(['spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims']);
    expect(update(claim('1Gi', 'Bound'), claim('2Gi', 'Bound'))).toEqual(['spec.resources.requests.storage: Forbidden: field can not be less than previous value']);
  });

  it('StorageClass: provisioner and parameters are fixed', () => {
    const sc = (provisioner: string) => ({ apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'fast' }, provisioner });
    expect(update(sc('b.example.com'), sc('a.example.com'))).toEqual(['provisioner: Forbidden: updates to provisioner are forbidden.']);
  });
});
