import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR, HAS_CORPUS } from '../../corpus';
import {
  allKinds, kindInfo, lookupKind, noMatchMessage, qualifiedKind, resolveKindName,
} from '../../../src/engine/apiserver/kinds';

describe('lookupKind', () => {
  it.each<[string, string, string, boolean]>([
    ['v1', 'Pod', 'pods', true],
    ['v1', 'Namespace', 'namespaces', false],
    ['apps/v1', 'Deployment', 'deployments', true],
    ['batch/v1', 'CronJob', 'cronjobs', true],
    ['autoscaling/v1', 'HorizontalPodAutoscaler', 'horizontalpodautoscalers', true],
    ['autoscaling/v2', 'HorizontalPodAutoscaler', 'horizontalpodautoscalers', true],
    ['networking.k8s.io/v1', 'IngressClass', 'ingressclasses', false],
    ['policy/v1', 'PodDisruptionBudget', 'poddisruptionbudgets', true],
    ['rbac.authorization.k8s.io/v1', 'ClusterRoleBinding', 'clusterrolebindings', false],
    ['storage.k8s.io/v1', 'CSIStorageCapacity', 'csistoragecapacities', true],
    ['discovery.k8s.io/v1', 'EndpointSlice', 'endpointslices', true],
    ['events.k8s.io/v1', 'Event', 'events', true],
    ['admissionregistration.k8s.io/v1', 'ValidatingAdmissionPolicyBinding', 'validatingadmissionpolicybindings', false],
    ['apiextensions.k8s.io/v1', 'CustomResourceDefinition', 'customresourcedefinitions', false],
    ['certificates.k8s.io/v1', 'CertificateSigningRequest', 'certificatesigningrequests', false],
    ['flowcontrol.apiserver.k8s.io/v1', 'FlowSchema', 'flowschemas', false],
  ])('%s %s is served', (apiVersion, kind, plural, namespaced) => {
    const info = lookupKind(apiVersion, kind);
    expect(info).toMatchObject({ kind, apiVersion, plural, namespaced });
  });

  it.each<[string, string]>([
    ['extensions/v1beta1', 'Deployment'],
    ['extensions/v1beta1', 'Ingress'],
    ['apps/v1beta1', 'Deployment'],
    ['apps/v1beta2', 'StatefulSet'],
    ['batch/v1beta1', 'CronJob'],
    ['policy/v1beta1', 'PodDisruptionBudget'],
    ['policy/v1beta1', 'PodSecurityPolicy'],
    ['autoscaling/v2beta1', 'HorizontalPodAutoscaler'],
    ['autoscaling/v2beta2', 'HorizontalPodAutoscaler'],
    ['networking.k8s.io/v1beta1', 'Ingress'],
    ['storage.k8s.io/v1beta1', 'CSIStorageCapacity'],
    ['flowcontrol.apiserver.k8s.io/v1beta1', 'FlowSchema'],
    ['flowcontrol.apiserver.k8s.io/v1beta2', 'FlowSchema'],
    ['discovery.k8s.io/v1beta1', 'EndpointSlice'],
    ['rbac.authorization.k8s.io/v1beta1', 'Role'],
    ['v1', 'Deployment'],
    ['apps/v1', 'Pod'],
  ])('%s %s does not resolve', (apiVersion, kind) => {
    expect(lookupKind(apiVersion, kind)).toBeUndefined();
  });

  it('words the no-match error as kubectl prints it', () => {
    expect(noMatchMessage('batch/v1beta1', 'CronJob')).toBe('no matches for kind "CronJob" in version "batch/v1beta1"');
  });
});

