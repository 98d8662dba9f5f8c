import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../src/engine/api';
import { describeObject } from '../../src/projections/describe';
import { camelSplit, smartLabel } from '../../src/projections/describeGeneric';
import { endpointsText } from '../../src/projections/describeService';
import { at, runningPod, ts } from './fixtures';

const meta = (name: string, extra: object = {}) => ({ name, namespace: 'default', uid: `uid-${name}`, resourceVersion: '1', creationTimestamp: ts(0), ...extra });
const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80, protocol: 'TCP' }] }] } };
const deployment = {
  apiVersion: 'apps/v1', kind: 'Deployment', metadata: meta('web', { generation: 1, annotations: { 'deployment.kubernetes.io/revision': '1' } }),
  spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } } },
  status: { replicas: 3, updatedReplicas: 3, availableReplicas: 2, unavailableReplicas: 1,
    conditions: [{ type: 'Available', status: 'False', reason: 'MinimumReplicasUnavailable' }, { type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated' }] },
} as unknown as KubeObject;
const replicaSet = {
  apiVersion: 'apps/v1', kind: 'ReplicaSet',
  metadata: meta('web-7c5ddbdf54', { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'uid-web', controller: true }] }),
  spec: { replicas: 3, selector: { matchLabels: { app: 'web', 'pod-template-hash': '7c5ddbdf54' } },
    template: { ...template, metadata: { labels: { app: 'web', 'pod-template-hash': '7c5ddbdf54' } } } },
  status: { replicas: 3 },
} as unknown as KubeObject;
const pod = { ...runningPod, metadata: { ...runningPod.metadata, ownerReferences: [{ kind: 'ReplicaSet', name: 'web-7c5ddbdf54', uid: 'uid-web-7c5ddbdf54', controller: true }] } } as KubeObject;
const view = {
  list: (kind: string) => (kind === 'ReplicaSet' ? [replicaSet] : kind === 'Pod' ? [pod] : []),
  events: () => [],
  get: () => undefined,
};

describe('describe for other kinds', () => {
  it('describes a Deployment with replicas, strategy, the Pod template, conditions and ReplicaSets', () => {
    const lines = describeObject(deployment, view, at(30)).split('\n');
    expect(lines).toEqual(expect.arrayContaining([
      'Selector:               app=web',
      'Replicas:               3 desired | 3 updated | 3 total | 2 available | 1 unavailable',
      'StrategyType:           RollingUpdate',
      'RollingUpdateStrategy:  25% max unavailable, 25% max surge',
      'Pod Template:',
      '  Labels:  app=web',
      '  Containers:',
      '   nginx:',
      '    Image:         nginx:1.27',
      '  Type           Status  Reason',
      '  Available      False   MinimumReplicasUnavailable',
      'OldReplicaSets:  <none>',
      'NewReplicaSet:   web-7c5ddbdf54 (3/3 replicas created)',
      'Events:          <none>',
    ]));
  });

  it('describes a ReplicaSet with its owner and Pod phases', () => {
    const text = describeObject(replicaSet, view, at(30));
    expect(text).toContain('\nControlled By:  Deployment/web\nReplicas:       3 current / 3 desired\n' +
      'Pods Status:    1 Running / 0 Waiting / 0 Succeeded / 0 Failed\n');
  });

  it('describes kinds without a describer generically with smart field labels', () => {
    const cm = { apiVersion: 'example.com/v1', kind: 'Widget', metadata: meta('cfg'), data: { 'app.properties': 'a=1' } } as unknown as KubeObject;
    expect(describeObject(cm, view, at(30))).toBe([
      'Name:         cfg',
      'Namespace:    default',
      'Labels:       <none>',
      'Annotations:  <none>',
      'API Version:  example.com/v1',
      'Data:',
      // upstream: `Data:` has no tab, so the next lines form a new aligned block
      '  app.properties:  a=1',
      'Kind:              Widget',
      'Metadata:',
      '  Creation Timestamp:  2025-01-01T09:00:00Z',
      '  Resource Version:    1',
      '  UID:                 uid-cfg',
      'Events:                <none>',
      '',
    ].join('\n'));
  });

  it.each([
    ['apiVersion', 'API Version'], ['creationTimestamp', 'Creation Timestamp'], ['clusterIPs', 'Cluster I Ps'],
    ['podIP', 'Pod IP'], ['app.kubernetes.io/name', 'app.kubernetes.io/name'], ['uid', 'UID'],
  ])('smartLabel(%s) = %s', (field, label) => {
    expect(smartLabel(field)).toBe(label);
  });

  it('splits camel case like fatih/camelcase', () => {
    expect(camelSplit('PDFLoader')).toEqual(['PDF', 'Loader']);
  });

  it('lists ready endpoints of a Service port, three at most', () => {
    const slice = (ips: string[], ready = true) => ({ ports: [{ name: '', port: 80 }],
      endpoints: ips.map((ip) => ({ addresses: [ip], conditions: { ready } })) });
    expect(endpointsText([], '')).toBe('<none>');
    expect(endpointsText([slice(['10.244.1.2', '10.244.2.2']), slice(['10.244.3.9'], false)] as never, '')).toBe('10.244.1.2:80,10.244.2.2:80');
    expect(endpointsText([slice(['a', 'b', 'c', 'd', 'e'])] as never, '')).toBe('a:80,b:80,c:80 + 2 more...');
  });
});

