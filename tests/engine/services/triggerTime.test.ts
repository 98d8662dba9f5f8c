import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../src/engine';
import { computeTriggerTime, withTriggerTime } from '../../../src/engine/controllers/endpointslice/triggerTime';
import type { Memo } from '../../../src/engine/controllers/types';
import { timestamp } from '../../../src/engine/core/time';

function memo(): Memo {
  const m = new Map<string, unknown>();
  return { get: <T>(k: string) => m.get(k) as T | undefined, set: (k, v) => void m.set(k, v), delete: (k) => void m.delete(k) };
}
const svc = { metadata: { name: 'web', creationTimestamp: timestamp(1_000) } } as KubeObject;
const pod = (name: string, readyAt?: number) => ({ metadata: { name }, status: { conditions: readyAt === undefined ? [] :
  [{ type: 'Ready', status: 'True', lastTransitionTime: timestamp(readyAt) }] } }) as unknown as KubeObject;

describe('last-change-trigger-time (upstream TriggerTimeTracker)', () => {
  it('is the Service creation on the first sync, then the earliest Ready transition not seen before, else none', () => {
    const m = memo();
    expect(computeTriggerTime(m, 'default/web', svc, [pod('a', 5_000)])).toBe(1_000);
    expect(computeTriggerTime(m, 'default/web', svc, [pod('a', 5_000)])).toBeUndefined();
    expect(computeTriggerTime(m, 'default/web', svc, [pod('a', 9_000), pod('b', 7_000), pod('c')])).toBe(7_000);
    expect(computeTriggerTime(m, 'default/web', svc, [pod('a', 9_000), pod('b', 7_000)])).toBeUndefined();
  });

  it('sets or clears the annotation, dropping an empty map', () => {
    expect(withTriggerTime(undefined, 3_000)).toEqual({ 'endpoints.kubernetes.io/last-change-trigger-time': '2025-01-01T09:00:03Z' });
    expect(withTriggerTime({ 'endpoints.kubernetes.io/last-change-trigger-time': 'x' }, undefined)).toBeUndefined();
    expect(withTriggerTime({ a: 'b', 'endpoints.kubernetes.io/last-change-trigger-time': 'x' }, undefined)).toEqual({ a: 'b' });
  });
});
