/**
 * Where the storage and configuration elements go. Below the Nodes, a storage block reads left to
 * right — claim → volume → class, a claim's volume on its row — with the ConfigMaps and Secrets
 * in a grid beside it. Grouped by namespace, the namespaced ones (claims, ConfigMaps, Secrets)
 * stack in a column inside their namespace's box instead, and only volumes and classes (which
 * belong to no namespace) stay below. Everything is ordered by creation, so new elements append.
 */
import type { Rect } from './placement';
import type { ResourceItem, ResourceSnapshot } from './storageCollect';

export const STORAGE_CARD = { width: 232, height: 84 };
export const CONFIG_CARD = { width: 208, height: 64 };
export const RESOURCE_GAP = 16;
export const RESOURCE_COLUMN_GAP = 64;
/** Between the Node grid and the area below it. */
export const AREA_GAP = 48;
/** ConfigMaps and Secrets fill this many rows before another column starts. */
const CONFIG_ROWS = 4;

export interface PlacedResource {
  item: ResourceItem;
  rect: Rect;
}

export interface ResourceArea {
  placed: PlacedResource[];
  width: number;
  /** 0 when nothing is placed. */
  height: number;
}

const STORAGE_STEP = STORAGE_CARD.height + RESOURCE_GAP;
const COLUMN = STORAGE_CARD.width + RESOURCE_COLUMN_GAP;

function claimOf(item: ResourceItem, snapshot: ResourceSnapshot): string | undefined {
  const ref = snapshot.volumeObjects.get(item.id)?.spec?.claimRef;
  return ref ? `${ref.namespace ?? 'default'}/${ref.name}` : undefined;
}

/** Volumes beside their claim's row when it is free; the others in the rows after. */
function volumeRows(snapshot: ResourceSnapshot, claimRow: Map<string, number>, firstFree: number): Map<string, number> {
  const rows = new Map<string, number>();
  const taken = new Set<number>();
  for (const v of snapshot.volumes) {
    const claim = claimOf(v, snapshot);
    const row = claim === undefined ? undefined : claimRow.get(claim);
    if (row !== undefined && !taken.has(row)) {
      rows.set(v.id, row);
      taken.add(row);
    }
  }
  let next = firstFree;
  for (const v of snapshot.volumes) {
    if (rows.has(v.id)) continue;
    while (taken.has(next)) next++;
    rows.set(v.id, next);
    taken.add(next);
  }
  return rows;
}

const claimKey = (item: ResourceItem) => `${item.data.namespace ?? 'default'}/${item.data.name}`;

/**
 * The storage columns at (x, top): claims (unless `withClaims` is false), volumes, classes.
 * `claimRows` gives the row of each claim's volume when the claims are drawn elsewhere.
 */
function placeStorage(snapshot: ResourceSnapshot, x: number, top: number, withClaims: boolean, placed: PlacedResource[]): { width: number; rows: number } {
  const claimRow = new Map(snapshot.claims.map((c, i) => [claimKey(c), i]));
  const rows = volumeRows(snapshot, claimRow, withClaims ? snapshot.claims.length : 0);
  const columns = [withClaims && snapshot.claims.length > 0, snapshot.volumes.length > 0 || snapshot.claims.length > 0, snapshot.classes.length > 0];
  const colX: number[] = [];
  let cx = x;
  for (const on of columns) {
    colX.push(cx);
    if (on) cx += COLUMN;
  }
  const rect = (col: number, row: number): Rect => ({ x: colX[col], y: top + row * STORAGE_STEP, ...STORAGE_CARD });
  let used = 0;
  if (withClaims) snapshot.claims.forEach((c, i) => { placed.push({ item: c, rect: rect(0, i) }); used = Math.max(used, i + 1); });
  if (!withClaims) {
    // Volumes in the order of their claims (as the namespace boxes stack them), the others after.
    const order = [...snapshot.volumes].sort((a, b) => (claimRow.get(claimOf(a, snapshot) ?? '') ?? 1e9) - (claimRow.get(claimOf(b, snapshot) ?? '') ?? 1e9));
    order.forEach((v, i) => rows.set(v.id, i));
  }
  for (const v of snapshot.volumes) {
    const row = rows.get(v.id)!;
    placed.push({ item: v, rect: rect(1, row) });
    used = Math.max(used, row + 1);
  }
  snapshot.classes.forEach((c, i) => { placed.push({ item: c, rect: rect(2, i) }); used = Math.max(used, i + 1); });
  return { width: cx > x ? cx - x - RESOURCE_COLUMN_GAP : 0, rows: used };
}

function placeConfigs(items: readonly ResourceItem[], x: number, top: number, placed: PlacedResource[]): { width: number; height: number } {
  if (!items.length) return { width: 0, height: 0 };
  const columns = Math.ceil(items.length / CONFIG_ROWS);
  items.forEach((item, i) => {
    const col = Math.floor(i / CONFIG_ROWS);
    const row = i % CONFIG_ROWS;
    placed.push({ item, rect: { x: x + col * (CONFIG_CARD.width + RESOURCE_GAP), y: top + row * (CONFIG_CARD.height + RESOURCE_GAP), ...CONFIG_CARD } });
  });
  const rows = Math.min(items.length, CONFIG_ROWS);
  return { width: columns * (CONFIG_CARD.width + RESOURCE_GAP) - RESOURCE_GAP, height: rows * (CONFIG_CARD.height + RESOURCE_GAP) - RESOURCE_GAP };
}

/** Everything below the Node grid, starting at `top` (the ungrouped layout). */
export function placeResourceArea(snapshot: ResourceSnapshot, top: number): ResourceArea {
  const placed: PlacedResource[] = [];
  const storage = placeStorage(snapshot, 0, top, true, placed);
  const configX = storage.width ? storage.width + RESOURCE_COLUMN_GAP : 0;
  const configs = placeConfigs(snapshot.configs, configX, top, placed);
  const height = Math.max(storage.rows * STORAGE_STEP - RESOURCE_GAP, configs.height, 0);
  return { placed, width: configs.width ? configX + configs.width : storage.width, height: placed.length ? height : 0 };
}

/**
 * Volumes and classes only, below the grid from `x` — under the namespaces' column of claims, so a
 * claim's edge to its volume runs straight down (grouped by namespace: claims sit in their namespace).
 */
export function placeClusterScoped(snapshot: ResourceSnapshot, x: number, top: number): ResourceArea {
  const placed: PlacedResource[] = [];
  const storage = placeStorage(snapshot, x, top, false, placed);
  return { placed, width: storage.width ? x + storage.width : 0, height: storage.rows ? storage.rows * STORAGE_STEP - RESOURCE_GAP : 0 };
}

/** A namespace's claims, then its ConfigMaps and Secrets, in one column from `top`. */
export function stackNamespaced(items: readonly ResourceItem[], x: number, top: number): PlacedResource[] {
  let y = top;
  return items.map((item) => {
    const size = item.type === 'storage' ? STORAGE_CARD : CONFIG_CARD;
    const rect = { x, y, width: STORAGE_CARD.width, height: size.height };
    y += size.height + RESOURCE_GAP;
    return { item, rect };
  });
}

export function stackHeight(items: readonly ResourceItem[]): number {
  return items.reduce((h, item) => h + (item.type === 'storage' ? STORAGE_CARD.height : CONFIG_CARD.height) + RESOURCE_GAP, 0) - (items.length ? RESOURCE_GAP : 0);
}

export const NAMESPACED_COLUMN_WIDTH = STORAGE_CARD.width;
