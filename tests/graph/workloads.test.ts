import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../src/engine/api';
import { EPOCH_MS } from '../../src/engine/core/time';
import { bandColumns, type BandEntry } from '../../src/graph/workloadsBand';
import { jobCompletionsColumn, jobStatusColumn } from '../../src/graph/workloadsBatch';
import { workloadData } from '../../src/graph/workloadsKinds';
import { BAND_WIDTH_FACTOR, CARD_HEIGHT, CARD_WIDTH, TIER_GAP, placeBand } from '../../src/graph/workloadsLayout';
import { revisionBadge } from '../../src/graph/revisions';

function obj(kind: string, name: string, spec: Record<string, unknown>, status: Record<string, unknown> = {}, meta: Partial<KubeObject['metadata']> = {}): KubeObject {
  return {
    apiVersion: 'apps/v1', kind,
    metadata: { name, namespace: 'default', uid: `uid-${name}`, resourceVersion: '1', creationTimestamp: '2025-01-01T09:00:00Z', ...meta },
    spec, status,
  };
}
const at = (seconds: number) => new Date(EPOCH_MS + seconds * 1000).toISOString().replace('.000Z', 'Z');
const cond = (type: string, status = 'True', reason = '') => ({ type, status, reason });

describe('workload elements, worded like kubectl', () => {
  it.each([
    ['Deployment ready', obj('Deployment', 'web', { replicas: 3 }, { replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 }),
      'Deployment web, 3/3 ready', '3/3 ready', 'Available', 'running'],
    ['Deployment rolling', obj('Deployment', 'web', { replicas: 4 }, { replicas: 5, updatedReplicas: 2, readyReplicas: 3, availableReplicas: 3 }),
      'Deployment web, 3/4 ready', '3/4 ready', 'Rolling out', 'pending'],
    ['Deployment paused', obj('Deployment', 'web', { replicas: 2, paused: true }, { replicas: 2, updatedReplicas: 2, readyReplicas: 2 }),
      'Deployment web, 2/2 ready', '2/2 ready', 'Paused', 'unknown'],
    ['Deployment past its deadline', obj('Deployment', 'web', { replicas: 1 }, { replicas: 1, updatedReplicas: 1, conditions: [cond('Progressing', 'False', 'ProgressDeadlineExceeded')] }),
      'Deployment web, 0/1 ready', '0/1 ready', 'Progress deadline exceeded', 'failed'],
    ['Deployment defaults to 1 replica', obj('Deployment', 'one', {}, {}), 'Deployment one, 0/1 ready', '0/1 ready', 'Rolling out', 'pending'],
    ['ReplicaSet', obj('ReplicaSet', 'web-7c5d', { replicas: 3 }, { replicas: 3, readyReplicas: 2, availableReplicas: 2 }),
      'ReplicaSet web-7c5d, 2 of 3 ready', '2 of 3 ready', 'Not ready', 'pending'],
    ['ReplicaSet scaled to 0', obj('ReplicaSet', 'web-old', { replicas: 0 }, { replicas: 0 }),
      'ReplicaSet web-old, 0 of 0 ready', '0 of 0 ready', 'Scaled to 0', 'unknown'],
    ['ReplicationController', obj('ReplicationController', 'nginx', { replicas: 2 }, { replicas: 1, readyReplicas: 1 }),
      'ReplicationController nginx, 1 of 2 ready', '1 of 2 ready', 'Scaling up', 'pending'],
    ['StatefulSet', obj('StatefulSet', 'db', { replicas: 3 }, { replicas: 3, readyReplicas: 3, currentRevision: 'db-1', updateRevision: 'db-1' }),
      'StatefulSet db, 3/3 ready', '3/3 ready', 'Ready', 'running'],
    ['StatefulSet updating', obj('StatefulSet', 'db', { replicas: 3 }, { replicas: 3, readyReplicas: 2, currentRevision: 'db-1', updateRevision: 'db-2' }),
      'StatefulSet db, 2/3 ready', '2/3 ready', 'Rolling out', 'pending'],
    ['DaemonSet', obj('DaemonSet', 'agent', {}, { desiredNumberScheduled: 3, currentNumberScheduled: 3, numberReady: 3, updatedNumberScheduled: 3, numberAvailable: 3 }),
      'DaemonSet agent, 3 of 3 ready', '3 of 3 ready', 'Ready', 'running'],
    ['Job running', obj('Job', 'pi', { completions: 5, parallelism: 2 }, { active: 2, succeeded: 2 }),
      'Job pi, 2/5 completions, Running', '2/5 completions', 'Running', 'running'],
    ['Job complete', obj('Job', 'pi', { completions: 1 }, { succeeded: 1, conditions: [cond('SuccessCriteriaMet'), cond('Complete')] }),
      'Job pi, 1/1 completions, Complete', '1/1 completions', 'Complete', 'succeeded'],
    ['Job failed', obj('Job', 'pi', { completions: 1 }, { failed: 7, conditions: [cond('FailureTarget'), cond('Failed')] }),
      'Job pi, 0/1 completions, Failed', '0/1 completions', 'Failed', 'failed'],
    ['Terminating', obj('ReplicaSet', 'web-x', { replicas: 1 }, { replicas: 1, readyReplicas: 1 }, { deletionTimestamp: at(5) }),
      'ReplicaSet web-x, 1 of 1 ready', '1 of 1 ready', 'Terminating', 'terminating'],
  ])('%s', (_, o, ariaLabel, summary, status, tone) => {
    const data = workloadData(o, { now: 0 });
    expect(data).toMatchObject({ kind: o.kind, name: o.metadata.name, ariaLabel, summary, status, tone, ref: { kind: o.kind, name: o.metadata.name, namespace: 'default' } });
  });

  it('shows a CronJob\'s schedule and its last run, aged at the cursor', () => {
    const cron = obj('CronJob', 'hello', { schedule: '*/1 * * * *' }, { lastScheduleTime: at(60), active: [{ name: 'hello-1' }] });
    expect(workloadData(cron, { now: 80_000 })).toMatchObject({
      ariaLabel: 'CronJob hello, schedule */1 * * * *, last run 20s ago', summary: 'schedule */1 * * * *',
      details: ['last run 20s ago', '1 active'], status: 'Active',
    });
    const idle = obj('CronJob', 'nightly', { schedule: '0 3 * * *', timeZone: 'Europe/Paris', suspend: true });
    expect(workloadData(idle, { now: 0 })).toMatchObject({
      ariaLabel: 'CronJob nightly, schedule 0 3 * * * (Europe/Paris), not run yet, suspended', status: 'Suspended',
    });
  });

  it.each([
    [{ completions: 5 }, { succeeded: 2 }, '2/5'],
    [{ parallelism: 3 }, { succeeded: 1 }, '1/1 of 3'],
    [{ parallelism: 1 }, {}, '0/1'],
    [{}, {}, '0/1'],
  ])('Job COMPLETIONS of spec %j, status %j is %s', (spec, status, text) => {
    expect(jobCompletionsColumn(obj('Job', 'j', spec, status))).toBe(text);
  });

  it.each([
    [[cond('Complete')], 'Complete'],
    [[cond('Failed')], 'Failed'],
    [[cond('Suspended')], 'Suspended'],
    [[cond('FailureTarget')], 'FailureTarget'],
    [[cond('SuccessCriteriaMet')], 'SuccessCriteriaMet'],
    [[cond('Complete', 'False')], 'Running'],
    [[], 'Running'],
  ])('Job STATUS with conditions %j is %s', (conditions, text) => {
    expect(jobStatusColumn(obj('Job', 'j', {}, { conditions }))).toBe(text);
  });

  it('carries the revision it rolls out and the count of old ReplicaSets not drawn', () => {
    const data = workloadData(obj('Deployment', 'web', { replicas: 1 }), { now: 0, revision: revisionBadge(3, true), hiddenChildren: 2 });
    expect(data.revision).toEqual({ revision: 3, label: 'rev 3', colour: expect.any(String), newest: true });
    expect(data.hiddenChildren).toBe(2);
  });
});

