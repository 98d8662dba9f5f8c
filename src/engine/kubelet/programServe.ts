/** The common shape of a long-running server: log lines, ports that open after a startup time, SIGTERM behaviour. */
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

/** The image's version from its tag (`1.25.3`, `7.2-alpine` → `7.2`), else a current default. */
export function versionOf(ctx: ProcContext, fallback: string): string {
  return /^v?(\d+(?:\.\d+){1,2})/.exec(ctx.image.tag)?.[1] ?? fallback;
}

