import { describe, expect, it } from 'vitest';
import { piDigits } from '../../../src/engine/kubelet/programPi';
import { lines, ports, run, sh } from './helpers';

type Sig = [handles: boolean, code: number];

/** Each image's default process: exits at once (shells, toolchains) or serves until stopped. */
const DEFAULTS: [ref: string, exit: number | 'never', ports: number[], sig: Sig][] = [
  ['busybox', 0, [], [false, 137]],
  ['alpine', 0, [], [false, 137]],
  ['ubuntu', 0, [], [false, 137]],
  ['debian', 0, [], [false, 137]],
  ['golang:1.22', 0, [], [false, 137]],
  ['python:3.12', 20, [], [false, 137]],
  ['node:20', 35, [], [false, 137]],
  ['nginx:1.25', 'never', [80], [true, 0]],
  ['nginx:1.25-alpine', 'never', [80], [true, 0]],
  ['httpd:2.4', 'never', [80], [true, 0]],
  ['redis:7', 'never', [6379], [true, 0]],
  ['memcached', 'never', [11211], [true, 0]],
  ['mongo:7', 'never', [27017], [true, 0]],
  ['rabbitmq:3-management', 'never', [4369, 5672, 15672, 15692, 25672], [true, 0]],
  ['traefik:v3.0', 'never', [80], [true, 0]],
  ['caddy:2', 'never', [80], [true, 0]],
  ['registry:2', 'never', [5000], [true, 0]],
  ['registry.k8s.io/pause:3.9', 'never', [], [true, 0]],
  ['registry.k8s.io/e2e-test-images/agnhost:2.40', 'never', [], [true, 0]],
  ['gcr.io/google-samples/hello-app:1.0', 'never', [8080], [true, 2]],
  ['us-docker.pkg.dev/google-samples/containers/gke/hello-app:2.0', 'never', [8080], [true, 2]],
  ['registry.k8s.io/hpa-example', 'never', [80], [true, 0]],
  ['nginxdemos/hello', 'never', [80], [true, 0]],
  ['registry.k8s.io/liveness', 'never', [8080], [true, 2]],
];

describe('default processes of catalog images', () => {
  it.each(DEFAULTS)('%s: exit %s, ports %j, SIGTERM %j', (ref, exit, expected, [handles, code]) => {
    const p = run(ref);
    expect(p.startError).toBeUndefined();
    expect(p.exitAfterMs).toBe(exit === 'never' ? undefined : exit);
    if (exit !== 'never') expect(p.exitCode).toBe(0);
    expect(ports(p)).toEqual(expected);
    expect([p.handlesSigterm, p.sigtermExitCode]).toEqual([handles, code]);
  });

  it('a bare busybox Pod exits 0 at once (hence CrashLoopBackOff under restartPolicy Always)', () => {
    const p = run('busybox');
    expect({ exit: p.exitAfterMs, code: p.exitCode, out: p.output }).toEqual({ exit: 0, code: 0, out: [] });
  });

  it('nginx logs its start, serves / with 200 and other paths 404, forever, and stops on SIGTERM', () => {
    const p = run('nginx:1.25.3');
    expect(lines(p)).toContain('/docker-entrypoint.sh: Configuration complete; ready for start up');
    expect(lines(p)).toContain('2025/01/01 09:00:00 [notice] 1#1: nginx/1.25.3');
    expect(p.listens).toEqual([{ port: 80, protocol: 'TCP', fromMs: 15, http: { routes: [{ path: '/', status: 200 }, { path: '/index.html', status: 200 }, { path: '/50x.html', status: 200 }, { path: '*', status: 404 }] } }]);
    expect(p.exitAfterMs).toBeUndefined();
    expect(p.handlesSigterm).toBe(true);
    expect(p.stopDelayMs).toBeGreaterThan(0);
  });

  it('a minor tag logs its newest patch release', () => {
    expect(lines(run('nginx:1.25'))).toContain('2025/01/01 09:00:00 [notice] 1#1: nginx/1.25.5');
  });
});

