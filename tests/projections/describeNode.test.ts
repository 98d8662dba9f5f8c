import { describe, expect, it } from 'vitest';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { describeNode } from '../../src/projections/describe';
import { nodeRoles, nonTerminatedPods } from '../../src/projections/describeNode';
import { at, event, node, runningPod } from './fixtures';

const theNode = node as unknown as Node;
const pod = runningPod as unknown as Pod;
const nodeEvent = event('n1', 'NodeReady', 'Node node-1 status is now: NodeReady', 0, 0, 1,
  { involvedObject: { kind: 'Node', name: 'node-1', uid: 'node-1' } });

describe('describeNode: laid out as kubectl describe node', () => {
  const lines = describeNode(theNode, [pod], [nodeEvent as never], at(64)).split('\n');

  it('prints name, roles, labels, annotations, taints and unschedulable in one aligned block', () => {
    expect(lines.slice(0, 13)).toEqual([
      'Name:               node-1',
      'Roles:              worker',
      'Labels:             kubernetes.io/arch=amd64',
      '                    kubernetes.io/hostname=node-1',
      '                    kubernetes.io/os=linux',
      '                    node-role.kubernetes.io/worker=',
      'Annotations:        node.alpha.kubernetes.io/ttl: 0',
      'CreationTimestamp:  Wed, 01 Jan 2025 09:00:00 +0000',
      'Taints:             dedicated=web:NoSchedule',
      'Unschedulable:      false',
      'Lease:',
      '  HolderIdentity:  <unset>',
      '  AcquireTime:     <unset>',
    ]);
  });

  it('prints the conditions table with heartbeat and transition times', () => {
    const from = lines.indexOf('Conditions:');
    expect(lines.slice(from, from + 5)).toEqual([
      'Conditions:',
      '  Type             Status  LastHeartbeatTime                 LastTransitionTime                Reason                       Message',
      '  ----             ------  -----------------                 ------------------                ------                       -------',
      '  MemoryPressure   False   Wed, 01 Jan 2025 09:01:00 +0000   Wed, 01 Jan 2025 09:00:00 +0000   KubeletHasSufficientMemory   kubelet has sufficient memory available',
      '  Ready            True    Wed, 01 Jan 2025 09:01:00 +0000   Wed, 01 Jan 2025 09:00:00 +0000   KubeletReady                 kubelet is posting ready status',
    ]);
  });

  it('prints addresses, capacity and allocatable', () => {
    const from = lines.indexOf('Addresses:');
    expect(lines.slice(from, from + 8)).toEqual([
      'Addresses:',
      '  InternalIP:  192.168.49.11',
      '  Hostname:    node-1',
      'Capacity:',
      '  cpu:                4',
      '  ephemeral-storage:  100Gi',
      '  memory:             8Gi',
      '  pods:               110',
    ]);
  });

  it('prints system info, PodCIDR, the non-terminated Pods with ages and the allocated resources', () => {
    const from = lines.indexOf('System Info:');
    expect(lines.slice(from + 9)).toEqual([
      '  Kubelet Version:            v1.31.0',
      '  Kube-Proxy Version:         v1.31.0',
      'PodCIDR:                      10.244.1.0/24',
      'PodCIDRs:                     10.244.1.0/24',
      'Non-terminated Pods:          (1 in total)',
      '  Namespace                   Name                    CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age',
      '  ---------                   ----                    ------------  ----------  ---------------  -------------  ---',
      '  default                     web-7c5ddbdf54-x8kzq    100m (2%)     0 (0%)      128Mi (1%)       128Mi (1%)     63s',
      'Allocated resources:',
      '  (Total limits may be over 100 percent, i.e., overcommitted.)',
      '  Resource           Requests    Limits',
      '  --------           --------    ------',
      '  cpu                100m (2%)   0 (0%)',
      '  memory             128Mi (1%)  128Mi (1%)',
      '  ephemeral-storage  0 (0%)      0 (0%)',
      'Events:',
      '  Type    Reason     Age   From     Message',
      '  ----    ------     ----  ----     -------',
      '  Normal  NodeReady  64s   kubelet  Node node-1 status is now: NodeReady',
      '',
    ]);
  });

  it('counts only Pods on this Node that have not finished', () => {
    const done = { ...pod, status: { ...pod.status, phase: 'Succeeded' } } as Pod;
    const elsewhere = { ...pod, spec: { ...pod.spec!, nodeName: 'node-2' } } as Pod;
    expect(nonTerminatedPods(theNode, [pod, done, elsewhere])).toEqual([pod]);
  });

  it.each([
    [{ 'node-role.kubernetes.io/control-plane': '', 'node-role.kubernetes.io/worker': '' }, ['control-plane', 'worker']],
    [{ 'kubernetes.io/role': 'infra' }, ['infra']],
    [{ app: 'x' }, []],
  ])('roles from labels %j', (labels, roles) => {
    expect(nodeRoles({ metadata: { labels } } as Node)).toEqual(roles);
  });
});
