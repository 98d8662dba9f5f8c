import { describe, expect, it } from 'vitest';
import type { Container } from 'kubernetes-types/core/v1';
import type { FileUpdate } from '../../../src/engine/kubelet/program';
import { runProbe } from '../../../src/engine/kubelet/probes';
import { lines, sh } from './helpers';

/** /etc/config holds ConfigMap files; the kubelet swaps `mode` to `slow` (and adds `debug`) 12 s after the start. */
const files = { '/etc/config/mode': 'fast\n' };
const mounts = ['/etc/config'];
const swap: FileUpdate[] = [{ atMs: 12_000, files: { '/etc/config/mode': 'slow\n', '/etc/config/debug': 'on\n' }, removed: [] }];

describe('programs see volume files rewritten while they run', () => {
  it('a loop reading the file prints the new content after the swap', () => {
    const p = sh('while true; do cat /etc/config/mode; sleep 5; done', 'busybox:1.36', { files, mounts, fileUpdates: swap });
    expect(lines(p).slice(0, 5)).toEqual(['fast', 'fast', 'fast', 'slow', 'slow']);
    const first = p.output.find((o) => o.line === 'slow')!.atMs;
    expect(first).toBeGreaterThanOrEqual(12_000);
    expect(first).toBeLessThan(17_000);
  });

  it('without the swap the same program is unchanged', () => {
    const p = sh('while true; do cat /etc/config/mode; sleep 5; done', 'busybox:1.36', { files, mounts });
    expect(lines(p).slice(0, 5)).toEqual(['fast', 'fast', 'fast', 'fast', 'fast']);
  });

  it('a program that read its config once at start keeps the old value', () => {
    const p = sh('MODE=$(cat /etc/config/mode); while true; do echo "mode=$MODE"; sleep 5; done', 'busybox:1.36', { files, mounts, fileUpdates: swap });
    expect(lines(p).slice(0, 5)).toEqual(Array(5).fill('mode=fast'));
  });

  it('added files appear and removed ones disappear', () => {
    const remove: FileUpdate[] = [...swap, { atMs: 22_000, files: {}, removed: ['/etc/config/mode'] }];
    const p = sh('while true; do ls /etc/config; sleep 10; done', 'busybox:1.36', { files, mounts, fileUpdates: remove });
    expect(lines(p).slice(0, 5)).toEqual(['mode', 'mode', 'debug', 'mode', 'debug']);
    const cat = sh('cat /etc/config/mode; sleep 30; cat /etc/config/mode', 'busybox:1.36', { files, mounts, fileUpdates: remove });
    expect(lines(cat)).toEqual(['fast', "cat: can't open '/etc/config/mode': No such file or directory"]);
    expect(cat.exitCode).toBe(1);
  });

  it('a process waiting for the file to change exits after the swap', () => {
    const p = sh('while [ "$(cat /etc/config/mode)" = fast ]; do sleep 5; done; exit 3', 'busybox:1.36', { files, mounts, fileUpdates: swap });
    expect(p.exitAfterMs).toBeGreaterThanOrEqual(12_000);
    expect(p.exitAfterMs).toBeLessThan(17_000);
    expect(p.exitCode).toBe(3);
  });

  it('an exec probe reading the file sees the state at its run', () => {
    const container: Container = { name: 'app', image: 'busybox:1.36' };
    const probe = { exec: { command: ['sh', '-c', 'test "$(cat /etc/config/mode)" = fast'] } };
    const p = sh('sleep infinity', 'busybox:1.36', { files, mounts, fileUpdates: swap });
    expect(runProbe(probe, p, 10_000, container, '10.244.0.5').result).toBe('success');
    expect(runProbe(probe, p, 12_000, container, '10.244.0.5').result).toBe('failure');
  });
});
