import { describe, expect, it } from 'vitest';
import { compareKeys, toYaml } from '../../src/projections/yaml';
import { scalarStyle } from '../../src/projections/yamlScalar';
import { runningPod } from './fixtures';

describe('scalarStyle (go-yaml v2 as kubectl uses it)', () => {
  it.each([
    ['nginx:1.27', 'plain'], ['web-7c5ddbdf54', 'plain'], ['', 'double'], ['1', 'double'], ['0755', 'double'],
    ['1e3', 'double'], ['true', 'double'], ['yes', 'double'], ['y', 'double'], ['null', 'double'], ['~', 'double'],
    ['2025-01-01T09:00:00Z', 'double'], ['12:30', 'double'], ['1.2.3', 'plain'], ['-c', 'plain'], ['-', 'single'],
    ['containers with unready status: [nginx]', 'single'], ['[a]', 'single'], ['*', 'single'], ['a #b', 'single'],
    ['a#b', 'plain'], [' lead', 'single'], ['tab\there', 'double'], ['line1\nline2', 'literal'], ['trail \nx', 'double'],
    ['http://x:80/', 'plain'], ['key: value', 'single'],
  ])('%j → %s', (text, style) => {
    expect(scalarStyle(text)).toBe(style);
  });
});

describe('toYaml (kubectl get -o yaml)', () => {
  it('orders keys like go-yaml: apiVersion, kind, metadata, spec, status; numbers by value', () => {
    const keys = ['status', 'spec', 'metadata', 'kind', 'apiVersion'].sort(compareKeys);
    expect(keys).toEqual(['apiVersion', 'kind', 'metadata', 'spec', 'status']);
    // upstream: at '_' vs '9' neither is a letter, so the digit run (none vs 9) decides
    expect(['a10', 'a9', 'a_b', 'ab'].sort(compareKeys)).toEqual(['a_b', 'a9', 'a10', 'ab']);
  });

  it('prints a Pod with its status, unindented sequences, quoted timestamps and empty collections', () => {
    const text = toYaml(runningPod);
    const lines = text.split('\n');
    expect(lines.slice(0, 5)).toEqual(['apiVersion: v1', 'kind: Pod', 'metadata:', '  creationTimestamp: "2025-01-01T09:00:01Z"',
      '  generateName: web-7c5ddbdf54-']);
    expect(text).toContain('\nspec:\n  containers:\n  - env:\n    - name: MODE\n      value: demo\n');
    expect(text).toContain('\n    ports:\n    - containerPort: 80\n      protocol: TCP\n');
    expect(text).toContain('\nstatus:\n  conditions:\n  - lastTransitionTime: "2025-01-01T09:00:03Z"\n    status: "True"\n');
    expect(text).toContain('\n    state:\n      running:\n        startedAt: "2025-01-01T09:00:05Z"\n');
    expect(text.indexOf('\nspec:')).toBeLessThan(text.indexOf('\nstatus:'));
    expect(text.endsWith('qosClass: Burstable\n  startTime: "2025-01-01T09:00:02Z"\n')).toBe(true);
    expect(toYaml({ a: {}, b: [], c: null, d: [[1, 2]] })).toBe('a: {}\nb: []\nc: null\nd:\n- - 1\n  - 2\n');
  });

  it('folds long strings past column 80 at a space, continuing two columns in', () => {
    const message = '0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.';
    expect(toYaml({ status: { conditions: [{ message, type: 'PodScheduled' }] } })).toBe(
      'status:\n  conditions:\n' +
      "  - message: '0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are\n" +
      "      available: 3 No preemption victims found for incoming pod.'\n" +
      '    type: PodScheduled\n');
  });

  it('prints multi-line strings as literal blocks with the right chomping', () => {
    expect(toYaml({ a: 'x\ny\n', b: 'x\ny', c: 'x\n\n' })).toBe('a: |\n  x\n  y\nb: |-\n  x\n  y\nc: |+\n  x\n\n');
  });
});
