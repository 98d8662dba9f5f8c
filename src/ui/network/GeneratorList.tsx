import type { GeneratorRow } from '../../projections/networkTraffic';
import { useT } from '../../i18n/useT';
import { usePlayground } from '../../store';
import { Button } from '../common/Button';
import { failureText, generatorText, secondText } from './trafficText';

/** The generators running at the cursor, each with its last second and a Stop button. */
export function GeneratorList({ rows }: { rows: GeneratorRow[] }) {
  const t = useT();
  const stopTraffic = usePlayground((s) => s.stopTraffic);
  if (rows.length === 0) return <p className="text-[12.5px] text-slate-500">{t('network.noTraffic')}</p>;
  return (
    <ul aria-label={t('network.generators')} className="space-y-1.5">
      {rows.map((r) => (
        <li key={r.id} className="rounded-md border border-slate-200 px-2 py-1.5 text-[12.5px] leading-snug">
          <div className="flex items-start gap-2">
            <p className="min-w-0 flex-1 text-slate-800">
              <span translate="no" className="mr-1 font-mono text-[11.5px] font-semibold text-indigo-700">{r.id}</span>
              {generatorText(r.generator, t)}
            </p>
            <Button className="shrink-0 !px-2 !py-0.5" aria-label={t('network.stopGenerator', { id: r.id })} onClick={() => stopTraffic(r.id)}>
              {t('network.stop')}
            </Button>
          </div>
          {r.last && (
            <p className="mt-0.5 text-[12px] text-slate-600">
              {t('network.lastSecond', { text: secondText(r.last, t) })}
            </p>
          )}
          {r.last?.failures.map((f) => (
            <p key={`${f.outcome}|${f.at}|${f.reason}`} className="text-[12px] text-rose-700">
              <span aria-hidden="true">✕ </span>{failureText({ ...f, reason: '' }, t)}
              {/* the reason is the engine's own words */}
              {f.reason && <>{t('network.reasonSeparator')}<span lang="en" translate="no">{f.reason}</span></>}
            </p>
          ))}
        </li>
      ))}
    </ul>
  );
}
