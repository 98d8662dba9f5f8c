/**
 * The geometry of the rollout chart, as pure data (SVG path strings and positions), so the React
 * component only draws it. The x axis has one slot per sample (a change in some number), which
 * keeps a rollout legible however many Steps lie between its changes; values hold until the
 * next sample (step lines). Each ReplicaSet's line is split where its revision number changes
 * (a rollback renumbers it), so each piece takes that revision's colour, as the graph's Pods do.
 */
import type { RolloutSample, RolloutSeries } from './rollout';
import { sampleIndexAt, sampleWindow } from './rolloutSummary';

export interface ChartFrame {
  width: number;
  height: number;
  /** Room for the axis labels (left, bottom) and the bound labels (right). */
  margin: { left: number; right: number; top: number; bottom: number };
  /** At most this many samples are drawn; a window around the cursor when there are more. */
  maxSlots: number;
}

export interface ChartLine {
  uid: string;
  revision: number;
  /** spec.replicas as a step line. */
  spec: string;
  /** availableReplicas as a filled area down to 0. */
  available: string;
}

export interface ChartBound {
  path: string;
  /** The latest value drawn, labelled at the right edge. */
  value: number;
  labelY: number;
}

export interface ChartModel {
  /** [start, end) of the samples drawn. */
  window: [number, number];
  plot: { x0: number; x1: number; y0: number; y1: number };
  yTicks: { value: number; y: number }[];
  lines: ChartLine[];
  total: string;
  maxTotal?: ChartBound;
  minAvailable?: ChartBound;
  /** Where the timeline cursor is; its sample index (-1 before the first sample). */
  cursor: { x: number; sample: number };
  /** Left edge of each drawn sample's slot, and the Step it stands for. */
  slots: { x: number; step: number; index: number }[];
}

type Value = number | undefined;

/** A step line through the values (undefined leaves a gap), or the area under it when `base` is given. */
export function stepPath(values: readonly Value[], xs: readonly number[], xEnd: number, y: (v: number) => number, base?: number): string {
  let d = '';
  let open = false;
  const close = (x: number) => {
    d += ` H${x}` + (base === undefined ? '' : ` V${base} Z`);
    open = false;
  };
  values.forEach((v, i) => {
    if (v === undefined) {
      if (open) close(xs[i]);
      return;
    }
    if (!open) d += (d ? ' ' : '') + (base === undefined ? `M${xs[i]} ${y(v)}` : `M${xs[i]} ${base} V${y(v)}`);
    else d += ` H${xs[i]} V${y(v)}`;
    open = true;
  });
  if (open) close(xEnd);
  return d;
}

/** A round top for the y axis and 2–6 integer ticks. */
export function yAxis(maxValue: number): { top: number; ticks: number[] } {
  const top = Math.max(1, Math.ceil(maxValue));
  const step = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000].find((s) => top / s <= 5) ?? Math.ceil(top / 5);
  const rounded = Math.ceil(top / step) * step;
  const ticks: number[] = [];
  for (let v = 0; v <= rounded; v += step) ticks.push(v);
  return { top: rounded, ticks };
}

const round = (v: number) => Math.round(v * 10) / 10;

export function chartModel(series: RolloutSeries, cursor: number, frame: ChartFrame): ChartModel {
  const { samples } = series;
  const focus = sampleIndexAt(samples, cursor);
  const [start, end] = sampleWindow(samples.length, focus, frame.maxSlots);
  const shown: RolloutSample[] = samples.slice(start, end);
  const x0 = frame.margin.left;
  const x1 = frame.width - frame.margin.right;
  const y0 = frame.height - frame.margin.bottom;
  const y1 = frame.margin.top;
  const slot = (x1 - x0) / Math.max(1, shown.length);
  const xs = shown.map((_, i) => round(x0 + i * slot));
  const peak = Math.max(1, ...shown.map((s) => Math.max(s.maxTotal ?? 0, s.total, s.pods, s.replicas)));
  const axis = yAxis(peak);
  const y = (v: number) => round(y0 - (v / axis.top) * (y0 - y1));
  const path = (values: Value[], base?: number) => stepPath(values, xs, x1, y, base);

  const lines: ChartLine[] = [];
  for (const rs of series.replicaSets) {
    const revisions = [...new Set(shown.map((s) => s.sets[rs.uid]?.revision).filter((r): r is number => r !== undefined))];
    for (const revision of revisions) {
      const mine = (s: RolloutSample) => (s.sets[rs.uid]?.revision === revision ? s.sets[rs.uid] : undefined);
      lines.push({ uid: rs.uid, revision, spec: path(shown.map((s) => mine(s)?.spec)),
        available: path(shown.map((s) => mine(s)?.available), y0) });
    }
  }
  const bound = (pick: (s: RolloutSample) => Value): ChartBound | undefined => {
    const values = shown.map(pick);
    const last = [...values].reverse().find((v) => v !== undefined);
    return last === undefined ? undefined : { path: path(values), value: last, labelY: y(last) };
  };

  let cursorX = x0;
  if (focus >= start && focus < end) {
    const i = focus - start;
    const next = samples[focus + 1];
    const frac = next ? Math.min(1, (cursor - samples[focus].step) / Math.max(1, next.step - samples[focus].step)) : 0.5;
    cursorX = round(xs[i] + frac * slot);
  }
  return {
    window: [start, end],
    plot: { x0, x1, y0, y1 },
    yTicks: axis.ticks.map((value) => ({ value, y: y(value) })),
    lines,
    total: path(shown.map((s) => s.total)),
    maxTotal: bound((s) => s.maxTotal),
    minAvailable: bound((s) => s.minAvailable),
    cursor: { x: cursorX, sample: focus },
    slots: shown.map((s, i) => ({ x: xs[i], step: s.step, index: start + i })),
  };
}

/** The sample whose slot holds the x position (clamped to the drawn ones). */
export function slotAt(model: ChartModel, x: number): ChartModel['slots'][number] | undefined {
  const { slots } = model;
  if (!slots.length) return undefined;
  let found = slots[0];
  for (const s of slots) if (s.x <= x) found = s;
  return found;
}
