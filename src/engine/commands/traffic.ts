import type { CommandResult, TrafficSpec } from '../api';
import type { ReconcileContext } from '../controllers/types';
import { GENERATORS_TABLE, TRAFFIC_COMPONENT as TRAFFIC_GENERATOR, type TrafficGenerator } from '../traffic/types';
import { validateTrafficSpec } from '../traffic/validate';

/**
 * Request generators: `startTraffic` validates the spec and stores the generator in the versioned
 * table `traffic/generators` (ids `traffic-1`, `traffic-2`, …) and wakes the `traffic-generator`
 * actor, which sends its requests every virtual second from then on (and metrics-server, which
 * scrapes the load they cause). `stopTraffic` removes it.
 */
const METRICS_SERVER = 'metrics-server';

export function startTraffic(ctx: ReconcileContext, spec: TrafficSpec): CommandResult & { id?: string } {
  const checked = validateTrafficSpec(spec, ctx);
  if (!checked.ok) return { ok: false, message: checked.message };
  const next = (ctx.memo.get<number>('traffic/next-id') ?? 0) + 1;
  ctx.memo.set('traffic/next-id', next);
  const id = `traffic-${next}`;
  const generator: TrafficGenerator = { id, ...checked.generator, startedAt: ctx.now };
  ctx.table<TrafficGenerator>(GENERATORS_TABLE).set(id, generator);
  ctx.wake(TRAFFIC_GENERATOR, 'tick');
  ctx.wake(METRICS_SERVER, 'scrape');
  ctx.describe(`Started ${id}: ${describeGenerator(generator)}`);
  return { ok: true, message: id, id };
}

export function stopTraffic(ctx: ReconcileContext, id: string): CommandResult {
  const table = ctx.table<TrafficGenerator>(GENERATORS_TABLE);
  const generator = table.get(id);
  if (!generator) return { ok: false, message: `error: no traffic generator "${id}"` };
  table.set(id, undefined);
  ctx.describe(`Stopped ${id} (${generator.namespace}/${generator.service})`);
  return { ok: true, message: `${id} stopped` };
}

/** `10 requests/s to Service default/web port 80 via ClusterIP from Pod default/client`. */
export function describeGenerator(g: TrafficGenerator): string {
  const from = !g.from ? (g.via === 'ClusterIP' ? ' from any running Pod' : g.via === 'NodePort' ? ' into any Node' : '')
    : 'pod' in g.from ? ` from Pod ${g.from.namespace}/${g.from.pod}` : ` ${g.via === 'NodePort' ? 'into' : 'from'} Node ${g.from.node}`;
  const port = g.portName ? `${g.port} (${g.portName})` : String(g.port);
  return `${g.ratePerSecond} request${g.ratePerSecond === 1 ? '' : 's'}/s to Service ${g.namespace}/${g.service} port ${port} via ${g.via}${from}`;
}
