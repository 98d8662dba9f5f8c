import { revisionColour } from '../../graph/revisions';
import { useT } from '../../i18n/useT';
import type { RolloutSample, RolloutSeries } from '../../projections/rollout';
import { sampleIndexAt } from '../../projections/rolloutSummary';
import { usePlayground, type ObjectRef } from '../../store';
import { Button } from '../common/Button';
import { RolloutChart } from './RolloutChart';
import { rolloutSummary, strategyLine } from './rolloutText';
import { useElementWidth } from './useElementWidth';
import { useRolloutSeries } from './useRolloutSeries';

/** The ReplicaSets at the cursor, newest revision first, in their revision's colour (as on the canvas). */
function ReplicaSetList({ series, sample }: { series: RolloutSeries; sample: RolloutSample }) {
  const t = useT();
  const rows = series.replicaSets
    .filter((rs) => sample.sets[rs.uid])
    .map((rs) => ({ rs, counts: sample.sets[rs.uid] }))
    .sort((a, b) => b.counts.revision - a.counts.revision);
  return (
    <ul aria-label={t('rollout.replicaSets')} className="mt-2 space-y-1 text-[12px]">
      {rows.map(({ rs, counts }) => (
        <li key={rs.uid} className="flex items-center gap-1.5">
          <span aria-hidden="true" className="h-2.5 w-2.5 shrink-0 rounded-sm" style={{ background: revisionColour(counts.revision) }} />
          <span className="font-semibold text-slate-800">{t('rollout.rev', { revision: counts.revision })}</span>
          <span translate="no" className="min-w-0 flex-1 truncate font-mono text-[11.5px] text-slate-500" title={rs.name}>{rs.name}</span>
          <span className="shrink-0 tabular-nums text-slate-700">
            {t('rollout.counts', { desired: counts.spec, ready: counts.ready, available: counts.available })}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** The Rollout tab of a Deployment: its ReplicaSets over the Steps, within the RollingUpdate bounds, at the cursor. */
export function RolloutPanel({ selection }: { selection: ObjectRef }) {
  const t = useT();
  const series = useRolloutSeries(selection.name, selection.namespace);
  const cursor = usePlayground((s) => s.cursor);
  const setCursor = usePlayground((s) => s.setCursor);
  const [ref, width] = useElementWidth<HTMLDivElement>(300);
  const { samples } = series;
  const index = sampleIndexAt(samples, cursor);
  const sample = samples[index];
  // between two changes, "previous" is the one in force; before the first, "next" is the first
  const prev = sample && cursor > sample.step ? sample : index > 0 ? samples[index - 1] : undefined;
  const next = samples[index + 1];

  return (
    <div className="min-h-0 flex-1 overflow-auto px-3 py-2.5">
      {sample && <p className="mb-1.5 text-[12px] leading-snug text-slate-600">{strategyLine(sample, t)}</p>}
      <div ref={ref} className="w-full">
        {samples.length === 0
          ? <p className="py-6 text-center text-[13px] text-slate-500">{t('rollout.noReplicaSets')}</p>
          : <RolloutChart series={series} cursor={cursor} width={width} onPick={setCursor} />}
      </div>
      <div className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-[11.5px] text-slate-500" aria-hidden="true">
        <span className="flex items-center gap-1"><span className="inline-block h-0.5 w-4 bg-slate-600" />{t('rollout.legendDesired')}</span>
        <span className="flex items-center gap-1"><span className="inline-block h-2.5 w-4 bg-slate-300/70" />{t('rollout.legendAvailable')}</span>
        <span className="flex items-center gap-1"><span className="inline-block h-px w-4 bg-slate-400" />{t('rollout.legendTotal')}</span>
        <span className="flex items-center gap-1"><span className="inline-block w-4 border-t border-dashed border-rose-700" />{t('rollout.legendMax')}</span>
        <span className="flex items-center gap-1"><span className="inline-block w-4 border-t border-dotted border-amber-700" />{t('rollout.legendMin')}</span>
      </div>
      <p aria-label={t('rollout.summaryLabel')} className="mt-2 text-[13px] leading-snug text-slate-800">
        <span className="text-slate-500">{t('rollout.atStep', { step: Math.max(0, cursor) })}</span>{rolloutSummary(sample, t)}
      </p>
      {sample && <ReplicaSetList series={series} sample={sample} />}
      <div className="mt-2.5 flex gap-2">
        <Button disabled={!prev} onClick={() => prev && setCursor(prev.step)}><span aria-hidden="true">◀</span>{t('rollout.previousChange')}</Button>
        <Button disabled={!next} onClick={() => next && setCursor(next.step)}>{t('rollout.nextChange')}<span aria-hidden="true">▶</span></Button>
      </div>
    </div>
  );
}
