import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../src/engine/api';
import { deploymentBounds, resolveFenceposts, scaledValue } from '../../src/projections/rolloutBounds';

describe('scaledValue', () => {
  it.each([
    [3, 10, true, 3],
    ['25%', 10, true, 3],
    ['25%', 10, false, 2],
    ['25%', 4, true, 1],
    ['25%', 4, false, 1],
    ['0%', 4, true, 0],
    ['100%', 7, false, 7],
    ['bogus', 4, true, 0],
    [undefined, 4, true, 0],
  ] as const)('%s of %d (round up %s) is %d', (value, total, up, expected) => {
    expect(scaledValue(value, total, up)).toBe(expected);
  });
});

describe('resolveFenceposts', () => {
  it.each([
    ['25%', '25%', 4, 1, 1],
    [3, 2, 10, 3, 2],
    ['25%', '25%', 1, 1, 0],
    ['10%', '10%', 5, 1, 0],
    // both round to 0: maxUnavailable becomes 1
    [0, '10%', 5, 0, 1],
    // never more unavailable than replicas
    [0, 5, 2, 0, 2],
    ['25%', '25%', 0, 0, 0],
  ] as const)('surge %s, unavailable %s of %d → %d / %d', (s, u, replicas, surge, unavailable) => {
    expect(resolveFenceposts(s, u, replicas)).toEqual({ surge, unavailable });
  });
});

const deployment = (spec: Record<string, unknown>): KubeObject =>
  ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', uid: 'u', resourceVersion: '1', creationTimestamp: '' }, spec });

describe('deploymentBounds', () => {
  it('worked example A: replicas 4 with the 25%/25% defaults gives max 5, min 3', () => {
    expect(deploymentBounds(deployment({ replicas: 4, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } } })))
      .toEqual({ replicas: 4, strategy: 'RollingUpdate', maxTotal: 5, minAvailable: 3 });
  });
  it('worked example B: replicas 10, surge 3, unavailable 2 gives max 13, min 8', () => {
    expect(deploymentBounds(deployment({ replicas: 10, strategy: { rollingUpdate: { maxSurge: 3, maxUnavailable: 2 } } })))
      .toEqual({ replicas: 10, strategy: 'RollingUpdate', maxTotal: 13, minAvailable: 8 });
  });
  it('Recreate has no surge or unavailability bounds', () => {
    expect(deploymentBounds(deployment({ replicas: 3, strategy: { type: 'Recreate' } }))).toEqual({ replicas: 3, strategy: 'Recreate' });
  });
  it('replicas default to 1', () => {
    expect(deploymentBounds(deployment({}))).toEqual({ replicas: 1, strategy: 'RollingUpdate', maxTotal: 2, minAvailable: 1 });
  });
});
