import { describe, expect, it } from 'vitest';
import { createCluster } from '../../src/engine/index';
import { commandLine, runCommand } from '../../src/lessons/commands';
import { enterStage, predictionTruth, runStage, runStages, stageReached, stageSpan } from '../../src/lessons/runner';
import type { Lesson, LessonCommand, Stage } from '../../src/lessons/types';

const pods = (n: number) => `apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: web}
spec:
  replicas: ${n}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: app, image: 'nginx:1.27'}]
`;

const ready = (n: number) => ({ object: { kind: 'ReplicaSet', name: 'web' }, path: 'status.readyReplicas', equals: n });

describe('the lesson runner', () => {
  it('enters a stage: applies, runs the commands, and reports what failed', () => {
    const c = createCluster();
    const good = enterStage(c, { text: { en: '', zh: '' }, apply: pods(2), pause: true }, 0);
    expect(good.errors).toEqual([]);
    expect(good.applied?.ok).toBe(true);
    expect(good.firstStep).toBe(c.steps.findIndex((s) => s.actor === 'kubectl'));
    const bad = enterStage(c, { text: { en: '', zh: '' }, apply: 'kind: Nope\n', commands: [{ type: 'scale', kind: 'Deployment', name: 'none', replicas: 1 }], pause: true }, 1);
    expect(bad.errors.length).toBe(2);
    expect(bad.errors[1]).toMatch(/^kubectl scale deployment\/none --replicas=1: /);
  });

  it('runs to a condition, and stops at it', () => {
    const c = createCluster();
    const stage: Stage = { text: { en: '', zh: '' }, apply: pods(3), runUntil: ready(3), pause: true };
    const entry = enterStage(c, stage, 0);
    expect(stageReached(c, stage, entry)).toBe(false);
    const run = runStage(c, stage, entry);
    expect(run.reached).toBe(true);
    expect(run.steps).toBe(c.steps.length - entry.firstStep - 1);
    // the Step before the last did not yet satisfy it
    expect((c.at(c.steps.length - 2).get('ReplicaSet', 'web')?.status as { readyReplicas?: number }).readyReplicas ?? 0).toBeLessThan(3);
  });

  it('runs a span of virtual time exactly', () => {
    const c = createCluster();
    const stage: Stage = { text: { en: '', zh: '' }, apply: pods(1), runUntil: { ms: 45_000 }, pause: true };
    const entry = enterStage(c, stage, 0);
    expect(runStage(c, stage, entry).reached).toBe(true);
    expect(c.now).toBe(entry.startTime + 45_000);
  });

  it('runs until the control plane is idle', () => {
    const c = createCluster();
    const stage: Stage = { text: { en: '', zh: '' }, apply: pods(2), runUntil: 'settled', pause: true };
    const entry = enterStage(c, stage, 0);
    expect(runStage(c, stage, entry).reached).toBe(true);
    expect(c.nextActionTime()).toBeUndefined();
    expect(c.step()).toBeUndefined();
  });

  it('gives up on a pause point it cannot reach', () => {
    const c = createCluster();
    const stage: Stage = { text: { en: '', zh: '' }, apply: pods(1), runUntil: ready(5), pause: true };
    const entry = enterStage(c, stage, 0);
    const run = runStage(c, stage, entry, { maxMs: 60_000, maxSteps: 10_000 });
    expect(run.reached).toBe(false);
    expect(run.problem).toMatch(/nothing left to do|not reached within/);
  });

  it('judges predictions over the Steps of the stage\'s run', () => {
    const c = createCluster();
    const stage: Stage = {
      text: { en: '', zh: '' }, apply: pods(2), runUntil: ready(2), pause: true,
      predict: {
        question: { en: '', zh: '' }, choices: [{ en: '', zh: '' }, { en: '', zh: '' }, { en: '', zh: '' }], answer: 1, why: { en: '', zh: '' },
        check: [
          { always: { count: { kind: 'Pod', selector: { app: 'web' } }, equals: 2 } },
          { ever: { count: { kind: 'Pod', selector: { app: 'web' } }, equals: 0 } },
          { count: { kind: 'Pod', selector: { app: 'web' } }, equals: 0 },
        ],
      },
    };
    const entry = enterStage(c, stage, 0);
    runStage(c, stage, entry);
    expect(stageSpan(c, entry).length).toBe(c.steps.length - entry.firstStep);
    // the run starts with the apply's Step, before any Pod exists
    expect(predictionTruth(c, stage, entry)).toEqual([1]);
  });

  it('replays a lesson deterministically', () => {
    const lesson: Lesson = {
      id: 'x', chapter: 1, title: { en: '', zh: '' }, summary: { en: '', zh: '' },
      stages: [
        { text: { en: '', zh: '' }, apply: pods(2), runUntil: ready(2), pause: true },
        { text: { en: '', zh: '' }, commands: [{ type: 'scale', kind: 'ReplicaSet', name: 'web', replicas: 4 }], runUntil: ready(4), pause: true },
      ],
    };
    const a = createCluster();
    const b = createCluster();
    runStages(a, lesson, 0, 2);
    runStages(b, lesson, 0, 1);
    runStages(b, lesson, 1, 2);
    expect(b.steps.map((s) => `${s.time} ${s.actor} ${s.message}`)).toEqual(a.steps.map((s) => `${s.time} ${s.actor} ${s.message}`));
  });
});

describe('lesson commands', () => {
  it.each<[LessonCommand, string]>([
    [{ type: 'scale', kind: 'Deployment', name: 'web', replicas: 5 }, 'kubectl scale deployment/web --replicas=5'],
    [{ type: 'scale', kind: 'StatefulSet', name: 'db', replicas: 1, namespace: 'dev' }, 'kubectl scale statefulset/db -n dev --replicas=1'],
    [{ type: 'delete', kind: 'Pod', name: 'web-1' }, 'kubectl delete pod web-1'],
    [{ type: 'delete', kind: 'Pod', selector: { app: 'web', tier: 'a' } }, 'kubectl delete pod -l app=web,tier=a'],
    [{ type: 'delete', kind: 'ReplicaSet', name: 'rs', propagationPolicy: 'Orphan' }, 'kubectl delete replicaset rs --cascade=orphan'],
    [{ type: 'delete', kind: 'Pod', name: 'p', gracePeriodSeconds: 0 }, 'kubectl delete pod p --grace-period=0'],
    [{ type: 'rollout', action: 'undo', kind: 'Deployment', name: 'web', toRevision: 2 }, 'kubectl rollout undo deployment/web --to-revision=2'],
    [{ type: 'setSuspended', kind: 'CronJob', name: 'c', suspended: true }, 'kubectl patch cronjob c -p \'{"spec":{"suspend":true}}\''],
  ])('%j reads `%s`', (cmd, line) => {
    expect(commandLine(cmd)).toBe(line);
  });

  it('deletes by selector, naming what it deleted when limited', () => {
    const c = createCluster();
    c.apply(pods(3));
    for (let i = 0; i < 200 && c.list('Pod').length < 3; i++) c.step();
    const names = c.list('Pod').map((p) => p.metadata.name).sort();
    const one = runCommand(c, { type: 'delete', kind: 'Pod', selector: { app: 'web' }, limit: 1 });
    expect(one).toEqual({ line: `kubectl delete pod ${names[0]}`, ok: true, message: `pod "${names[0]}" deleted` });
    const none = runCommand(c, { type: 'delete', kind: 'Pod', selector: { app: 'nope' } });
    expect(none).toMatchObject({ ok: false, message: 'No resources found in default namespace.' });
  });
});
