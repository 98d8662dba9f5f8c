import { describe, expect, it } from 'vitest';
import { newCluster, syncErrors } from '../helpers';
import { burner, hpaEvents, join, MIN } from './fixtures';

/** The burner Deployment recast as another workload kind. */
function workload(kind: 'ReplicaSet' | 'StatefulSet' | 'ReplicationController'): string {
  let yaml = burner().replace('kind: Deployment', `kind: ${kind}`);
  if (kind === 'StatefulSet') yaml = yaml.replace('  replicas: 1\n', '  replicas: 1\n  serviceName: web\n');
  if (kind === 'ReplicationController') yaml = yaml.replace('apiVersion: apps/v1', 'apiVersion: v1').replace('selector: {matchLabels: {app: web}}', 'selector: {app: web}');
  return yaml;
}

const hpaFor = (apiVersion: string, kind: string) => `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: web}
spec:
  scaleTargetRef: {apiVersion: ${apiVersion}, kind: ${kind}, name: web}
  maxReplicas: 3
  metrics:
  - type: Resource
    resource: {name: cpu, target: {type: Utilization, averageUtilization: 50}}
`;

describe('HPA scale targets (through spec.replicas, as the scale subresource)', () => {
  it.each([
    ['ReplicaSet', 'apps/v1'],
    ['StatefulSet', 'apps/v1'],
    ['ReplicationController', 'v1'],
  ] as const)('scales a %s', (kind, apiVersion) => {
    const c = newCluster();
    const applied = c.apply(join(workload(kind), hpaFor(apiVersion, kind)));
    expect(applied.ok).toBe(true);
    c.advance(2 * MIN);
    expect(hpaEvents(c)).toContain('Normal SuccessfulRescale: New size: 3; reason: cpu resource utilization (percentage of request) above target');
    expect((c.get(kind, 'web')?.spec as { replicas: number }).replicas).toBe(3);
    expect(syncErrors(c)).toEqual([]);
  });
});
