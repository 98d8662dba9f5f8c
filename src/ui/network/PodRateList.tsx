import { rateText, type ServicePodShare } from '../../projections/networkTraffic';

const STATE: Record<ServicePodShare['endpoint'], string> = {
  ready: '', notReady: 'not ready', terminating: 'terminating', none: 'not an endpoint',
};

/**
 * Requests per second each Pod behind the Service got in the last second, with its share: the
 * spread a learner watches (kube-proxy's random choice per connection, or IPVS round-robin).
 */
export function PodRateList({ rows, service }: { rows: ServicePodShare[]; service: string }) {
  if (rows.length === 0) return <p className="text-[12.5px] text-slate-500">No Pods behind {service} at this Step.</p>;
  return (
    <ul aria-label="Requests per Pod" className="space-y-1">
      {rows.map((r) => {
        const pct = Math.round(r.share * 100);
        const text = `${r.name}: ${rateText(r.perSecond)}${r.perSecond ? `, ${pct}%` : ''}${r.failed ? `, ${r.failed} failed` : ''}${STATE[r.endpoint] ? ` (${STATE[r.endpoint]})` : ''}`;
        return (
          <li key={r.key} aria-label={text} className="text-[12.5px]">
            <div className="flex items-baseline gap-2">
              <span className="min-w-0 flex-1 truncate font-mono text-[12px] text-slate-800" title={r.key}>{r.name}</span>
              {STATE[r.endpoint] && <span className="shrink-0 text-[11px] text-amber-800">{STATE[r.endpoint]}</span>}
              <span className={`shrink-0 tabular-nums ${r.perSecond ? 'font-semibold text-slate-900' : 'text-slate-400'}`}>{rateText(r.perSecond)}</span>
              <span className="w-9 shrink-0 text-right tabular-nums text-slate-500">{pct}%</span>
            </div>
            <div aria-hidden="true" className="mt-0.5 h-1.5 overflow-hidden rounded-full bg-slate-100">
              <div className="h-full rounded-full bg-sky-500 transition-[width] duration-300" style={{ width: `${pct}%` }} />
            </div>
            {r.failed > 0 && <p className="text-[11.5px] text-rose-700">{r.failed} failed</p>}
          </li>
        );
      })}
    </ul>
  );
}
