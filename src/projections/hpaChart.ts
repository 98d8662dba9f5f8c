/**
 * Geometry of the HPA's replica chart, over virtual time (idle stretches shortened): step lines for the replicas the HPA set
 * on its target (spec.replicas) and the target's ready Pods, the min/max range, dots at the
 * controller's syncs, and the cursor. Pure numbers; the component draws them.
 */
import type { HpaSeries } from './hpaSeries';

export interface HpaChartFrame {
  width: number;
  height: number;
  margin: { left: number; right: number; top: number; bottom: number };
}

export interface HpaChartModel {
  plot: { x0: number; x1: number; y0: number; y1: number };
  /** spec.replicas of the target (what the HPA scaled it to). */
  replicas: string;
  ready: string;
  yTicks: { value: number; y: number }[];
  min: { y: number; value: number };
  max: { y: number; value: number };
  syncs: { x: number; y: number; step: number }[];
  cursorX: number;
  /** First and last virtual time on the axis. */
  t0: number;
  t1: number;
}

/** Idle stretches longer than this are drawn this long (the clock can jump hours while nothing happens). */
export const MAX_GAP_MS = 60_000;

/**
 * A monotonic map of virtual time onto a compressed axis: between consecutive `times`, a gap
 * longer than `maxGap` counts as `maxGap`. Returns the map and the compressed span.
 */
export function compressTime(times: readonly number[], maxGap = MAX_GAP_MS): { at(t: number): number; span: number } {
  const ts = [...new Set(times)].sort((a, b) => a - b);
  const offsets: number[] = [0];
  for (let i = 1; i < ts.length; i++) offsets.push(offsets[i - 1] + Math.min(maxGap, ts[i] - ts[i - 1]));
  const at = (t: number) => {
    if (ts.length === 0 || t <= ts[0]) return 0;
    let i = ts.length - 1;
    while (i > 0 && ts[i] > t) i--;
    if (i === ts.length - 1) return offsets[i];
    const gap = ts[i + 1] - ts[i];
    return offsets[i] + ((t - ts[i]) / gap) * Math.min(maxGap, gap);
  };
  return { at, span: offsets[offsets.length - 1] ?? 0 };
}

/** Tick values from 0 to a round top at or above `max` (at most ~5 ticks). */
export function ticks(max: number): number[] {
  const top = Math.max(1, max);
  const step = top <= 5 ? 1 : top <= 10 ? 2 : top <= 25 ? 5 : Math.ceil(top / 50) * 10;
  const out: number[] = [];
  for (let v = 0; v <= top + step - 1 && out.length < 12; v += step) out.push(v);
  return out;
}

/** A step line through (time, value) pairs, holding each value until the next, to `tEnd`. */
export function stepLine(points: readonly [number, number][], x: (t: number) => number, y: (v: number) => number, tEnd: number): string {
  if (points.length === 0) return '';
  let d = `M${x(points[0][0]).toFixed(1)} ${y(points[0][1]).toFixed(1)}`;
  for (let i = 1; i < points.length; i++) d += ` H${x(points[i][0]).toFixed(1)} V${y(points[i][1]).toFixed(1)}`;
  return `${d} H${x(tEnd).toFixed(1)}`;
}

export function hpaChartModel(series: HpaSeries, cursorTime: number, frame: HpaChartFrame): HpaChartModel {
  const { width, height, margin } = frame;
  const plot = { x0: margin.left, x1: width - margin.right, y0: height - margin.bottom, y1: margin.top };
  const samples = series.samples;
  const t0 = samples[0]?.time ?? cursorTime;
  const t1 = Math.max(t0 + 15_000, cursorTime, samples[samples.length - 1]?.time ?? t0);
  const axis = compressTime([t0, t1, cursorTime, ...samples.map((s) => s.time), ...series.syncs.map((s) => s.time)].filter((t) => t >= t0 && t <= t1));
  const values = ticks(Math.max(series.max, ...samples.map((s) => Math.max(s.replicas, s.ready))));
  const top = values[values.length - 1] || 1;
  const x = (t: number) => plot.x0 + (axis.at(Math.min(Math.max(t, t0), t1)) / (axis.span || 1)) * (plot.x1 - plot.x0);
  const y = (v: number) => plot.y0 - (v / top) * (plot.y0 - plot.y1);
  const bySample = (pick: (s: HpaSeries['samples'][number]) => number) => samples.map((s) => [s.time, pick(s)] as [number, number]);
  return {
    plot,
    replicas: stepLine(bySample((s) => s.replicas), x, y, t1),
    ready: stepLine(bySample((s) => s.ready), x, y, t1),
    yTicks: values.map((value) => ({ value, y: y(value) })),
    min: { value: series.min, y: y(series.min) },
    max: { value: series.max, y: y(series.max) },
    syncs: series.syncs.map((s) => ({ x: x(s.time), y: y(s.desired), step: s.step })),
    cursorX: x(cursorTime),
    t0, t1,
  };
}
