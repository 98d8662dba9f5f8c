import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { describePod } from '../../src/projections/describe';
import { eventsFor } from '../../src/projections/events';
import { at, podEvents, runningPod, ts } from './fixtures';

const pod = runningPod as unknown as Pod;
const text = (p: Pod = pod, now = at(64)): string => describePod(p, eventsFor(runningPod, podEvents), now);

describe('describePod: a running Pod, laid out as kubectl describe pod', () => {
  it('prints the header block aligned up to IP, then IPs and Controlled By apart', () => {
    expect(text().split('\n').slice(0, 14)).toEqual([
      'Name:             web-7c5ddbdf54-x8kzq',
      'Namespace:        default',
      'Priority:         0',
      'Service Account:  default',
      'Node:             node-1/192.168.49.11',
      'Start Time:       Wed, 01 Jan 2025 09:00:02 +0000',
      'Labels:           app=web',
      '                  pod-template-hash=7c5ddbdf54',
      'Annotations:      <none>',
      'Status:           Running',
      'IP:               10.244.1.2',
      'IPs:',
      '  IP:           10.244.1.2',
      'Controlled By:  ReplicaSet/web-7c5ddbdf54',
    ]);
  });

  it('prints each container with state, resources, probe, environment and mounts', () => {
    const lines = text().split('\n');
    const from = lines.indexOf('Containers:');
    expect(lines.slice(from, from + 22)).toEqual([
      'Containers:',
      '  nginx:',
      '    Container ID:   containerd://0f3c4b2a1d9e',
      '    Image:          nginx:1.27',
      '    Image ID:       docker.io/library/nginx@sha256:4c0fdaa8b6341bfdeca5f18f7837462c80cff90527ee35ef185571e1c327beac',
      '    Port:           80/TCP',
      '    Host Port:      0/TCP',
      '    State:          Running',
      '      Started:      Wed, 01 Jan 2025 09:00:05 +0000',
      '    Ready:          True',
      '    Restart Count:  0',
      '    Limits:',
      '      memory:  128Mi',
      '    Requests:',
      '      cpu:      100m',
      '      memory:   128Mi',
      '    Readiness:  http-get http://:80/ delay=0s timeout=1s period=10s #success=1 #failure=3',
      '    Environment:',
      '      MODE:    demo',
      '      POD_IP:  10.244.1.2 (v1:status.podIP)',
      '    Mounts:',
      '      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-5wzcj (ro)',
    ]);
  });

  it('prints conditions, volumes, QoS, tolerations and the Events table with ages at the cursor', () => {
    const lines = text().split('\n');
    const from = lines.indexOf('Conditions:');
    expect(lines.slice(from)).toEqual([
      'Conditions:',
      '  Type                        Status',
      '  PodReadyToStartContainers   True ',
      '  Initialized                 True ',
      '  Ready                       True ',
      '  ContainersReady             True ',
      '  PodScheduled                True ',
      'Volumes:',
      '  kube-api-access-5wzcj:',
      '    Type:                    Projected (a volume that contains injected data from multiple sources)',
      '    TokenExpirationSeconds:  3607',
      '    ConfigMapName:           kube-root-ca.crt',
      '    ConfigMapOptional:       <nil>',
      '    DownwardAPI:             true',
      'QoS Class:                   Burstable',
      'Node-Selectors:              <none>',
      'Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s',
      '                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s',
      'Events:',
      '  Type     Reason     Age                From               Message',
      '  ----     ------     ----               ----               -------',
      '  Normal   Scheduled  63s                default-scheduler  Successfully assigned default/web-7c5ddbdf54-x8kzq to node-1',
      '  Normal   Pulling    62s                kubelet            Pulling image "nginx:1.27"',
      '  Normal   Pulled     60s                kubelet            Successfully pulled image "nginx:1.27" in 2.345s (2.345s including waiting). Image size: 72123456 bytes.',
      '  Normal   Created    60s                kubelet            Created container nginx',
      '  Normal   Started    59s                kubelet            Started container nginx',
      '  Warning  Unhealthy  14s (x3 over 54s)  kubelet            Readiness probe failed: HTTP probe failed with statuscode: 503',
      '',
    ]);
  });

  it('ages follow the cursor: the same Pod three minutes later', () => {
    expect(text(pod, at(64 + 180))).toContain('Normal   Scheduled  4m3s ');
  });

  it('describes a waiting container, the last terminated state and a terminating Pod', () => {
    const crashing: Pod = {
      ...pod,
      metadata: { ...pod.metadata, deletionTimestamp: ts(90), deletionGracePeriodSeconds: 30 },
      status: { ...pod.status, containerStatuses: [{
      name: 'nginx', image: 'nginx:1.27', imageID: '', containerID: 'containerd://1', ready: false, restartCount: 3,
      state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 40s restarting failed container' } },
      lastState: { terminated: { exitCode: 1, reason: 'Error', startedAt: ts(40), finishedAt: ts(41) } },
      }] },
    };
    const lines = describePod(crashing, [], at(64)).split('\n');
    // upstream: "lasts" measures time since a future deletionTimestamp, so kubectl prints <invalid>
    expect(lines).toContain('Status:                    Terminating (lasts <invalid>)');
    expect(lines).toContain('Termination Grace Period:  30s');
    const from = lines.indexOf('    State:          Waiting');
    expect(lines.slice(from, from + 10)).toEqual([
      '    State:          Waiting',
      '      Reason:       CrashLoopBackOff',
      '    Last State:     Terminated',
      '      Reason:       Error',
      '      Exit Code:    1',
      '      Started:      Wed, 01 Jan 2025 09:00:40 +0000',
      '      Finished:     Wed, 01 Jan 2025 09:00:41 +0000',
      '    Ready:          False',
      '    Restart Count:  3',
      '    Limits:',
    ]);
    expect(lines).toContain('Events:                      <none>');
  });

  it('describes a Pending Pod that has no Node, IP or statuses yet', () => {
    const pending: Pod = {
      ...pod,
      spec: { ...pod.spec!, nodeName: undefined },
      status: { phase: 'Pending', qosClass: 'Burstable', conditions: [
        { type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: '0/3 nodes are available: 3 Insufficient cpu.' },
      ] },
    };
    const out = describePod(pending, [], at(10));
    expect(out).toContain('\nNode:             <none>\n');
    expect(out).toContain('\nIP:               \nIPs:              <none>\n');
    expect(out).not.toContain('Container ID');
    expect(out).toContain('\n  PodScheduled   False \n');
  });
});