describe('SIGTERM and PID 1', () => {
  it.each([
    ['sh -c sleep (exec\'d sleep ignores it)', { command: ['sh', '-c', 'sleep 3600'] }, [false, 137]],
    ['sleep as the command', { command: ['sleep', '3600'] }, [false, 137]],
    ['a shell loop', { command: ['sh', '-c', 'while true; do sleep 1; done'] }, [false, 137]],
    ['a shell loop with a TERM trap that exits', { command: ['sh', '-c', "trap 'exit 0' TERM; while true; do sleep 1; done"] }, [true, 0]],
    ['a trap while waiting on a background job', { command: ['sh', '-c', "trap 'exit 3' TERM; sleep infinity & wait"] }, [true, 3]],
    ['a trap cannot run while a foreground child blocks', { command: ['sh', '-c', "trap 'exit 0' TERM; sleep infinity"] }, [false, 137]],
    ['exec into nginx makes nginx PID 1', { command: ['sh', '-c', 'echo hi; exec nginx -g "daemon off;"'] }, [true, 0]],
    ['sh -c with one command execs it', { command: ['sh', '-c', "nginx -g 'daemon off;'"] }, [true, 0]],
    ['nginx behind a shell list is not PID 1', { command: ['sh', '-c', "echo start; nginx -g 'daemon off;'"] }, [false, 137]],
  ] as [string, { command: string[] }, Sig][])('%s', (_name, input, [handles, code]) => {
    const p = run('nginx:1.25', input);
    expect([p.handlesSigterm, p.sigtermExitCode]).toEqual([handles, code]);
  });

  it('the trap\'s delay is the longest foreground command it has to wait for', () => {
    expect(sh("trap 'exit 0' TERM; while true; do sleep 5; done").stopDelayMs).toBe(5000);
  });

  it('tini forwards SIGTERM, so even sleep stops on it', () => {
    const p = run('docker.io/library/elasticsearch:8.17.0', { command: ['tini', '--', 'sleep', 'infinity'] });
    expect([p.handlesSigterm, p.sigtermExitCode]).toEqual([true, 143]);
  });
});

describe('start failures', () => {
  it.each([
    ['busybox', ['foo'], 'exec: "foo": executable file not found in $PATH'],
    ['busybox', ['/bin/bash', '-c', 'echo'], 'exec: "/bin/bash": stat /bin/bash: no such file or directory'],
    ['nginx:1.25', ['nginxx'], 'exec: "nginxx": executable file not found in $PATH'],
    ['hashicorp/http-echo', ['sh', '-c', 'echo'], 'exec: "sh": executable file not found in $PATH'],
  ])('%s %j', (ref, command, message) => {
    const p = run(ref, { command });
    expect(p.startError).toBe(message);
    expect(p.exitAfterMs).toBe(0);
    expect(p.exitCode).toBe(128);
  });

  it('an entrypoint script that cannot exec its argument fails inside the container', () => {
    const p = run('redis:7', { args: ['not-a-command'] });
    expect(p.startError).toBeUndefined();
    expect(lines(p)).toEqual(['/usr/local/bin/docker-entrypoint.sh: line 16: exec: not-a-command: not found']);
    expect(p.exitCode).toBe(127);
  });
});