describe('resolveKindName and kindInfo', () => {
  it.each<[string, string, string]>([
    ['pods', 'Pod', 'v1'], ['po', 'Pod', 'v1'], ['pod', 'Pod', 'v1'], ['Pod', 'Pod', 'v1'],
    ['deploy', 'Deployment', 'apps/v1'], ['deployments.apps', 'Deployment', 'apps/v1'],
    ['deployment.apps', 'Deployment', 'apps/v1'], ['deployments.v1.apps', 'Deployment', 'apps/v1'],
    ['svc', 'Service', 'v1'], ['ns', 'Namespace', 'v1'], ['no', 'Node', 'v1'], ['cm', 'ConfigMap', 'v1'],
    ['pvc', 'PersistentVolumeClaim', 'v1'], ['pv', 'PersistentVolume', 'v1'], ['sts', 'StatefulSet', 'apps/v1'],
    ['ds', 'DaemonSet', 'apps/v1'], ['rs', 'ReplicaSet', 'apps/v1'], ['rc', 'ReplicationController', 'v1'],
    ['cj', 'CronJob', 'batch/v1'], ['jobs', 'Job', 'batch/v1'], ['hpa', 'HorizontalPodAutoscaler', 'autoscaling/v2'],
    ['hpa.v1.autoscaling', 'HorizontalPodAutoscaler', 'autoscaling/v1'],
    ['ing', 'Ingress', 'networking.k8s.io/v1'], ['netpol', 'NetworkPolicy', 'networking.k8s.io/v1'],
    ['pdb', 'PodDisruptionBudget', 'policy/v1'], ['sc', 'StorageClass', 'storage.k8s.io/v1'],
    ['pc', 'PriorityClass', 'scheduling.k8s.io/v1'], ['crd', 'CustomResourceDefinition', 'apiextensions.k8s.io/v1'],
    ['ev', 'Event', 'v1'], ['events', 'Event', 'v1'], ['events.events.k8s.io', 'Event', 'events.k8s.io/v1'],
    ['quota', 'ResourceQuota', 'v1'], ['limits', 'LimitRange', 'v1'], ['sa', 'ServiceAccount', 'v1'],
    ['endpointslices', 'EndpointSlice', 'discovery.k8s.io/v1'], ['DEPLOY', 'Deployment', 'apps/v1'],
  ])('%s → %s (%s)', (name, kind, apiVersion) => {
    expect(resolveKindName(name)).toMatchObject({ kind, apiVersion });
  });

  it('does not resolve unknown names', () => {
    expect(resolveKindName('widgets')).toBeUndefined();
    expect(resolveKindName('deployments.extensions')).toBeUndefined();
  });

  it('gives the preferred version for a Kind', () => {
    expect(kindInfo('HorizontalPodAutoscaler')?.apiVersion).toBe('autoscaling/v2');
    expect(kindInfo('Event')?.apiVersion).toBe('v1');
    expect(kindInfo('Deployment')?.namespaced).toBe(true);
    expect(kindInfo('ClusterRole')?.namespaced).toBe(false);
    expect(kindInfo('Nope')).toBeUndefined();
  });

  it('qualifies kinds as the API server does', () => {
    expect(qualifiedKind(kindInfo('Deployment')!)).toBe('Deployment.apps');
    expect(qualifiedKind(kindInfo('Pod')!)).toBe('Pod');
    expect(qualifiedKind(kindInfo('Ingress')!)).toBe('Ingress.networking.k8s.io');
  });

  it('lists every served kind once per version', () => {
    const keys = allKinds().map((k) => `${k.apiVersion}/${k.kind}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.length).toBeGreaterThan(50);
  });
});

describe.skipIf(!HAS_CORPUS)('the manifest corpus', () => {
  const root = `${CORPUS_DIR}/`;
  const index: { path: string; kinds: string[]; apiVersions: string[]; list_item_kinds?: string[] }[] =
    HAS_CORPUS ? JSON.parse(readFileSync(`${root}index.json`, 'utf8')) : [];
  const removed = new Set(['batch/v1beta1 CronJob', 'policy/v1beta1 PodDisruptionBudget']);
  const pairs = index.flatMap((e) => e.kinds.map((kind, i) => ({ path: e.path, kind, apiVersion: e.apiVersions[i] ?? e.apiVersions[0] })));

  it('resolves every kind at its apiVersion except the two removed ones', () => {
    const unresolved = pairs
      // `kind: List` is expanded by kubectl on the client; its items are checked below
      .filter((p) => p.kind !== 'List' && !lookupKind(p.apiVersion, p.kind))
      .map((p) => `${p.apiVersion} ${p.kind}`);
    expect(new Set(unresolved)).toEqual(removed);
  });

  it('resolves the items of the List document', () => {
    const list = index.find((e) => e.list_item_kinds);
    expect(list?.list_item_kinds?.every((k) => lookupKind('v1', k))).toBe(true);
  });
});
