import type { CommandResult, TrafficSpec } from '../api';
import type { ReconcileContext } from '../controllers/types';

/**
 * Request generators (the traffic engineer owns this file and replaces these bodies with the
 * real generator, which writes its settings to a versioned table the traffic actor reads).
 */
export function startTraffic(_ctx: ReconcileContext, spec: TrafficSpec): CommandResult & { id?: string } {
  return { ok: false, message: `error: traffic to service "${spec.service}" is not available yet` };
}

export function stopTraffic(_ctx: ReconcileContext, id: string): CommandResult {
  return { ok: false, message: `error: no traffic generator "${id}"` };
}
