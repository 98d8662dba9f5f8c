import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../src/engine';
import { hpaSpecOf } from '../../../src/engine/controllers/podautoscaler/hpaSpec';
import { readStatus, storedStatus } from '../../../src/engine/controllers/podautoscaler/hpaStatus';
import type { HpaStatus } from '../../../src/engine/controllers/podautoscaler/types';

const obj = (apiVersion: string, spec: object, annotations?: Record<string, string>, status?: object): KubeObject => ({
  apiVersion, kind: 'HorizontalPodAutoscaler', spec, ...(status ? { status } : {}),
  metadata: { name: 'web', namespace: 'default', uid: 'u', resourceVersion: '1', creationTimestamp: '', ...(annotations ? { annotations } : {}) },
});
const ref = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' };

describe('the spec in the v2 shape', () => {
  it('turns targetCPUUtilizationPercentage into a cpu Utilization metric', () => {
    const spec = hpaSpecOf(obj('autoscaling/v1', { scaleTargetRef: ref, minReplicas: 2, maxReplicas: 5, targetCPUUtilizationPercentage: 60 }));
    expect(spec).toMatchObject({ minReplicas: 2, maxReplicas: 5, behavior: undefined,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 60 } } }] });
  });

  it('defaults a HPA without metrics to 80% cpu, and keeps v1 round-trip metrics first', () => {
    expect(hpaSpecOf(obj('autoscaling/v1', { scaleTargetRef: ref, maxReplicas: 5 })).metrics[0].resource?.target.averageUtilization).toBe(80);
    const annotated = obj('autoscaling/v1', { scaleTargetRef: ref, maxReplicas: 5, targetCPUUtilizationPercentage: 70 },
      { 'autoscaling.alpha.kubernetes.io/metrics': '[{"type":"Resource","resource":{"name":"memory","targetAverageUtilization":60}}]' });
    expect(hpaSpecOf(annotated).metrics.map((m) => m.resource?.name)).toEqual(['memory', 'cpu']);
  });

  it('fills the behavior defaults (scale-down window 300s)', () => {
    const spec = hpaSpecOf(obj('autoscaling/v2', { scaleTargetRef: ref, maxReplicas: 5, behavior: { scaleDown: { policies: [{ type: 'Pods', value: 1, periodSeconds: 60 }] } } }));
    expect(spec.behavior).toEqual({
      scaleUp: { stabilizationWindowSeconds: 0, selectPolicy: 'Max', policies: [{ type: 'Pods', value: 4, periodSeconds: 15 }, { type: 'Percent', value: 100, periodSeconds: 15 }] },
      scaleDown: { stabilizationWindowSeconds: 300, selectPolicy: 'Max', policies: [{ type: 'Pods', value: 1, periodSeconds: 60 }] },
    });
  });
});

describe('the stored status', () => {
  const status: HpaStatus = {
    currentReplicas: 3, desiredReplicas: 4, lastScaleTime: '2025-01-01T09:01:00Z', observedGeneration: 1,
    currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 48, averageValue: '48m' } } }],
    conditions: [{ type: 'AbleToScale', status: 'True', lastTransitionTime: '2025-01-01T09:00:15Z', reason: 'SucceededRescale', message: 'the HPA controller was able to update the target scale to 4' }],
  };

  it('keeps v2 as is, dropping empty fields', () => {
    const v2 = obj('autoscaling/v2', { scaleTargetRef: ref, maxReplicas: 5 });
    expect(storedStatus(v2, status)).toEqual({ status: { ...status } });
    expect(storedStatus(v2, { currentReplicas: 0, desiredReplicas: 0 })).toEqual({ status: { desiredReplicas: 0 } });
  });

  it('converts to v1: currentCPUUtilizationPercentage, conditions and metrics in annotations', () => {
    const v1 = obj('autoscaling/v1', { scaleTargetRef: ref, maxReplicas: 5 }, { team: 'a' });
    const stored = storedStatus(v1, status);
    expect(stored.status).toEqual({ observedGeneration: 1, lastScaleTime: '2025-01-01T09:01:00Z', currentReplicas: 3, desiredReplicas: 4,
      currentCPUUtilizationPercentage: 48 });
    expect(stored.annotations).toEqual({
      team: 'a',
      'autoscaling.alpha.kubernetes.io/current-metrics': '[{"type":"Resource","resource":{"name":"cpu","currentAverageUtilization":48,"currentAverageValue":"48m"}}]',
      'autoscaling.alpha.kubernetes.io/conditions': '[{"type":"AbleToScale","status":"True","lastTransitionTime":"2025-01-01T09:00:15Z",'
        + '"reason":"SucceededRescale","message":"the HPA controller was able to update the target scale to 4"}]',
    });
    // and back: the conditions are read from the annotation
    const back = readStatus({ ...v1, metadata: { ...v1.metadata, annotations: stored.annotations }, status: stored.status });
    expect(back.conditions).toEqual(status.conditions);
    expect(back.currentMetrics).toEqual(status.currentMetrics);
    expect(back).toMatchObject({ currentReplicas: 3, desiredReplicas: 4, lastScaleTime: '2025-01-01T09:01:00Z' });
  });
});
