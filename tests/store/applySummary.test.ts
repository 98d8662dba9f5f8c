import { describe, expect, it } from 'vitest';
import { applySummaryLines, resourceName } from '../../src/store/applySummary';

describe('resourceName', () => {
  it.each([
    ['Deployment', 'deployment.apps'],
    ['Service', 'service'],
    ['Pod', 'pod'],
    ['ConfigMap', 'configmap'],
    ['PersistentVolumeClaim', 'persistentvolumeclaim'],
    ['Job', 'job.batch'],
    ['CronJob', 'cronjob.batch'],
    ['HorizontalPodAutoscaler', 'horizontalpodautoscaler.autoscaling'],
    ['StorageClass', 'storageclass.storage.k8s.io'],
    ['PodDisruptionBudget', 'poddisruptionbudget.policy'],
    ['Ingress', 'ingress.networking.k8s.io'],
  ])('%s is %s', (kind, expected) => {
    expect(resourceName(kind)).toBe(expected);
  });
});

describe('applySummaryLines', () => {
  it('prints one kubectl line per object, in order', () => {
    expect(
      applySummaryLines([
        { kind: 'Deployment', name: 'web', namespace: 'default', action: 'created' },
        { kind: 'Service', name: 'web', namespace: 'default', action: 'unchanged' },
        { kind: 'Namespace', name: 'team-a', action: 'configured' },
      ]),
    ).toEqual(['deployment.apps/web created', 'service/web unchanged', 'namespace/team-a configured']);
  });
});
