/**
 * Probe outcomes as the kubelet's prober computes them (pkg/kubelet/prober, pkg/probe/{exec,http,tcp,grpc}):
 * an exec probe runs its command inside the container at that moment (same interpreter, the files
 * and listeners the Program has by then); network probes dial the Pod IP.
 */
import type { Container, Probe } from 'kubernetes-types/core/v1';
import { lookupImage, type ImageInfo } from './images';
import { expandKubeVars, type Listener, type Program } from './program';
import { httpStatus } from './programNet';
import { execArgv, Thread, type ProcContext } from './programProcess';
import { CaptureSink, ForeverSignal, World } from './programWorld';

export interface ProbeOutcome {
  result: 'success' | 'failure';
  /** Upstream failure text for the Unhealthy event (`Liveness probe failed: <output>`). */
  output: string;
  /** The probe could not be run (e.g. an unknown named port): upstream words the event `… probe errored: <output>`. */
  errored?: boolean;
}

const ok = (output = ''): ProbeOutcome => ({ result: 'success', output });
const fail = (output: string, errored = false): ProbeOutcome => ({ result: 'failure', output, ...(errored ? { errored } : {}) });

/** Go's %q for the ASCII text probes quote. */
const goQuote = (s: string): string => JSON.stringify(s);

/** Go's time.Duration String for whole seconds: 1s, 30s, 1m0s, 1m30s. */
function goDuration(seconds: number): string {
  if (seconds < 60) return `${seconds}s`;
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return `${h ? `${h}h` : ''}${m}m${seconds % 60}s`;
}

const hostPort = (host: string, port: number) => (host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`);

/** upstream: probe.ResolveContainerPort — a name from container.ports, else the string as a number. */
function resolvePort(port: number | string, container: Container): number | string {
  if (typeof port === 'number') return port > 0 && port < 65536 ? port : `invalid port number: ${port}`;
  const named = container.ports?.find((p) => p.name === port);
  if (named) return named.containerPort;
  if (!/^[-+]?\d+$/.test(port)) return `strconv.Atoi: parsing ${goQuote(port)}: invalid syntax`;
  const n = Number(port);
  return n > 0 && n < 65536 ? n : `invalid port number: ${n}`;
}

function listenerAt(program: Program, port: number, protocol: 'TCP' | 'UDP', t: number): Listener | undefined {
  if (program.exitAfterMs !== undefined && t >= program.exitAfterMs) return undefined;
  return program.listens.find((l) => l.port === port && l.protocol === protocol && l.fromMs <= t && (l.untilMs === undefined || t < l.untilMs));
}

/** Whether the kubelet's dial reaches the Pod (the Pod IP), or somewhere it cannot see into. */
function reachesPod(host: string, podIP: string): boolean | 'elsewhere' {
  if (host === podIP) return true;
  if (host === 'localhost' || host === '127.0.0.1' || host === '::1') return false;
  return 'elsewhere';
}

/** The probe run `elapsedMs` after the container started. */
export function runProbe(probe: Probe, program: Program, elapsedMs: number, container: Container, podIP: string): ProbeOutcome {
  if (probe.exec) return execProbe(probe, program, elapsedMs, container);
  if (probe.httpGet) {
    const g = probe.httpGet;
    const port = resolvePort(g.port, container);
    if (typeof port === 'string') return fail(port, true);
    const host = g.host || podIP;
    const path = g.path ? (g.path.startsWith('/') ? g.path : `/${g.path}`) : '';
    const url = `${(g.scheme ?? 'HTTP').toLowerCase()}://${hostPort(host, port)}${path}`;
    const where = reachesPod(host, podIP);
    if (where === 'elsewhere') return ok();
    const l = where ? listenerAt(program, port, 'TCP', elapsedMs) : undefined;
    if (!l) return fail(`Get ${goQuote(url)}: dial tcp ${hostPort(host, port)}: connect: connection refused`);
    const status = httpStatus(l.http?.routes, path || '/', elapsedMs);
    if (status === undefined) return fail(`Get ${goQuote(url)}: EOF`);
    // upstream: http.go treats 200 <= code < 400 as success (redirects are followed or accepted).
    return status >= 200 && status < 400 ? ok() : fail(`HTTP probe failed with statuscode: ${status}`);
  }
  if (probe.tcpSocket) {
    const port = resolvePort(probe.tcpSocket.port, container);
    if (typeof port === 'string') return fail(port, true);
    const host = probe.tcpSocket.host || podIP;
    const where = reachesPod(host, podIP);
    if (where === 'elsewhere') return ok();
    return where && listenerAt(program, port, 'TCP', elapsedMs) ? ok() : fail(`dial tcp ${hostPort(host, port)}: connect: connection refused`);
  }
  if (probe.grpc) {
    const port = probe.grpc.port;
    const addr = hostPort(podIP, port);
    const l = listenerAt(program, port, 'TCP', elapsedMs);
    if (l?.grpc) return ok();
    // upstream: grpc.go dials with WithBlock, so a refused or non-gRPC port waits out the timeout.
    return fail(`timeout: failed to connect service ${goQuote(addr)} within ${goDuration(probe.timeoutSeconds ?? 1)}: context deadline exceeded`);
  }
  return fail(`missing probe handler for ${container.name}`, true);
}

