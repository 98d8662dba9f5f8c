/** The words of a kube-proxy sync Step: what changed for which service port. */
import type { ProxyModel, ServicePortRules } from './types';

export const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

function state(s: ServicePortRules): string {
  if (!s.hasEndpoints) return 'has no endpoints: REJECT';
  const ready = s.endpoints.filter((e) => e.ready).length;
  if (ready === 0) return `${plural(s.endpoints.length, 'terminating endpoint')} still serving`;
  return `now ${plural(s.endpoints.length, 'endpoint')}`;
}

/** Up to three changed service ports, e.g. `default/web now 2 endpoints; default/api removed`. */
export function describeChanges(before: ProxyModel | undefined, after: ProxyModel): string {
  if (!before) return '';
  const old = new Map(before.services.map((s) => [`${s.name}/${s.protocol}`, s]));
  const parts: string[] = [];
  for (const s of after.services) {
    const id = `${s.name}/${s.protocol}`;
    const prev = old.get(id);
    old.delete(id);
    if (prev === s) continue;
    if (!prev) parts.push(`${s.name} added, ${state(s)}`);
    else parts.push(`${s.name} ${state(s)}`);
  }
  for (const s of old.values()) parts.push(`${s.name} removed`);
  if (parts.length <= 3) return parts.join('; ');
  return `${parts.slice(0, 3).join('; ')}; ${parts.length - 3} more`;
}
