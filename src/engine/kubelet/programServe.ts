/** The common shape of a long-running server: log lines, ports that open after a startup time, SIGTERM behaviour. */
import { REPOS } from './imageCatalog';
import type { HttpRoute } from './program';
import { listening } from './programNet';
import type { ProcContext, ProcResult } from './programProcess';
import { err, goLogTime, out, wallMs } from './programUtil';
import { ForeverSignal, type Traits } from './programWorld';

export interface PortSpec { port: number; protocol?: 'TCP' | 'UDP'; routes?: HttpRoute[]; grpc?: boolean; atMs?: number }

export interface ServerSpec {
  ports: PortSpec[];
  /** ms from process start until the ports accept connections. */
  startupMs: number;
  logs?: { dt: number; line: string }[];
  traits: Traits;
  /** Lines and exit status when a port is already taken (default: Go's net.Listen error). */
  bindError?: (port: number) => { lines: string[]; status: number; ms: number };
}

/** Serves until stopped; fails like the real server when another container of the Pod holds its port. */
export function serve(ctx: ProcContext, spec: ServerSpec): ProcResult {
  const taken = spec.ports.find((p) => (p.protocol ?? 'TCP') === 'TCP' && listening(ctx, p.port));
  for (const l of spec.logs ?? []) if (!taken || l.dt < spec.startupMs) out(ctx, `${l.line}\n`, l.dt);
  if (taken) {
    const e = spec.bindError?.(taken.port) ?? { lines: [`${goLogTime(wallMs(ctx))} listen tcp :${taken.port}: bind: address already in use`], status: 1, ms: 5 };
    for (const line of e.lines) err(ctx, `${line}\n`, spec.startupMs);
    return { status: e.status, end: ctx.t + spec.startupMs + e.ms };
  }
  for (const p of spec.ports) {
    ctx.world.listen({ port: p.port, protocol: p.protocol ?? 'TCP', fromMs: ctx.t + (p.atMs ?? spec.startupMs), ...(p.routes ? { http: { routes: p.routes } } : {}), ...(p.grpc ? { grpc: true } : {}) });
  }
  throw new ForeverSignal(ctx.t, spec.traits);
}

export const page = (...paths: string[]): HttpRoute[] => [...paths.map((path) => ({ path, status: 200 })), { path: '*', status: 404 }];
export const anyPath: HttpRoute[] = [{ path: '*', status: 200 }];

/**
 * The server version an official image runs: its tag (`1.25.3`), the newest patch of a minor tag
 * (`1.25` → `1.25.5`), else `fallback` (latest, stable, and images whose tags are not the server's version).
 */
export function versionOf(ctx: ProcContext, fallback: string): string {
  if (!ctx.image.repository.startsWith('docker.io/library/')) return fallback;
  const m = /^v?(\d+(?:\.\d+){0,2})(?:-|$)/.exec(ctx.image.tag);
  if (!m) return fallback;
  if (m[1].split('.').length === 3) return m[1];
  const tags = REPOS.find((r) => r.repo === ctx.image.repository)?.tags ?? [];
  const patches = tags.filter((t) => t.startsWith(`${m[1]}.`) && /^\d+(\.\d+)*$/.test(t)).sort((a, b) => compareVersions(b, a));
  return patches[0] ?? (m[1].includes('.') ? `${m[1]}.0` : fallback);
}

function compareVersions(a: string, b: string): number {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? -1) !== (y[i] ?? -1)) return (x[i] ?? -1) - (y[i] ?? -1);
  return 0;
}

