import { describe, expect, it } from 'vitest';
import { timestamp } from '../../../src/engine/core/time';
import { newCluster, syncErrors } from '../helpers';
import { burner, condition, hpaEvents, hpaOf, hpaV2, join, MIN, replicasOf } from './fixtures';

describe('HPA errors', () => {
  it('cannot read a missing target: FailedGetScale every period', () => {
    const c = newCluster();
    c.apply(hpaV2({ target: 'nope' }));
    c.advance(MIN);
    expect(hpaOf(c).status).toEqual({
      conditions: [{ type: 'AbleToScale', status: 'False', lastTransitionTime: timestamp(15_000), reason: 'FailedGetScale',
        message: 'the HPA controller was unable to get the target\'s current scale: deployments.apps "nope" not found' }],
      desiredReplicas: 0,
    });
    expect(hpaEvents(c)).toEqual(['Warning FailedGetScale: deployments.apps "nope" not found']);
    const event = (c.events() as unknown as { reason: string; count: number }[]).find((e) => e.reason === 'FailedGetScale');
    expect(event?.count).toBe(4);
    // each sync is a Step even though only the Event changes
    expect(c.steps.filter((s) => s.actor === 'horizontal-pod-autoscaler').map((s) => s.message)).toEqual(Array(4).fill(
      'HPA web: cannot read the scale of Deployment/nope: deployments.apps "nope" not found'));
  });

  it.each([
    ['a kind without a scale subresource', 'apiVersion: apps/v1, kind: DaemonSet, name: web', 'the server could not find the requested resource'],
    ['an unknown kind', 'apiVersion: apps/v1, kind: Deployments, name: web', 'no matches for kind "Deployments" in group "apps"'],
    ['the wrong group', 'apiVersion: v1, kind: Deployment, name: web', 'no matches for kind "Deployment" in group ""'],
  ])('cannot scale %s', (_name, ref, error) => {
    const c = newCluster();
    c.apply(hpaV2().replace('{apiVersion: apps/v1, kind: Deployment, name: web}', `{${ref}}`));
    c.advance(16_000);
    expect(hpaEvents(c)).toEqual([`Warning FailedGetScale: ${error}`]);
  });

  it('names the container and Pod without a cpu request', () => {
    const c = newCluster();
    c.apply(join(burner().replace(/\s+requests: \{cpu: 100m\}\n\s+limits: \{cpu: 150m\}/, '\n          limits: {memory: 64Mi}'), hpaV2()));
    c.advance(MIN);
    const pod = c.list('Pod', 'default')[0].metadata.name;
    const inner = `failed to get cpu utilization: missing request for cpu in container app of Pod ${pod}`;
    expect(condition(c, 'ScalingActive')).toMatchObject({ status: 'False', reason: 'FailedGetResourceMetric',
      message: `the HPA was unable to compute the replica count: ${inner}` });
    expect(hpaEvents(c)).toContain(`Warning FailedGetResourceMetric: ${inner}`);
    expect(hpaEvents(c)).toContain('Warning FailedComputeMetricsReplicas: invalid metrics (1 invalid out of 1), first error is: '
      + `failed to get cpu resource metric value: ${inner}`);
    expect(hpaOf(c).status).toMatchObject({ currentMetrics: [{ type: '' }], currentReplicas: 1, desiredReplicas: 0 });
    expect(replicasOf(c)).toBe(1);
  });

  it('refuses two HPAs for the same Pods (AmbiguousSelector)', () => {
    const c = newCluster();
    c.apply(join(burner(), hpaV2(), hpaV2({ name: 'web-2' })));
    c.advance(MIN);
    const message = 'pods by selector app=web are controlled by multiple HPAs: [default/web default/web-2]';
    expect(hpaEvents(c, 'web-2')).toContain(`Warning AmbiguousSelector: ${message}`);
    expect(condition(c, 'ScalingActive', 'web')).toMatchObject({ status: 'False', reason: 'AmbiguousSelector', message });
    expect(replicasOf(c)).toBe(1);
    expect(syncErrors(c)).toEqual([]);
  });

  it('keeps its last status, metrics included, when the target disappears', () => {
    const c = newCluster();
    c.apply(join(burner(), hpaV2({ max: 3 })));
    c.advance(MIN);
    const before = hpaOf(c).status;
    c.delete('Deployment', 'web');
    c.advance(20_000);
    const after = hpaOf(c).status;
    expect(after.conditions?.[0]).toMatchObject({ type: 'AbleToScale', status: 'False', reason: 'FailedGetScale' });
    expect({ ...after, conditions: after.conditions?.slice(1) }).toEqual({ ...before, conditions: before.conditions?.slice(1) });
    expect(before.currentMetrics).toHaveLength(1);
  });

  it('recovers once the target exists, and forgets a deleted HPA', () => {
    const c = newCluster();
    c.apply(hpaV2());
    c.advance(20_000);
    c.apply(burner());
    c.advance(MIN);
    expect(condition(c, 'AbleToScale')).toMatchObject({ status: 'True' });
    expect(replicasOf(c)).toBeGreaterThan(1);
    c.delete('HorizontalPodAutoscaler', 'web');
    c.advance(MIN);
    expect(c.table('hpa/syncs')).toEqual([]);
    expect(c.steps.filter((s) => s.actor === 'horizontal-pod-autoscaler').at(-1)?.message)
      .toBe('HPA default/web is gone: the autoscaler forgets its recommendations and scale events');
  });
});