describe('describe for configuration kinds', () => {
  it('describes a ConfigMap with its data and a Secret with sizes only', () => {
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta('cfg'), data: { 'b.txt': 'two', 'a.conf': 'x=1' } } as unknown as KubeObject;
    expect(describeObject(cm, view, at(30))).toBe(
      'Name:         cfg\nNamespace:    default\nLabels:       <none>\nAnnotations:  <none>\n\nData\n====\n' +
      'a.conf:\n----\nx=1\nb.txt:\n----\ntwo\n\nBinaryData\n====\n\nEvents:  <none>\n');
    const secret = { apiVersion: 'v1', kind: 'Secret', metadata: meta('s'), type: 'Opaque', data: { password: 'czNjcjN0' } } as unknown as KubeObject;
    const text = describeObject(secret, view, at(30));
    expect(text).toContain('\nType:  Opaque\n\nData\n====\npassword:  6 bytes\n');
    expect(text).not.toContain('s3cr3t');
  });

  it('describes a Namespace with its status', () => {
    const ns = { apiVersion: 'v1', kind: 'Namespace', metadata: { ...meta('team'), namespace: undefined, labels: { 'kubernetes.io/metadata.name': 'team' } },
      status: { phase: 'Active' } } as unknown as KubeObject;
    expect(describeObject(ns, view, at(30))).toBe('Name:         team\nLabels:       kubernetes.io/metadata.name=team\n' +
      'Annotations:  <none>\nStatus:       Active\n\nNo resource quota.\n\nNo LimitRange resource.\n');
  });
});

describe('describe for StatefulSets, DaemonSets and Jobs', () => {
  const owned = (name: string, owner: string, phase: string) => ({ apiVersion: 'v1', kind: 'Pod',
    metadata: meta(name, { ownerReferences: [{ kind: 'X', name: owner, uid: `uid-${owner}`, controller: true }] }), status: { phase } });
  const sources = { list: (kind: string) => (kind === 'Pod' ? [owned('db-0', 'db', 'Running'), owned('db-1', 'db', 'Pending'), owned('x', 'other', 'Running')] : []),
    events: () => [], get: () => undefined } as never;

  it('describes a StatefulSet with its Pods and volume claim templates', () => {
    const sts = { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: meta('db'),
      spec: { replicas: 2, selector: { matchLabels: { app: 'db' } }, template, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
        volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }] },
      status: { replicas: 2 } } as unknown as KubeObject;
    const lines = describeObject(sts, sources, at(30)).split('\n');
    expect(lines).toEqual(expect.arrayContaining([
      'Replicas:           2 desired | 2 total',
      'Update Strategy:    RollingUpdate',
      '  Partition:        0',
      'Pods Status:        1 Running / 1 Waiting / 0 Succeeded / 0 Failed',
      'Volume Claims:',
      '  Name:          data',
      '  Capacity:      1Gi',
      '  Access Modes:  [ReadWriteOnce]',
    ]));
  });

  it('describes a DaemonSet with its scheduling counts', () => {
    const ds = { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: meta('agent'), spec: { selector: { matchLabels: { app: 'agent' } }, template },
      status: { desiredNumberScheduled: 3, currentNumberScheduled: 3, updatedNumberScheduled: 2, numberAvailable: 1, numberMisscheduled: 0 } } as unknown as KubeObject;
    const text = describeObject(ds, sources, at(30));
    expect(text).toContain('\nDesired Number of Nodes Scheduled: 3\nCurrent Number of Nodes Scheduled: 3\n' +
      'Number of Nodes Scheduled with Up-to-date Pods: 2\nNumber of Nodes Scheduled with Available Pods: 1\nNumber of Nodes Misscheduled: 0\n');
    expect(text).toContain('\nNode-Selector:  <none>\n');
  });

  it('describes a finished Job with its duration and Pod counts', () => {
    const job = { apiVersion: 'batch/v1', kind: 'Job', metadata: meta('pi'),
      spec: { parallelism: 1, completions: 1, completionMode: 'NonIndexed', suspend: false, backoffLimit: 6, selector: { matchLabels: { 'job-name': 'pi' } }, template },
      status: { startTime: ts(0), completionTime: ts(65), succeeded: 1, ready: 0 } } as unknown as KubeObject;
    const lines = describeObject(job, sources, at(90)).split('\n');
    expect(lines).toEqual(expect.arrayContaining([
      'Completions:      1',
      'Completed At:     Wed, 01 Jan 2025 09:01:05 +0000',
      'Duration:         65s',
      'Pods Statuses:    0 Active (0 Ready) / 1 Succeeded / 0 Failed',
    ]));
  });
});
