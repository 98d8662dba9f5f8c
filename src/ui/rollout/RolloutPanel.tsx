import { revisionColour } from '../../graph/revisions';
import type { RolloutSample, RolloutSeries } from '../../projections/rollout';
import { rolloutSummary, sampleIndexAt } from '../../projections/rolloutSummary';
import { usePlayground, type ObjectRef } from '../../store';
import { Button } from '../common/Button';
import { RolloutChart } from './RolloutChart';
import { useElementWidth } from './useElementWidth';
import { useRolloutSeries } from './useRolloutSeries';

function strategyLine(s: RolloutSample): string {
  if (s.maxTotal === undefined || s.minAvailable === undefined) {
    return `Recreate, ${s.replicas} replicas: every old Pod stops before new ones start.`;
  }
  return `RollingUpdate, ${s.replicas} replicas: at most ${s.maxTotal} Pods (${s.replicas} + maxSurge ${s.maxTotal - s.replicas}), ` +
    `at least ${s.minAvailable} available (${s.replicas} − maxUnavailable ${s.replicas - s.minAvailable}).`;
}

/** The ReplicaSets at the cursor, newest revision first, in their revision's colour (as on the canvas). */
function ReplicaSetList({ series, sample }: { series: RolloutSeries; sample: RolloutSample }) {
  const rows = series.replicaSets
    .filter((rs) => sample.sets[rs.uid])
    .map((rs) => ({ rs, counts: sample.sets[rs.uid] }))
    .sort((a, b) => b.counts.revision - a.counts.revision);
  return (
    <ul aria-label="ReplicaSets at this Step" className="mt-2 space-y-1 text-[12px]">
      {rows.map(({ rs, counts }) => (
        <li key={rs.uid} className="flex items-center gap-1.5">
          <span aria-hidden="true" className="h-2.5 w-2.5 shrink-0 rounded-sm" style={{ background: revisionColour(counts.revision) }} />
          <span className="font-semibold text-slate-800">rev {counts.revision}</span>
          <span className="min-w-0 flex-1 truncate font-mono text-[11.5px] text-slate-500" title={rs.name}>{rs.name}</span>
          <span className="shrink-0 tabular-nums text-slate-700">
            {counts.spec} desired · {counts.ready} ready · {counts.available} available
          </span>
        </li>
      ))}
    </ul>
  );
}

/** The Rollout tab of a Deployment: its ReplicaSets over the Steps, within the RollingUpdate bounds, at the cursor. */
export function RolloutPanel({ selection }: { selection: ObjectRef }) {
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
      {sample && <p className="mb-1.5 text-[12px] leading-snug text-slate-600">{strategyLine(sample)}</p>}
      <div ref={ref} className="w-full">
        {samples.length === 0
          ? <p className="py-6 text-center text-[13px] text-slate-500">No ReplicaSets yet. Step forward to see the Deployment create one.</p>
          : <RolloutChart series={series} cursor={cursor} width={width} onPick={setCursor} />}
      </div>
      <div className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-[11.5px] text-slate-500" aria-hidden="true">
        <span className="flex items-center gap-1"><span className="inline-block h-0.5 w-4 bg-slate-600" />desired</span>
        <span className="flex items-center gap-1"><span className="inline-block h-2.5 w-4 bg-slate-300/70" />available</span>
        <span className="flex items-center gap-1"><span className="inline-block h-px w-4 bg-slate-400" />total</span>
        <span className="flex items-center gap-1"><span className="inline-block w-4 border-t border-dashed border-rose-700" />max Pods</span>
        <span className="flex items-center gap-1"><span className="inline-block w-4 border-t border-dotted border-amber-700" />min available</span>
      </div>
      <p aria-label="Rollout summary" className="mt-2 text-[13px] leading-snug text-slate-800">
        <span className="text-slate-500">Step {Math.max(0, cursor)}: </span>{rolloutSummary(sample)}
      </p>
      {sample && <ReplicaSetList series={series} sample={sample} />}
      <div className="mt-2.5 flex gap-2">
        <Button disabled={!prev} onClick={() => prev && setCursor(prev.step)}><span aria-hidden="true">◀</span>Previous change</Button>
        <Button disabled={!next} onClick={() => next && setCursor(next.step)}>Next change<span aria-hidden="true">▶</span></Button>
      </div>
    </div>
  );
}
