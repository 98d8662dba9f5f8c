import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../src/engine';
import { newBackoffRecord, remainingBackoff } from '../../../src/engine/controllers/job/backoff';
import {
  firstPendingIndexes, formatIndexes, mergeIntervals, parseIndexes, totalIndexes, withIndexes,
} from '../../../src/engine/controllers/job/indexes';
import { generateNameWithIndex } from '../../../src/engine/controllers/job/newPod';
import { matchPodFailurePolicy } from '../../../src/engine/controllers/job/podFailurePolicy';
import { matchSuccessPolicy } from '../../../src/engine/controllers/job/successPolicy';
import { EPOCH_MS } from '../../../src/engine/core/time';

const iso = (s: number) => new Date(EPOCH_MS + s * 1000).toISOString().replace('.000Z', 'Z');

function pod(name: string, status: Record<string, unknown>): KubeObject {
  return {
    apiVersion: 'v1', kind: 'Pod', status,
    metadata: { name, namespace: 'default', uid: name, resourceVersion: '1', creationTimestamp: iso(0) },
  };
}
const failedAt = (name: string, s: number, exitCode = 1) => pod(name, {
  phase: 'Failed', containerStatuses: [{ name: 'app', state: { terminated: { exitCode, finishedAt: iso(s) } } }],
});
const succeededAt = (name: string, s: number) => pod(name, {
  phase: 'Succeeded', containerStatuses: [{ name: 'app', state: { terminated: { exitCode: 0, finishedAt: iso(s) } } }],
});

describe('completion index intervals', () => {
  it.each([
    ['', 5, ''],
    ['0-2,4', 5, '0-2,4'],
    ['0,1', 5, '0,1'],
    ['0-2,3', 10, '0-3'],
    ['1-9', 5, '1-4'],
    ['7,8', 5, ''],
    ['x,2', 5, '2'],
  ])('parse %j with completions %i formats as %j', (text, completions, formatted) => {
    expect(formatIndexes(parseIndexes(text, completions))).toBe(formatted);
  });

  it.each([
    [[], [0, 1, 2], '0-2', 3],
    [[{ first: 0, last: 1 }], [3], '0,1,3', 3],
    [[{ first: 0, last: 1 }], [2, 5, 6], '0-2,5,6', 5],
    [[{ first: 4, last: 6 }], [0, 7], '0,4-7', 5],
  ])('adding indexes to %j gives %j', (start, add, text, total) => {
    const merged = withIndexes(start, add);
    expect(formatIndexes(merged)).toBe(text);
    expect(totalIndexes(merged)).toBe(total);
  });

  it('merges overlapping interval lists', () => {
    expect(formatIndexes(mergeIntervals(parseIndexes('0-3,8', 20), parseIndexes('2-5,9-10', 20)))).toBe('0-5,8-10');
  });

  it.each([
    ['', 2, 5, [0, 1]],
    ['0,1', 2, 5, [2, 3]],
    ['0,2-3', 3, 5, [1, 4]],
    ['0-4', 2, 5, []],
    ['1', 10, 3, [0, 2]],
  ])('pending indexes around %j (count %i, completions %i) are %j', (text, count, completions, expected) => {
    expect(firstPendingIndexes(parseIndexes(text, completions), count, completions)).toEqual(expected);
  });
});

describe('pod failure back-off', () => {
  it.each([
    [0, 0, 0],
    [1, 0, 10_000],
    [1, 4_000, 6_000],
    [2, 0, 20_000],
    [3, 0, 40_000],
    [6, 0, 320_000],
    [7, 0, 600_000],
    [12, 0, 600_000],
    [1, 15_000, 0],
  ])('%i consecutive failures, %i ms after the last: wait %i ms', (failures, elapsed, wait) => {
    expect(remainingBackoff(100_000 + elapsed, failures, 100_000)).toBe(wait);
  });

  it('extends the streak with new failures and takes the latest finish time', () => {
    const record = newBackoffRecord({ failuresAfterLastSuccess: 1, lastFailureTime: 5_000 }, [], [failedAt('b', 30), failedAt('a', 20)]);
    expect(record).toEqual({ failuresAfterLastSuccess: 3, lastFailureTime: 30_000 });
  });

  it('restarts the streak after a success, counting only failures that finished after it', () => {
    const record = newBackoffRecord({ failuresAfterLastSuccess: 4, lastFailureTime: 1_000 },
      [succeededAt('s', 20)], [failedAt('x', 10), failedAt('y', 25), failedAt('z', 30)]);
    expect(record).toEqual({ failuresAfterLastSuccess: 2, lastFailureTime: 30_000 });
    expect(newBackoffRecord({ failuresAfterLastSuccess: 4, lastFailureTime: 1_000 }, [succeededAt('s', 20)], []))
      .toEqual({ failuresAfterLastSuccess: 0 });
  });
});

describe('podFailurePolicy', () => {
  const policy = {
    rules: [
      { action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] },
      { action: 'FailJob', onExitCodes: { containerName: 'app', operator: 'In', values: [42] } },
      { action: 'Count', onExitCodes: { operator: 'NotIn', values: [1] } },
    ],
  };
  it.each([
    ['exit 42 fails the Job', failedAt('p', 1, 42), {
      countFailed: true, action: 'FailJob',
      failJobMessage: 'Container app for pod default/p failed with exit code 42 matching FailJob rule at index 1',
    }],
    ['exit 3 is counted by rule 2', failedAt('p', 1, 3), { countFailed: true, action: 'Count' }],
    ['exit 1 matches nothing and counts', failedAt('p', 1, 1), { countFailed: true }],
    ['a disruption is ignored', pod('p', { phase: 'Failed', conditions: [{ type: 'DisruptionTarget', status: 'True' }] }),
      { countFailed: false, action: 'Ignore' }],
  ])('%s', (_name, p, expected) => {
    expect(matchPodFailurePolicy(policy as never, p)).toEqual(expected);
  });
});

describe('successPolicy', () => {
  it.each([
    [{ rules: [{ succeededIndexes: '0,2' }] }, '0-2', 'Matched rules at index 0'],
    [{ rules: [{ succeededIndexes: '0-3' }] }, '0-2', undefined],
    [{ rules: [{ succeededIndexes: '0-3', succeededCount: 2 }] }, '1,3', 'Matched rules at index 0'],
    [{ rules: [{ succeededIndexes: '4' }, { succeededCount: 3 }] }, '0-2', 'Matched rules at index 1'],
    [undefined, '0-9', undefined],
  ])('%j with completed %j', (policy, completed, expected) => {
    expect(matchSuccessPolicy(policy as never, 10, parseIndexes(completed, 10))).toBe(expected);
  });
});

describe('Indexed pod name prefix', () => {
  it.each([
    ['pi', 3, 'pi-3-'],
    ['a'.repeat(60), 12, `${'a'.repeat(54)}-12-`],
  ])('%s index %i', (job, index, prefix) => {
    expect(generateNameWithIndex(job, index)).toBe(prefix);
  });
});
