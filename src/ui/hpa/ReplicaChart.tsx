import { useMemo, type MouseEvent } from 'react';
import { hpaChartModel, type HpaChartFrame } from '../../projections/hpaChart';
import type { HpaSeries } from '../../projections/hpaSeries';
import { formatVirtualTime } from '../../projections/time';
import { useT } from '../../i18n/useT';

const HEIGHT = 150;
const MARGIN = { left: 26, right: 40, top: 10, bottom: 20 };
const REPLICAS = '#4f46e5';
const READY = '#0ea5e9';
const RANGE = '#be123c';

/**
 * Replicas over virtual time: what the HPA set (spec.replicas of its target) and the ready Pods,
 * between minReplicas and maxReplicas; a dot at each sync that wrote the HPA, the cursor as a line.
 * Clicking a dot moves the timeline to that sync.
 */
export function ReplicaChart({ series, cursorTime, width, onPick }: {
  series: HpaSeries; cursorTime: number; width: number; onPick(step: number): void;
}) {
  const t = useT();
  const frame: HpaChartFrame = useMemo(() => ({ width, height: HEIGHT, margin: MARGIN }), [width]);
  const m = useMemo(() => hpaChartModel(series, cursorTime, frame), [series, cursorTime, frame]);
  const { x0, x1, y0, y1 } = m.plot;
  const onClick = (e: MouseEvent<SVGSVGElement>) => {
    const px = e.clientX - e.currentTarget.getBoundingClientRect().left;
    const near = m.syncs.reduce<{ d: number; step: number } | undefined>((best, s) => {
      const d = Math.abs(s.x - px);
      return d < 12 && (!best || d < best.d) ? { d, step: s.step } : best;
    }, undefined);
    if (near) onPick(near.step);
  };
  return (
    <svg width={width} height={HEIGHT} onClick={onClick} aria-hidden="true" className="block select-none">
      {m.yTicks.map((t) => (
        <g key={t.value}>
          <line x1={x0} x2={x1} y1={t.y} y2={t.y} stroke="#e2e8f0" />
          <text x={x0 - 5} y={t.y + 3.5} textAnchor="end" fontSize={10} fill="#64748b">{t.value}</text>
        </g>
      ))}
      <line x1={x0} x2={x1} y1={m.max.y} y2={m.max.y} stroke={RANGE} strokeDasharray="5 3" />
      <text x={x1 + 4} y={m.max.y + 3.5} fontSize={10} fontWeight={600} fill={RANGE}>{t('hpa.chartMax', { value: m.max.value })}</text>
      <line x1={x0} x2={x1} y1={m.min.y} y2={m.min.y} stroke={RANGE} strokeDasharray="2 3" />
      <text x={x1 + 4} y={m.min.y + 3.5} fontSize={10} fontWeight={600} fill={RANGE}>{t('hpa.chartMin', { value: m.min.value })}</text>
      <path d={m.ready} fill="none" stroke={READY} strokeWidth={1.5} strokeDasharray="4 2" />
      <path d={m.replicas} fill="none" stroke={REPLICAS} strokeWidth={2.25} strokeLinejoin="round" />
      {m.syncs.map((s) => <circle key={s.step} cx={s.x} cy={s.y} r={3} fill="white" stroke={REPLICAS} strokeWidth={1.5} className="cursor-pointer" />)}
      <line x1={x0} x2={x1} y1={y0} y2={y0} stroke="#cbd5e1" />
      <text x={x0} y={HEIGHT - 5} fontSize={10} fill="#64748b">{formatVirtualTime(m.t0)}</text>
      <text x={x1} y={HEIGHT - 5} textAnchor="end" fontSize={10} fill="#64748b">{formatVirtualTime(m.t1)}</text>
      <line x1={m.cursorX} x2={m.cursorX} y1={y1 - 2} y2={y0} stroke="#4f46e5" strokeWidth={1.25} strokeOpacity={0.6} />
    </svg>
  );
}
