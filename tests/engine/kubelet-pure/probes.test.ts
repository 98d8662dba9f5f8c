import type { Container, Probe } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import type { Program } from '../../../src/engine/kubelet/program';
import { runProbe, type ProbeOutcome } from '../../../src/engine/kubelet/probes';
import { run } from './helpers';

const IP = '10.244.1.5';
const ok: ProbeOutcome = { result: 'success', output: '' };

describe('exec probes run inside the container at that moment', () => {
  // The docs' exec-liveness example: /tmp/healthy exists for 30 seconds.
  const liveness = run('k8s.gcr.io/busybox', { args: ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'] });
  const container: Container = { name: 'liveness', image: 'k8s.gcr.io/busybox' };
  const cat: Probe = { exec: { command: ['cat', '/tmp/healthy'] }, initialDelaySeconds: 5, periodSeconds: 5 };

  it.each([
    [5_000, ok],
    [30_000, ok],
    [35_000, { result: 'failure', output: "cat: can't open '/tmp/healthy': No such file or directory" }],
    [45_000, { result: 'failure', output: "cat: can't open '/tmp/healthy': No such file or directory" }],
  ])('cat /tmp/healthy at %d ms', (t, expected) => {
    expect(runProbe(cat, liveness, t, container, IP)).toEqual(expected);
  });

  it.each([
    [['test', '-e', '/tmp/healthy'], 10_000, ok],
    [['test', '-e', '/tmp/healthy'], 40_000, { result: 'failure', output: '' }],
    [['ls', '/tmp/healthy'], 40_000, { result: 'failure', output: 'ls: /tmp/healthy: No such file or directory' }],
    [['sh', '-c', '[ -f /tmp/healthy ] && echo up'], 10_000, { result: 'success', output: 'up' }],
    [['true'], 40_000, ok],
    [['false'], 40_000, { result: 'failure', output: '' }],
    [['sh', '-c', 'echo bad >&2; exit 3'], 1_000, { result: 'failure', output: 'bad' }],
    [['sleep', '5'], 1_000, { result: 'failure', output: 'command "sleep 5" timed out' }],
    [['tail', '-f', '/dev/null'], 1_000, { result: 'failure', output: 'command "tail -f /dev/null" timed out' }],
    [['curl', 'localhost'], 1_000, { result: 'failure', output: 'OCI runtime exec failed: exec failed: unable to start container process: exec: "curl": executable file not found in $PATH: unknown' }],
  ])('%j at %d ms', (command, t, expected) => {
    expect(runProbe({ exec: { command } }, liveness, t, container, IP)).toEqual(expected);
  });

  it('expands $(VAR) from literal env values only, as ExpandContainerCommandOnlyStatic does', () => {
    const c: Container = { ...container, env: [{ name: 'FILE', value: '/tmp/healthy' }, { name: 'FROM', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }] };
    expect(runProbe({ exec: { command: ['cat', '$(FILE)'] } }, liveness, 10_000, c, IP)).toEqual(ok);
    expect(runProbe({ exec: { command: ['cat', '$(FROM)'] } }, liveness, 10_000, c, IP).output).toBe("cat: can't open '$(FROM)': No such file or directory");
  });

  it.each([
    ['redis:7', ['redis-cli', 'ping'], 1, 'Could not connect to Redis at 127.0.0.1:6379: Connection refused'],
    ['redis:7', ['redis-cli', 'ping'], 1_000, 'PONG'],
    ['postgres:16', ['pg_isready', '-U', 'postgres'], 1_000, '/var/run/postgresql:5432 - no response'],
    ['postgres:16', ['pg_isready', '-U', 'postgres'], 5_000, '/var/run/postgresql:5432 - accepting connections'],
    ['mysql:5.7', ['mysqladmin', 'ping'], 30_000, 'mysqld is alive'],
    ['mysql:5.7', ['mysql', '-h', '127.0.0.1', '-e', 'SELECT 1'], 1_000, "ERROR 2003 (HY000): Can't connect to MySQL server on '127.0.0.1:3306' (111)"],
  ])('%s %j at %d ms', (ref, command, t, output) => {
    const program = run(ref, { env: { POSTGRES_PASSWORD: 'x', MYSQL_ALLOW_EMPTY_PASSWORD: '1' } });
    const outcome = runProbe({ exec: { command } }, program, t, { name: 'db', image: ref }, IP);
    expect(outcome.output).toBe(output);
    expect(outcome.result).toBe(/PONG|accepting|alive/.test(output) ? 'success' : 'failure');
  });

  it('mysqladmin ping before mysqld listens prints the socket error', () => {
    const program = run('mysql:5.7', { env: { MYSQL_ALLOW_EMPTY_PASSWORD: '1' } });
    expect(runProbe({ exec: { command: ['mysqladmin', 'ping'] } }, program, 5_000, { name: 'mysql' }, IP)).toEqual({
      result: 'failure',
      output: "mysqladmin: connect to server at 'localhost' failed\nerror: 'Can't connect to local MySQL server through socket '/var/run/mysqld/mysqld.sock' (2)'\nCheck that mysqld is running and that the socket: '/var/run/mysqld/mysqld.sock' exists!",
    });
  });
});

describe('httpGet probes', () => {
  const liveness = run('registry.k8s.io/liveness', { args: ['/server'] });
  const c: Container = { name: 'liveness', image: 'registry.k8s.io/liveness', ports: [{ name: 'http', containerPort: 8080 }] };
  const get = (port: number | string, path?: string, extra: object = {}): Probe => ({ httpGet: { port, path, ...extra } });

  it.each([
    [get(8080, '/healthz'), 3_000, ok],
    [get(8080, '/healthz'), 10_000, ok],
    [get(8080, '/healthz'), 10_001, { result: 'failure', output: 'HTTP probe failed with statuscode: 500' }],
    [get('http', '/healthz'), 3_000, ok],
    [get(8080, '/missing'), 3_000, { result: 'failure', output: 'HTTP probe failed with statuscode: 404' }],
    [get(8081, '/healthz'), 3_000, { result: 'failure', output: 'Get "http://10.244.1.5:8081/healthz": dial tcp 10.244.1.5:8081: connect: connection refused' }],
    [get(8081), 3_000, { result: 'failure', output: 'Get "http://10.244.1.5:8081": dial tcp 10.244.1.5:8081: connect: connection refused' }],
    [get(8081, 'healthz', { scheme: 'HTTPS' }), 3_000, { result: 'failure', output: 'Get "https://10.244.1.5:8081/healthz": dial tcp 10.244.1.5:8081: connect: connection refused' }],
    [get('web', '/healthz'), 3_000, { result: 'failure', output: 'strconv.Atoi: parsing "web": invalid syntax', errored: true }],
    [get('8080', '/healthz'), 3_000, ok],
  ])('%j at %d ms', (probe, t, expected) => {
    expect(runProbe(probe, liveness, t, c, IP)).toEqual(expected);
  });

  it('a server that has not bound its port yet refuses', () => {
    const pg = run('mysql:8.0', { env: { MYSQL_ROOT_PASSWORD: 'x' } });
    expect(runProbe(get(3306, '/'), pg, 1_000, { name: 'db' }, IP).output).toBe('Get "http://10.244.1.5:3306/": dial tcp 10.244.1.5:3306: connect: connection refused');
  });

  it('nothing is listening once the program has exited', () => {
    const p: Program = { ...liveness, exitAfterMs: 5_000 };
    expect(runProbe(get(8080, '/healthz'), p, 6_000, c, IP).result).toBe('failure');
  });
});

describe('tcpSocket and grpc probes', () => {
  const redis = run('redis:7');
  const etcd = run('registry.k8s.io/etcd:3.5.1-0', { command: ['/usr/local/bin/etcd', '--data-dir', '/var/lib/etcd', '--listen-client-urls', 'http://0.0.0.0:2379', '--advertise-client-urls', 'http://127.0.0.1:2379'] });
  const c: Container = { name: 'c', ports: [{ name: 'redis', containerPort: 6379 }] };

  it.each([
    [{ tcpSocket: { port: 6379 } }, redis, 1_000, ok],
    [{ tcpSocket: { port: 'redis' } }, redis, 1_000, ok],
    [{ tcpSocket: { port: 6380 } }, redis, 1_000, { result: 'failure', output: 'dial tcp 10.244.1.5:6380: connect: connection refused' }],
    [{ grpc: { port: 2379 } }, etcd, 10_000, ok],
    [{ grpc: { port: 2380 } }, etcd, 10_000, { result: 'failure', output: 'timeout: failed to connect service "10.244.1.5:2380" within 1s: context deadline exceeded' }],
    [{ grpc: { port: 9999 }, timeoutSeconds: 90 }, etcd, 10_000, { result: 'failure', output: 'timeout: failed to connect service "10.244.1.5:9999" within 1m30s: context deadline exceeded' }],
  ] as [Probe, Program, number, ProbeOutcome][])('%j at %d ms', (probe, program, t, expected) => {
    expect(runProbe(probe, program, t, c, IP)).toEqual(expected);
  });
});
