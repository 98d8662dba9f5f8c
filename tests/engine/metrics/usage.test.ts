import { describe, expect, it } from 'vitest';
import { cpuMilli, memoryBytes, residentBytes } from '../../../src/engine/metrics/usage';
import { tabWrite } from '../../../src/engine/metrics/tabWriter';

const Mi = 1024 * 1024;
const nginx = 'docker.io/library/nginx:1.27';

describe('the usage model', () => {
  it.each([
    ['idle', { requestsPerSecond: 0 }, 1],
    ['3.3 req/s', { requestsPerSecond: 10 / 3 }, 35],
    ['20 req/s', { requestsPerSecond: 20 }, 201],
    ['capped by a 100m limit', { requestsPerSecond: 50, limits: { cpu: '100m' } }, 100],
    ['two stress hogs under a 1.5 CPU limit', { requestsPerSecond: 0, cpuHogs: 2, limits: { cpu: '1500m' } }, 1500],
    ['one stress hog, no limit', { requestsPerSecond: 0, cpuHogs: 1 }, 1001],
  ])('CPU %s → %im', (_label, input, milli) => {
    expect(cpuMilli({ image: nginx, limits: {}, ...input })).toBe(milli);
  });

  it.each([
    [nginx, 3 * Mi],
    ['docker.io/library/redis:7', 3 * Mi],
    ['docker.io/library/postgres:16', 28 * Mi],
    ['registry.k8s.io/hpa-example:latest', 11 * Mi],
    ['docker.io/library/busybox:1.36', Math.round(0.4 * Mi)],
  ])('%s rests at %i bytes', (image, bytes) => {
    expect(residentBytes(image)).toBe(bytes);
  });

  it('adds what a stress tool allocates, up to the memory limit', () => {
    expect(memoryBytes({ image: 'docker.io/polinux/stress:latest', requestsPerSecond: 0, allocatedBytes: 150 * Mi, limits: {} }))
      .toBe(150 * Mi + residentBytes('docker.io/polinux/stress:latest'));
    expect(memoryBytes({ image: nginx, requestsPerSecond: 0, allocatedBytes: 300 * Mi, limits: { memory: '200Mi' } })).toBe(200 * Mi);
  });
});

describe('tabWrite (kubectl\'s tabwriter: minwidth 6, padding 3)', () => {
  it('pads every cell to its column width plus 3', () => {
    expect(tabWrite([['NAME', 'CPU(cores)'], ['a', '1m']])).toBe('NAME   CPU(cores)   \na      1m           \n');
  });
});