describe('servers', () => {
  it('postgres refuses to initialise without a password', () => {
    const p = run('postgres:16');
    expect(p.exitCode).toBe(1);
    expect(lines(p)[0]).toBe('Error: Database is uninitialized and superuser password is not specified.');
    expect(ports(p)).toEqual([]);
  });

  it('postgres with POSTGRES_PASSWORD initialises, then accepts connections on 5432', () => {
    const p = run('postgres:16', { env: { POSTGRES_PASSWORD: 'secret' } });
    expect(p.exitAfterMs).toBeUndefined();
    expect(p.listens.map((l) => [l.port, l.fromMs])).toEqual([[5432, 2600]]);
    expect(lines(p)).toContain('2025-01-01 09:00:02.600 UTC [1] LOG:  database system is ready to accept connections');
  });

  it('mysql needs one of its password variables', () => {
    const bad = run('mysql:8.0');
    expect(bad.exitCode).toBe(1);
    expect(lines(bad)).toContain('    - MYSQL_ROOT_PASSWORD');
    const good = run('mysql:8.0', { env: { MYSQL_ROOT_PASSWORD: 'x' } });
    expect(good.listens.map((l) => l.port)).toEqual([3306, 33060]);
    expect(good.listens[0].fromMs).toBeGreaterThan(10_000);
  });

  it('bitnami/redis insists on a password or ALLOW_EMPTY_PASSWORD', () => {
    const bad = run('bitnami/redis');
    expect(bad.exitCode).toBe(1);
    expect(lines(bad)).toEqual(expect.arrayContaining([expect.stringContaining('ERROR ==> The REDIS_PASSWORD environment variable is empty or not set.')]));
    expect(ports(run('bitnami/redis', { env: { ALLOW_EMPTY_PASSWORD: 'yes' } }))).toEqual([6379]);
  });

  it('a port another container of the Pod binds makes nginx fail like nginx does', () => {
    const p = run('nginx:1.25', { portsInUse: [80] });
    expect(p.exitCode).toBe(1);
    expect(lines(p)).toContain('nginx: [emerg] bind() to 0.0.0.0:80 failed (98: Address in use)');
    expect(lines(p)).toContain('nginx: [emerg] still could not bind()');
  });

  it.each([
    ['hashicorp/http-echo', { args: ['-text=hello'] }, [5678], ['2025/01/01 09:00:00 [INFO] server is listening on :5678']],
    ['hashicorp/http-echo', { args: ['-listen=:8080', '-text=hello'] }, [8080], ['2025/01/01 09:00:00 [INFO] server is listening on :8080']],
    ['hashicorp/http-echo', { args: [] }, [], ['Missing -text option!']],
    ['gcr.io/google-samples/hello-app:2.0', {}, [8080], ['2025/01/01 09:00:00 Server listening on port 8080']],
    ['registry.k8s.io/e2e-test-images/agnhost:2.40', { args: ['netexec', '--http-port=8080'] }, [8080, 8081], ['2025/01/01 09:00:00 Started netexec server']],
    ['registry.k8s.io/e2e-test-images/agnhost:2.40', { args: ['liveness'] }, [8080], []],
    ['busybox', { command: ['httpd', '-f', '-p', '8080'] }, [8080], []],
    ['busybox', { command: ['nc', '-l', '-p', '9000'] }, [9000], []],
    ['python:3.12', { command: ['python', '-m', 'http.server', '8000'] }, [8000], []],
    ['python:3.12', { command: ['python', '-u', '-m', 'http.server'] }, [8000], ['Serving HTTP on 0.0.0.0 port 8000 (http://0.0.0.0:8000/) ...']],
    ['redis:7', { command: ['redis-server', '--port', '7000'] }, [7000], []],
    ['node:20', { command: ['node', 'server.js'], workingDir: '/app', files: { '/app/server.js': 'require("http").createServer(h).listen(8080)' }, mounts: ['/app'] }, [8080], []],
    ['node:20', { command: ['node', 'app.js'], ports: [{ port: 3001, protocol: 'TCP' as const }], files: { '/app.js': 'start()' }, mounts: [] }, [3001], []],
  ])('%s %j serves %j', (ref, input, expected, logs) => {
    const p = run(ref, input);
    expect(ports(p)).toEqual(expected);
    for (const l of logs) expect(lines(p)).toContain(l);
  });

  it('the liveness server answers /healthz 200 for 10 seconds, then 500', () => {
    const routes = run('registry.k8s.io/liveness', { args: ['/server'] }).listens[0].http?.routes;
    expect(routes?.slice(0, 2)).toEqual([{ path: '/healthz', status: 200, untilMs: 10_001 }, { path: '/healthz', status: 500 }]);
  });

  it('nginx without `daemon off;` daemonizes: PID 1 exits 0 while it was listening', () => {
    const p = run('nginx:1.25', { command: ['nginx'] });
    expect(p.exitAfterMs).toBe(20);
    expect(p.exitCode).toBe(0);
  });
});

