import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { add, cmp, format, parse, type Quantity } from '../../../src/engine/apiserver/admission/quantities';
import { exceeded, prettyPrint, subtractNonNegative } from '../../../src/engine/apiserver/admission/resourceLists';
import { computeUsage, podLimits, podRequests } from '../../../src/engine/apiserver/admission/podResources';

const q = (s: string) => parse(s) as Quantity;

describe('quota quantity arithmetic', () => {
  it.each([
    ['500m', '500m', '1'],
    ['400m', '1', '1400m'],
    ['256Mi', '256Mi', '512Mi'],
    ['1Gi', '512Mi', '1536Mi'],
    ['0', '128Mi', '128Mi'],
    ['1', '0.5', '1500m'],
    ['2', '0', '2'],
    ['1G', '500M', '1500M'],
  ])('%s + %s = %s', (a, b, sum) => {
    expect(format(add(q(a), q(b)))).toBe(sum);
  });

  it.each([
    ['1', '1000m', 0], ['1Gi', '1G', 1], ['100m', '0.2', -1], ['1Ki', '1024', 0],
  ])('cmp(%s, %s) = %d', (a, b, want) => {
    expect(cmp(q(a), q(b))).toBe(want);
  });

  it('prints lists sorted by name and lists what exceeds', () => {
    const used = { 'requests.memory': q('768Mi'), pods: q('3'), 'requests.cpu': q('2') };
    const hard = { 'requests.memory': q('1Gi'), pods: q('2'), 'requests.cpu': q('1500m') };
    expect(prettyPrint(used)).toBe('pods=3,requests.cpu=2,requests.memory=768Mi');
    expect(exceeded(used, hard)).toEqual(['pods', 'requests.cpu']);
    expect(prettyPrint(subtractNonNegative({ pods: q('1'), cpu: q('1') }, { pods: q('2'), cpu: q('300m') }))).toBe('cpu=700m,pods=0');
  });
});

describe('pod usage for quota', () => {
  const pod: Pod = {
    spec: {
      initContainers: [
        { name: 'setup', image: 'busybox', resources: { requests: { cpu: '2' } } },
        { name: 'proxy', image: 'envoy', restartPolicy: 'Always', resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { memory: '64Mi' } } },
      ],
      containers: [
        { name: 'a', image: 'nginx', resources: { requests: { cpu: '250m', memory: '128Mi' }, limits: { cpu: '500m', memory: '128Mi' } } },
        { name: 'b', image: 'nginx', resources: { limits: { cpu: '1', memory: '1Gi', 'nvidia.com/gpu': '1' } } },
      ],
    },
  };

  it('sums regular containers and sidecars, and takes the largest init container', () => {
    expect(prettyPrint(podRequests(pod))).toBe('cpu=2,memory=1216Mi,nvidia.com/gpu=1');
    expect(prettyPrint(podLimits(pod))).toBe('cpu=1500m,memory=1216Mi,nvidia.com/gpu=1');
  });

  it('charges the quota names upstream does', () => {
    expect(prettyPrint(computeUsage(podRequests(pod), podLimits(pod)))).toBe(
      'cpu=2,limits.cpu=1500m,limits.memory=1216Mi,memory=1216Mi,pods=1,requests.cpu=2,requests.memory=1216Mi,requests.nvidia.com/gpu=1');
  });
});
