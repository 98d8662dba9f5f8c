/**
 * The text kubectl prints for Events. kubectl aligns tables with liggitt/tabwriter (minwidth 6,
 * padding 3, RememberWidths): a column is as wide as its widest cell plus 3, at least 6, and
 * under `--watch` — one flush per line — a column never shrinks back once a wide cell has been
 * printed, while earlier lines keep the narrower widths they were printed with.
 */
import type { ClusterView } from '../engine/api';
import type { EventObject } from './events';
import { eventSelected, kubectlEventRow, type EventsQuery, type KubectlEventRow } from './kubectlEvents';
import type { EventOccurrence } from './stepFilterIndex';
import { epochOf } from './time';

const MIN_WIDTH = 6;
const PADDING = 3;

const width = (text: string): number => Array.from(text).length;

/** A tabwriter that remembers column widths across flushes, as kubectl's does. */
export class RememberingTabWriter {
  private readonly remembered: number[] = [];

  /** Aligns one flushed block of rows (the last cell of a row is not part of a column). */
  flush(rows: readonly string[][]): string[] {
    const columns = Math.max(0, ...rows.map((r) => r.length - 1));
    const widths: number[] = [];
    for (let c = 0; c < columns; c++) {
      let w = MIN_WIDTH;
      for (const r of rows) if (c < r.length - 1) w = Math.max(w, width(r[c]) + PADDING);
      w = Math.max(w, this.remembered[c] ?? 0);
      this.remembered[c] = w;
      widths.push(w);
    }
    return rows.map((r) => r.map((cell, c) => (c < r.length - 1 ? cell + ' '.repeat(widths[c] - width(cell)) : cell)).join(''));
  }
}

const HEADER = ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'];

function cells(row: KubectlEventRow, allNamespaces: boolean): string[] {
  const cols = [row.lastSeen, row.type, row.reason, row.object, row.message];
  return allNamespaces ? [row.namespace, ...cols] : cols;
}

export function eventsHeader(allNamespaces: boolean): string[] {
  return allNamespaces ? ['NAMESPACE', ...HEADER] : HEADER;
}

/** `kubectl get events` output: the header and the rows, aligned as one block. */
export function formatEventsTable(rows: readonly KubectlEventRow[], allNamespaces: boolean): string {
  if (rows.length === 0) return '';
  const lines = new RememberingTabWriter().flush([eventsHeader(allNamespaces), ...rows.map((r) => cells(r, allNamespaces))]);
  return `${lines.join('\n')}\n`;
}

/** One line of `--watch` output: the Event as written at `step`, aged at that moment. */
export interface WatchRow extends KubectlEventRow {
  step: number;
}

/**
 * The rows `kubectl get events --watch` has printed by the cursor's Step, when started before the
 * cluster's first Step: one per Event write, in the order they happened.
 */
export function watchRows(occurrences: readonly EventOccurrence[], at: (step: number) => ClusterView, q: EventsQuery): WatchRow[] {
  const rows: WatchRow[] = [];
  for (const o of occurrences) {
    const view = at(o.step);
    const e = view.get('Event', o.name, o.namespace) as EventObject | undefined;
    if (!e || !eventSelected(e, q)) continue;
    rows.push({ ...kubectlEventRow(e, epochOf(view.now)), step: o.step });
  }
  return rows;
}

/** The `--watch` text: the header flushed with the first line, then one flush per line. */
export function formatWatch(rows: readonly KubectlEventRow[], allNamespaces: boolean): string {
  if (rows.length === 0) return '';
  const writer = new RememberingTabWriter();
  const out = writer.flush([eventsHeader(allNamespaces), cells(rows[0], allNamespaces)]);
  for (const r of rows.slice(1)) out.push(...writer.flush([cells(r, allNamespaces)]));
  return `${out.join('\n')}\n`;
}
