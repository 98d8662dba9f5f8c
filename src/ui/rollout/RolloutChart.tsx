import { useMemo, type KeyboardEvent, type MouseEvent } from 'react';
import { revisionColour } from '../../graph/revisions';
import { useT } from '../../i18n/useT';
import type { RolloutSeries } from '../../projections/rollout';
import { chartModel, slotAt, type ChartFrame } from '../../projections/rolloutChart';
import { rolloutSummary } from './rolloutText';

const HEIGHT = 176;
const MARGIN = { left: 28, right: 48, top: 12, bottom: 22 };
const MAX_COLOUR = '#be123c'; // rose-700
const MIN_COLOUR = '#b45309'; // amber-700
const CURSOR_COLOUR = '#4f46e5'; // indigo-600

interface RolloutChartProps {
  series: RolloutSeries;
  cursor: number;
  width: number;
  /** Moves the timeline cursor to a Step. */
  onPick(step: number): void;
}

/** Keeps two labels at the right edge from overlapping: the second moves away from the first. */
function separate(a: number | undefined, b: number | undefined): [number | undefined, number | undefined] {
  if (a === undefined || b === undefined || Math.abs(a - b) >= 12) return [a, b];
  return a <= b ? [a, a + 12] : [a, a - 12];
}

/**
 * Replicas per revision over the Steps: a coloured step line per ReplicaSet (spec.replicas) over
 * a light area (available), the total, and the RollingUpdate bounds as dashed lines, with a marker
 * at the timeline cursor. A slider for keyboard and screen readers: ←/→ move to the previous/next
 * change, Home/End to the first/last; clicking a slot moves the cursor to that change.
 */
export function RolloutChart({ series, cursor, width, onPick }: RolloutChartProps) {
  const t = useT();
  const frame: ChartFrame = useMemo(() => ({ width, height: HEIGHT, margin: MARGIN, maxSlots: Math.max(8, Math.floor((width - 76) / 6)) }), [width]);
  const model = useMemo(() => chartModel(series, cursor, frame), [series, cursor, frame]);
  const { samples } = series;
  const current = model.cursor.sample;
  const { x0, x1, y0, y1 } = model.plot;

  const pickSample = (index: number) => {
    const s = samples[Math.max(0, Math.min(samples.length - 1, index))];
    if (s) onPick(s.step);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const between = current >= 0 && cursor > samples[current].step;
    const target = e.key === 'ArrowLeft' || e.key === 'ArrowDown' ? (between ? current : current - 1)
      : e.key === 'ArrowRight' || e.key === 'ArrowUp' ? current + 1
        : e.key === 'Home' ? 0 : e.key === 'End' ? samples.length - 1 : undefined;
    if (target === undefined) return;
    e.preventDefault();
    e.stopPropagation(); // the timeline's own ←/→ keys must not also move the cursor
    pickSample(target);
  };
  const onClick = (e: MouseEvent<SVGSVGElement>) => {
    const slot = slotAt(model, e.clientX - e.currentTarget.getBoundingClientRect().left);
    if (slot) onPick(slot.step);
  };
  const [maxY, minY] = separate(model.maxTotal?.labelY, model.minAvailable?.labelY);
  const first = model.slots[0];
  const last = model.slots[model.slots.length - 1];

  return (
    <div role="slider" tabIndex={0} aria-label={t('rollout.chart')} aria-orientation="horizontal"
      aria-valuemin={samples.length ? 1 : 0} aria-valuemax={samples.length} aria-valuenow={current + 1}
      aria-valuetext={t('rollout.atStep', { step: Math.max(0, cursor) }) + rolloutSummary(samples[current], t)}
      onKeyDown={onKeyDown} className="rounded-md">
      <svg width={width} height={HEIGHT} onClick={onClick} aria-hidden="true" className="block cursor-pointer select-none">
        {model.yTicks.map((tick) => (
          <g key={tick.value}>
            <line x1={x0} x2={x1} y1={tick.y} y2={tick.y} stroke="#e2e8f0" strokeWidth={1} />
            <text x={x0 - 6} y={tick.y + 3.5} textAnchor="end" fontSize={10.5} fill="#64748b">{tick.value}</text>
          </g>
        ))}
        {model.lines.map((l) => (
          <path key={`a-${l.uid}-${l.revision}`} d={l.available} fill={revisionColour(l.revision)} fillOpacity={0.13} stroke="none" />
        ))}
        <path d={model.total} fill="none" stroke="#94a3b8" strokeWidth={1.25} />
        {model.lines.map((l) => (
          <path key={`s-${l.uid}-${l.revision}`} d={l.spec} fill="none" stroke={revisionColour(l.revision)} strokeWidth={2.25}
            strokeLinejoin="round" />
        ))}
        {model.maxTotal && (
          <g>
            <path d={model.maxTotal.path} fill="none" stroke={MAX_COLOUR} strokeWidth={1.25} strokeDasharray="5 3" />
            <text x={x1 + 4} y={maxY! + 3.5} fontSize={10.5} fontWeight={600} fill={MAX_COLOUR}>{t('rollout.chartMax', { value: model.maxTotal.value })}</text>
          </g>
        )}
        {model.minAvailable && (
          <g>
            <path d={model.minAvailable.path} fill="none" stroke={MIN_COLOUR} strokeWidth={1.25} strokeDasharray="2 3" />
            <text x={x1 + 4} y={minY! + 3.5} fontSize={10.5} fontWeight={600} fill={MIN_COLOUR}>{t('rollout.chartMin', { value: model.minAvailable.value })}</text>
          </g>
        )}
        <line x1={x0} x2={x1} y1={y0} y2={y0} stroke="#cbd5e1" />
        {first && <text x={x0} y={HEIGHT - 6} fontSize={10.5} fill="#64748b">{t('rollout.chartStep', { step: first.step })}</text>}
        {last && last !== first && <text x={x1} y={HEIGHT - 6} textAnchor="end" fontSize={10.5} fill="#64748b">{t('rollout.chartStep', { step: last.step })}</text>}
        <line x1={model.cursor.x} x2={model.cursor.x} y1={y1 - 4} y2={y0} stroke={CURSOR_COLOUR} strokeWidth={1.5} />
        <path d={`M${model.cursor.x - 4} ${y1 - 8} h8 l-4 5 z`} fill={CURSOR_COLOUR} />
      </svg>
    </div>
  );
}
