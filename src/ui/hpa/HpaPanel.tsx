import { useMemo } from 'react';
import { hpaView, servicesForTarget } from '../../projections/hpa';
import { hpaSampleAt } from '../../projections/hpaSeries';
import { trafficGenerators } from '../../projections/networkTraffic';
import { formatVirtualTime } from '../../projections/time';
import { useT } from '../../i18n/useT';
import { usePlayground, useView } from '../../store';
import { useElementWidth } from '../rollout/useElementWidth';
import { Section } from '../network/fields';
import { NetworkOutput } from '../network/NetworkOutput';
import { explainSync, syncSummary } from './explainSync';
import { HpaFacts } from './HpaFacts';
import { LoadSlider } from './LoadSlider';
import { ReplicaChart } from './ReplicaChart';
import { useHpaSeries } from './useHpaSeries';

/**
 * One HorizontalPodAutoscaler as of the cursor: the load slider (requests per second to the Service
 * in front of its target), current against target utilisation, current and desired replicas, the
 * formula of the latest sync with its numbers, the replicas over time and the recent syncs.
 */
export function HpaPanel({ name, namespace }: { name: string; namespace: string }) {
  const t = useT();
  const view = useView();
  const cursor = usePlayground((s) => s.cursor);
  const setCursor = usePlayground((s) => s.setCursor);
  const hpa = useMemo(() => hpaView(view, name, namespace), [view, name, namespace]);
  const explained = useMemo(() => (hpa?.sync ? { summary: syncSummary(hpa.sync.record, t), lines: explainSync(hpa.sync.record, t) } : undefined), [hpa, t]);
  const series = useHpaSeries(name, namespace);
  const [ref, width] = useElementWidth<HTMLDivElement>(280);
  const service = useMemo(() => (hpa ? servicesForTarget(view, hpa.target.kind, hpa.target.name, namespace)[0] : undefined), [view, hpa, namespace]);
  const rate = useMemo(() => trafficGenerators(view).filter((g) => g.generator.namespace === namespace && g.generator.service === service?.metadata.name)
    .reduce((n, g) => n + g.generator.ratePerSecond, 0), [view, namespace, service]);
  if (!hpa) return <p className="px-3 py-2 text-[13px] text-slate-600">{t('hpa.missing', { hpa: `${namespace}/${name}` })}</p>;
  const syncsSoFar = series.syncs.slice(0, hpaSampleAt(series.syncs, cursor) + 1);

  return (
    <div className="min-h-0 flex-1 overflow-auto">
      <Section title={t('hpa.load')}>
        {service ? <LoadSlider service={service.metadata.name} namespace={namespace} rate={rate} />
          : <p className="text-[12.5px] text-amber-800">{t('hpa.noService', { reference: hpa.reference })}</p>}
        <NetworkOutput kind="traffic" />
      </Section>
      <HpaFacts hpa={hpa} />
      <Section title={t('hpa.formula')} label={t('hpa.formulaRegion')} aside={hpa.sync ? t('hpa.syncAt', { time: formatVirtualTime(hpa.sync.time) }) : undefined}>
        {explained ? (
          <>
            <p role="note" aria-label={t('hpa.latestSync')} className="font-mono text-[12px] leading-snug text-slate-900">{explained.summary}</p>
            <ul aria-label={t('hpa.howComputed')} className="mt-1 list-disc space-y-0.5 pl-4 text-[12px] leading-snug text-slate-700">
              {explained.lines.map((l, i) => <li key={i}>{l}</li>)}
            </ul>
          </>
        ) : (
          <p className="text-[12.5px] text-slate-500">{t('hpa.notSynced')}</p>
        )}
      </Section>
      <Section title={t('hpa.overTime')} aside={<Legend />}>
        <div ref={ref} className="w-full">
          <ReplicaChart series={series} cursorTime={view.now} width={width} onPick={setCursor} />
        </div>
        {syncsSoFar.length > 0 && (
          <ol aria-label={t('hpa.recentSyncs')} className="mt-1.5 space-y-0.5 text-[11.5px] leading-snug">
            {syncsSoFar.slice(-4).reverse().map((s) => (
              <li key={s.step}>
                <button type="button" onClick={() => setCursor(s.step)} className="text-left hover:underline">
                  <span className="mr-1.5 tabular-nums text-slate-500">{formatVirtualTime(s.time)}</span>
                  <span className="font-mono text-slate-800">{syncSummary(s.record, t)}</span>
                </button>
              </li>
            ))}
          </ol>
        )}
      </Section>
    </div>
  );
}

function Legend() {
  const t = useT();
  return (
    <span aria-hidden="true" className="flex gap-2">
      <span className="flex items-center gap-1"><span className="inline-block h-0.5 w-3 bg-indigo-600" />{t('hpa.legendReplicas')}</span>
      <span className="flex items-center gap-1"><span className="inline-block w-3 border-t border-dashed border-sky-500" />{t('common.ready')}</span>
    </span>
  );
}
