import type { ServicePodShare } from '../../projections/networkTraffic';
import type { Translate } from '../../i18n/translate';
import { useT } from '../../i18n/useT';
import { rateText } from './trafficText';

/** The endpoint state shown beside a Pod that is not a ready endpoint ('' for a ready one). */
function stateText(endpoint: ServicePodShare['endpoint'], t: Translate): string {
  switch (endpoint) {
    case 'ready': return '';
    case 'notReady': return t('common.notReady');
    case 'terminating': return t('common.terminating');
    case 'none': return t('network.notEndpoint');
  }
}

/** `web-abc: 12 req/s, 40%, 2 failed (not ready)`: a Pod's line as screen readers (and the browser tests) read it. */
function rowLabel(r: ServicePodShare, pct: number, state: string, t: Translate): string {
  return t('network.podRate', { pod: r.name, rate: rateText(r.perSecond, t) })
    + (r.perSecond ? t('network.podShare', { pct }) : '')
    + (r.failed ? t('network.podFailed', { count: r.failed }) : '')
    + (state ? t('network.parenthesis', { text: state }) : '');
}

/**
 * Requests per second each Pod behind the Service got in the last second, with its share: the
 * spread a learner watches (kube-proxy's random choice per connection, or IPVS round-robin).
 */
export function PodRateList({ rows, service }: { rows: ServicePodShare[]; service: string }) {
  const t = useT();
  if (rows.length === 0) return <p className="text-[12.5px] text-slate-500">{t('network.noPodsBehind', { service })}</p>;
  return (
    <ul aria-label={t('network.requestsPerPod')} className="space-y-1">
      {rows.map((r) => {
        const pct = Math.round(r.share * 100);
        const state = stateText(r.endpoint, t);
        return (
          <li key={r.key} aria-label={rowLabel(r, pct, state, t)} className="text-[12.5px]">
            <div className="flex items-baseline gap-2">
              <span translate="no" className="min-w-0 flex-1 truncate font-mono text-[12px] text-slate-800" title={r.key}>{r.name}</span>
              {state && <span className="shrink-0 text-[11px] text-amber-800">{state}</span>}
              <span className={`shrink-0 tabular-nums ${r.perSecond ? 'font-semibold text-slate-900' : 'text-slate-400'}`}>{rateText(r.perSecond, t)}</span>
              <span className="w-9 shrink-0 text-right tabular-nums text-slate-500">{pct}%</span>
            </div>
            <div aria-hidden="true" className="mt-0.5 h-1.5 overflow-hidden rounded-full bg-slate-100">
              <div className="h-full rounded-full bg-sky-500 transition-[width] duration-300" style={{ width: `${pct}%` }} />
            </div>
            {r.failed > 0 && <p className="text-[11.5px] text-rose-700">{t('network.failedCount', { count: r.failed })}</p>}
          </li>
        );
      })}
    </ul>
  );
}
