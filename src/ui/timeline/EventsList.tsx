import { useEffect, useMemo, useRef, useState } from 'react';
import { useT } from '../../i18n/useT';
import { usePlayground, useView } from '../../store';
import { eventsCommand, kubectlEventRows, noEventsMessage, type EventsQuery } from '../../projections/kubectlEvents';
import { formatEventsTable, formatWatch, watchRows } from '../../projections/kubectlEventsText';
import { objectIndexFor } from '../../projections/stepFilterIndex';
import { epochOf } from '../../projections/time';
import { EventsListTable } from './EventsListTable';

/** Rows drawn at most (the newest under --watch, the first in list order otherwise). */
const MAX_ROWS = 500;

function Check({ label, checked, onChange, title }: { label: string; checked: boolean; onChange(on: boolean): void; title: string }) {
  return (
    <label className="flex items-center gap-1.5 text-[13px] text-slate-600" title={title}>
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} className="accent-indigo-600" />
      {label}
    </label>
  );
}

/**
 * Every Event as of the cursor, like `kubectl get events` (in the API's order: namespace, then
 * name), or like `--watch` (one line per Event write, growing as the cursor moves on). The
 * timeline's namespace and object filters narrow it the way `-n` and `--field-selector` do.
 */
export function EventsList() {
  const t = useT();
  const cluster = usePlayground((s) => s.cluster);
  const cursor = usePlayground((s) => s.cursor);
  const filter = usePlayground((s) => s.stepFilter);
  const view = useView();
  const [watch, setWatch] = useState(false);
  const [asText, setAsText] = useState(false);
  const scroller = useRef<HTMLDivElement>(null);
  const query = useMemo<EventsQuery>(() => ({ namespace: filter.namespace, object: filter.object }), [filter]);
  const allNamespaces = query.namespace === null;

  const rows = useMemo(() => {
    if (!watch) return kubectlEventRows(view.events(), epochOf(view.now), query);
    return watchRows(objectIndexFor(cluster).eventsUpTo(cursor), (i) => cluster.at(i), query);
  }, [watch, view, query, cluster, cursor]);

  const shown = rows.length <= MAX_ROWS ? rows : watch ? rows.slice(-MAX_ROWS) : rows.slice(0, MAX_ROWS);
  const cut = shown.length < rows.length;
  const rowsText = watch
    ? (cut ? t('eventsList.linesLast', { count: rows.length, shown: shown.length }) : t('eventsList.lines', { count: rows.length }))
    : (cut ? t('eventsList.eventsFirst', { count: rows.length, shown: shown.length }) : t('eventsList.events', { count: rows.length }));
  // --watch grows at the bottom: keep the newest line in sight
  useEffect(() => {
    const el = scroller.current;
    if (watch && el) el.scrollTop = el.scrollHeight;
  }, [watch, rows.length]);

  return (
    <section aria-label={t('eventsList.region')} className="flex min-h-0 flex-1 flex-col">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1 border-b border-slate-200 px-3 py-1">
        <code translate="no" className="text-[12px] text-slate-700">$ {eventsCommand(query, watch)}</code>
        <Check label={t('eventsList.watch')} checked={watch} onChange={setWatch} title={t('eventsList.watchHint')} />
        <Check label={t('eventsList.asText')} checked={asText} onChange={setAsText} title={t('eventsList.asTextHint')} />
        <span className="ml-auto text-[12px] text-slate-500">
          {rowsText} · {t('eventsList.asOf', { step: Math.max(0, cursor) })}
        </span>
      </div>
      <div ref={scroller} tabIndex={0} className="min-h-0 flex-1 overflow-auto">
        {rows.length === 0 ? (
          <p lang="en" translate="no" className="px-3 py-2 font-mono text-[12px] text-slate-500">{noEventsMessage(query)}</p>
        ) : asText ? (
          <pre aria-label={t('eventsList.output')} className="px-3 py-1 font-mono text-[12px] leading-[18px] text-slate-800">
            <span lang="en" translate="no">{watch ? formatWatch(shown, allNamespaces) : formatEventsTable(shown, allNamespaces)}</span>
          </pre>
        ) : (
          <EventsListTable rows={shown} allNamespaces={allNamespaces} />
        )}
      </div>
    </section>
  );
}