describe('the workloads band', () => {
  const entry = (kind: BandEntry['kind'], name: string, created: string, extra: Partial<BandEntry> = {}): BandEntry => ({
    id: `${kind}/${name}`, kind, name, namespace: 'default', uid: `uid-${name}`, created, ...extra,
  });
  const deploy = entry('Deployment', 'web', 't1', { templateLabels: { app: 'web' } });
  const rs1 = entry('ReplicaSet', 'web-1', 't2', { ownerUid: 'uid-web', order: 1, templateLabels: { app: 'web', 'pod-template-hash': '1' } });
  const rs2 = entry('ReplicaSet', 'web-2', 't3', { ownerUid: 'uid-web', order: 2 });
  const sts = entry('StatefulSet', 'db', 't0', { templateLabels: { app: 'db' } });
  const cron = entry('CronJob', 'hello', 't4', { templateLabels: {} });
  const job = entry('Job', 'hello-1', 't5', { ownerUid: 'uid-hello' });
  const orphan = entry('ReplicaSet', 'lonely', 't6', { ownerUid: 'uid-gone' });
  const svcWeb = entry('Service', 'web', 't1', { selector: { app: 'web' } });
  const svcDb = entry('Service', 'db', 't0', { selector: { app: 'db' } });
  const svcNone = entry('Service', 'external', 't0', { selector: {} });

  it('makes a column per top-level workload in creation order, owners over what they own, old revisions left', () => {
    const { columns, tiers } = bandColumns([rs2, cron, deploy, job, rs1, sts, orphan], []);
    expect(columns).toEqual([
      { upper: [], lower: ['StatefulSet/db'] },
      { upper: ['Deployment/web'], lower: ['ReplicaSet/web-1', 'ReplicaSet/web-2'] },
      { upper: ['CronJob/hello'], lower: ['Job/hello-1'] },
      { upper: [], lower: ['ReplicaSet/lonely'] },
    ]);
    expect(tiers).toEqual({ upper: true, lower: true });
  });

  it('puts a Service beside the first workload whose Pods it selects, else in a column of its own', () => {
    const { columns } = bandColumns([deploy, rs1, sts], [svcWeb, svcDb, svcNone]);
    expect(columns).toEqual([
      { upper: [], lower: ['StatefulSet/db'], services: ['Service/db'] },
      { upper: [], lower: [], services: ['Service/external'] },
      { upper: ['Deployment/web'], lower: ['ReplicaSet/web-1'], services: ['Service/web'] },
    ]);
  });

  it('keeps the space below a Service empty, right of the workloads it selects', () => {
    const { columns, tiers } = bandColumns([deploy, rs1, rs2], [svcWeb]);
    const placed = placeBand(columns, 10_000, tiers);
    const svc = placed.rects.get('Service/web')!;
    expect(svc.y).toBe(0);
    for (const id of ['Deployment/web', 'ReplicaSet/web-1', 'ReplicaSet/web-2']) {
      expect(placed.rects.get(id)!.x + CARD_WIDTH).toBeLessThanOrEqual(svc.x);
    }
  });

  it('reserves the lower tier for an owner before its controller creates what it owns', () => {
    expect(bandColumns([deploy], []).tiers).toEqual({ upper: true, lower: true });
    expect(bandColumns([sts], []).tiers).toEqual({ upper: false, lower: true });
    expect(bandColumns([], [svcWeb]).tiers).toEqual({ upper: true, lower: false });
  });

  it('centres tiers in their column, keeps tiers apart, and wraps rows past the width', () => {
    const { columns, tiers } = bandColumns([deploy, rs1, rs2, sts, cron], []);
    const placed = placeBand(columns, (3 * CARD_WIDTH) / BAND_WIDTH_FACTOR, tiers);
    const r = (id: string) => placed.rects.get(id)!;
    expect(r('ReplicaSet/web-1').y).toBe(CARD_HEIGHT + TIER_GAP);
    expect(r('Deployment/web').x).toBeGreaterThan(r('ReplicaSet/web-1').x);
    expect(r('Deployment/web').x + CARD_WIDTH / 2).toBeCloseTo((r('ReplicaSet/web-1').x + r('ReplicaSet/web-2').x + CARD_WIDTH) / 2);
    // The Deployment's column is two cards wide; the next fits beside it only up to the width.
    expect(r('StatefulSet/db').y).toBe(CARD_HEIGHT + TIER_GAP);
    expect(r('CronJob/hello').y).toBeGreaterThan(r('StatefulSet/db').y);
    for (const a of placed.rects.values()) {
      for (const b of placed.rects.values()) {
        if (a === b) continue;
        const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
        expect(apart).toBe(true);
      }
    }
    expect(placeBand([], 1000, { upper: false, lower: false })).toMatchObject({ width: 0, height: 0 });
  });
});