function execProbe(probe: Probe, program: Program, t: number, container: Container): ProbeOutcome {
  // upstream: ExpandContainerCommandOnlyStatic — only env entries with a literal value expand.
  const staticEnv = Object.fromEntries((container.env ?? []).filter((e) => e.valueFrom === undefined).map((e) => [e.name, e.value ?? '']));
  const argv = (probe.exec?.command ?? []).map((c) => expandKubeVars(c, staticEnv));
  const image = program.context?.image ?? imageOf(container);
  if (!image || argv.length === 0) return fail('OCI runtime exec failed: exec failed: unable to start container process: exec: no command specified: unknown');
  const files: Record<string, string> = { ...(program.context?.files ?? {}) };
  const dirs: string[] = [];
  for (const f of program.files) {
    if (f.createdAtMs > t || (f.removedAtMs !== undefined && f.removedAtMs <= t)) { if (f.removedAtMs !== undefined && f.removedAtMs <= t) delete files[f.path]; continue; }
    if (f.dir) dirs.push(f.path); else files[f.path] = f.content ?? '';
  }
  const world = new World(image, new Map(Object.entries(files)), [...(program.context?.mounts ?? []), ...dirs], program.context?.fileUpdates);
  for (const l of program.listens) world.listen(l);
  const capture = new CaptureSink();
  const env = program.context?.env ?? { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOME: '/root', ...staticEnv };
  const ctx: ProcContext = {
    world, image, input: { image, env, ports: container.ports?.map((p) => ({ port: p.containerPort, protocol: p.protocol === 'UDP' ? 'UDP' : 'TCP' })), startedAt: program.context?.startedAt },
    env, cwd: program.context?.cwd ?? container.workingDir ?? image.workingDir ?? '/', t, io: { stdout: capture, stderr: capture, stdin: { text: '', pos: 0 } }, thread: new Thread(2_000),
  };
  const timeoutMs = (probe.timeoutSeconds ?? 1) * 1000;
  const timedOut = fail(`command ${goQuote(argv.join(' '))} timed out`);
  let res;
  try { res = execArgv(ctx, argv); } catch (e) { if (e instanceof ForeverSignal) return timedOut; throw e; }
  if ('missing' in res) return fail(`OCI runtime exec failed: exec failed: unable to start container process: ${res.missing}: unknown`);
  if (res.end - t > timeoutMs) return timedOut;
  const output = capture.text.replace(/\n$/, '');
  return res.status === 0 ? ok(output) : fail(output);
}

function imageOf(container: Container): ImageInfo | undefined {
  const l = lookupImage(container.image ?? '');
  return l.ok ? l.image : undefined;
}