describe('language runtimes', () => {
  it('perl computes pi for the Job example and exits 0 after a few seconds', () => {
    const p = run('perl:5.34.0'.replace('5.34.0', '5.38'), { command: ['perl', '-Mbignum=bpi', '-wle', 'print bpi(2000)'] });
    expect(p.exitCode).toBe(0);
    expect(p.exitAfterMs).toBeGreaterThan(2000);
    expect(p.exitAfterMs).toBeLessThan(10_000);
    expect(p.output).toHaveLength(1);
    expect(p.output[0].line).toBe(piDigits(2000));
    expect(p.output[0].line.startsWith('3.14159265358979323846264338327950288419716939937510')).toBe(true);
    expect(p.output[0].line).toHaveLength(2001);
  });

  it('pi to 50 places rounds the last digit', () => {
    expect(piDigits(50)).toBe('3.1415926535897932384626433832795028841971693993751');
    expect(piDigits(10)).toBe('3.141592654');
  });

  it('perl warns about a quoted program (the corpus pi Job has extra quotes) and exits 0', () => {
    const p = run('perl', { command: ['perl', '-Mbignum=bpi', '-wle', '"print bpi(2000)"'] });
    expect(lines(p)).toEqual(['Useless use of a constant ("print bpi(2000)") in void context at -e line 1.']);
    expect(p.exitCode).toBe(0);
  });

  it.each([
    ['0', 1, ['Hello world']],
    ['1', 0, ['Hello world']],
  ])('python -c from the backoffLimitPerIndex Job, index %s exits %d', (index, code, out) => {
    const p = run('python', { env: { JOB_COMPLETION_INDEX: index }, command: ['python3', '-c', 'import os, sys\nprint("Hello world")\nif int(os.environ.get("JOB_COMPLETION_INDEX")) % 2 == 0:\n  sys.exit(1)\n'] });
    expect(p.exitCode).toBe(code);
    expect(lines(p)).toEqual(out);
  });

  it('python stdout is block-buffered without a tty, unless unbuffered', () => {
    const script = 'import time\nprint("start")\ntime.sleep(5)\nprint("end")';
    const [a, b] = run('python', { command: ['python', '-c', script] }).output.map((o) => o.atMs);
    expect(a).toBe(b);
    expect(a).toBeGreaterThanOrEqual(5000);
    expect(run('python', { command: ['python', '-u', '-c', script] }).output.map((o) => o.atMs)).toEqual([0, 5000]);
  });

  it('a python error prints a traceback and exits 1', () => {
    const p = run('python', { command: ['python', '-c', 'x = int(None)'] });
    expect(lines(p)).toEqual(['Traceback (most recent call last):', '  File "<string>", line 1, in <module>', "TypeError: int() argument must be a string, a bytes-like object or a real number, not 'NoneType'"]);
    expect(p.exitCode).toBe(1);
  });

  it('bash arrays and BASH_REMATCH (the indexed Job and the MySQL StatefulSet init scripts)', () => {
    const idx = run('docker.io/library/bash', { env: { JOB_COMPLETION_INDEX: '3' }, command: ['bash', '-c', 'items=(foo bar baz qux xyz)\necho ${items[$JOB_COMPLETION_INDEX]} > /input/data.txt\n'], mounts: ['/input'] });
    expect(idx.files).toEqual([{ path: '/input/data.txt', createdAtMs: 0, content: 'qux\n' }]);
    const ord = run('mysql:5.7', { env: { HOSTNAME: 'mysql-2' }, command: ['bash', '-c', '[[ `hostname` =~ -([0-9]+)$ ]] || exit 1\nordinal=${BASH_REMATCH[1]}\necho server-id=$((100 + $ordinal))'] });
    expect(lines(ord)).toEqual(['server-id=102']);
  });

  it('memory a stress tool allocates is reported for OOM decisions', () => {
    expect(run('polinux/stress', { command: ['stress'], args: ['--vm', '1', '--vm-bytes', '150M', '--vm-hang', '1'] }).memoryBytes).toBe(150 * 1024 * 1024);
    expect(run('vish/stress', { args: ['-mem-total', '150Mi', '-cpus', '1'] }).memoryBytes).toBe(150 * 1024 * 1024);
  });
});

describe('commands run directly as PID 1 (no shell)', () => {
  it.each([
    [['echo', 'hello', 'world'], ['hello world'], 0],
    [['echo', '-e', 'a\\tb'], ['a\tb'], 0],
    [['printf', '%s=%d\\n', 'x', '5'], ['x=5'], 0],
    [['printenv', 'HOSTNAME'], ['web-0'], 0],
    [['date', '+%F'], ['2025-01-01'], 0],
    [['cat', '/tmp/none'], ["cat: can't open '/tmp/none': No such file or directory"], 1],
    [['false'], [], 1],
    [['test', '-d', '/etc'], [], 0],
    [['[', '1', '-gt', '2', ']'], [], 1],
  ])('%j', (command, out, code) => {
    const p = run('busybox', { command });
    expect(lines(p)).toEqual(out);
    expect(p.exitCode).toBe(code);
    expect(p.exitAfterMs).toBe(1);
  });
});
