/**
 * IPVS's choice of real server for a new connection. upstream: the kernel's ip_vs_rr scheduler
 * (continue after the destination chosen last) and persistence templates (sessionAffinity
 * ClientIP → `persistent <timeout>`).
 */
import type { VirtualServer } from './ipvs';
import type { RouteRequest, RouteResult, RouteState } from './route';
import type { RuleEndpoint } from './types';

/** IPVS: the client's persistence template if it has a live one, else the next real server round-robin. */
export function routeIpvs(service: string, vs: VirtualServer, req: RouteRequest, state: RouteState): RouteResult {
  const label = `${vs.protocol}  ${vs.address} ${vs.scheduler}`;
  if (vs.destinations.length === 0) {
    return { ok: false, path: [label], service, action: 'REJECT', at: label,
      reason: `IPVS: ${vs.scheduler}: ${vs.protocol} ${vs.address} - no destination available` };
  }
  const dest = persistent(vs, req, state) ?? roundRobin(vs, state);
  if (vs.persistentSeconds !== undefined) state.persist[`${vs.address}|${req.clientIP}`] = { dest: dest.key, lastSeen: req.now };
  return { ok: true, path: [label, dest.key], service, endpoint: dest };
}

function persistent(vs: VirtualServer, req: RouteRequest, state: RouteState): RuleEndpoint | undefined {
  if (vs.persistentSeconds === undefined) return undefined;
  const id = `${vs.address}|${req.clientIP}`;
  const t = state.persist[id];
  if (!t) return undefined;
  if (t.lastSeen + vs.persistentSeconds * 1000 < req.now) {
    delete state.persist[id];
    return undefined;
  }
  return vs.destinations.find((d) => d.key === t.dest);
}

/** ip_vs_rr: continue after the destination chosen last (destinations in address order). */
function roundRobin(vs: VirtualServer, state: RouteState): RuleEndpoint {
  const dests = vs.destinations;
  const last = state.rr[vs.address];
  let i = last === undefined ? -1 : dests.findIndex((d) => d.key === last);
  if (last !== undefined && i < 0) i = dests.filter((d) => compareKey(d.key, last) < 0).length - 1;
  const next = dests[(i + 1) % dests.length];
  state.rr[vs.address] = next.key;
  return next;
}

function compareKey(a: string, b: string): number {
  const [ia, pa] = splitKey(a);
  const [ib, pb] = splitKey(b);
  return ia - ib || pa - pb;
}

function splitKey(key: string): [number, number] {
  const i = key.lastIndexOf(':');
  const [a, b, c, d] = key.slice(0, i).split('.').map(Number);
  return [((a << 24) | (b << 16) | (c << 8) | d) >>> 0, Number(key.slice(i + 1))];
}
