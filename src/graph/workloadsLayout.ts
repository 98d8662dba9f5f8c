/**
 * The workloads band above the Unscheduled lane and the Nodes: one column per top-level workload
 * (or Service of its own), owners above what they own — a Deployment over its ReplicaSets, a
 * CronJob over its Jobs — and the Services that select a workload's Pods on its right, with
 * nothing below them, so the edges to their endpoints never pass behind a workload.
 *
 * Two tiers: the upper holds Deployments, CronJobs and Services; the lower holds what owns Pods
 * (ReplicaSets, ReplicationControllers, StatefulSets, DaemonSets, Jobs). Each tier is reserved
 * while anything could sit in it, so a controller creating a ReplicaSet or Job never pushes the
 * Nodes down; columns only widen, and wrap to a new row past the band's width.
 */
import type { Rect } from './placement';

export const CARD_WIDTH = 248;
export const CARD_HEIGHT = 104;
export const CARD_GAP = 12;
/** Between the tiers: room for the owner → owned edges. */
export const TIER_GAP = 40;
export const COLUMN_GAP = 36;
/** Wider than TIER_GAP, so a wrapped row never reads as a tier of the row above. */
export const ROW_GAP = 64;
/** Between the band and the lane: room for the edges fanning out to the Pods. */
export const BAND_GAP = 64;
/** The band wraps no narrower than this (three single-card columns). */
export const MIN_BAND_WIDTH = 3 * CARD_WIDTH + 2 * COLUMN_GAP;
/**
 * The band may be this much wider than the Node grid before it wraps: canvases are landscape, and
 * a wrapped row makes the whole graph taller (so smaller once fitted).
 */
export const BAND_WIDTH_FACTOR = 1.5;

export interface BandColumn {
  upper: readonly string[];
  lower: readonly string[];
  /** Services, upper tier, right of the workloads with nothing below them (their edges pass there). */
  services?: readonly string[];
}

export interface BandPlacement {
  rects: Map<string, Rect>;
  width: number;
  /** 0 when the band is empty; else the band plus the gap below it. */
  height: number;
}

function tierWidth(count: number): number {
  return count ? count * CARD_WIDTH + (count - 1) * CARD_GAP : 0;
}

/**
 * Places the columns left to right in rows no wider than `gridWidth` × BAND_WIDTH_FACTOR. `tiers`
 * says which tiers are reserved (see above); a column's cards are centred in it, tier by tier.
 */
export function placeBand(columns: readonly BandColumn[], gridWidth: number, tiers: { upper: boolean; lower: boolean }): BandPlacement {
  const rects = new Map<string, Rect>();
  if (!columns.length || (!tiers.upper && !tiers.lower)) return { rects, width: 0, height: 0 };
  const lowerY = tiers.upper ? CARD_HEIGHT + TIER_GAP : 0;
  const rowHeight = lowerY + (tiers.lower ? CARD_HEIGHT : 0);
  const limit = Math.max(gridWidth * BAND_WIDTH_FACTOR, MIN_BAND_WIDTH);
  let x = 0;
  let y = 0;
  let width = 0;
  for (const column of columns) {
    const services = column.services ?? [];
    const owners = Math.max(tierWidth(column.upper.length), tierWidth(column.lower.length));
    const w = Math.max(owners + (owners && services.length ? CARD_GAP : 0) + tierWidth(services.length), CARD_WIDTH);
    if (x > 0 && x + w > limit) {
      x = 0;
      y += rowHeight + ROW_GAP;
    }
    const tier = (ids: readonly string[], top: number, left = x, width = owners) => {
      let cx = left + (width - tierWidth(ids.length)) / 2;
      for (const id of ids) {
        rects.set(id, { x: cx, y: top, width: CARD_WIDTH, height: CARD_HEIGHT });
        cx += CARD_WIDTH + CARD_GAP;
      }
    };
    tier(column.upper, y);
    tier(column.lower, y + lowerY);
    tier(services, y, x + w - tierWidth(services.length), tierWidth(services.length));
    width = Math.max(width, x + w);
    x += w + COLUMN_GAP;
  }
  return { rects, width, height: y + rowHeight + BAND_GAP };
}
