import { useEffect, useId, useState } from 'react';
import { useT } from '../../../i18n/useT';
import { usePlayground } from '../../../store';
import { normalizeRef } from '../../../store/timelineSlice';
import { parseObjectQuery, type ObjectQueryResult } from '../../../projections/stepFilter';
import type { ObjectRef } from '../../../projections/stepDiffObjects';
import { FIELD, FIELD_LABEL } from './fieldStyles';

/** The text a filter object is shown as: `pod/web-1 -n default`. */
export function objectQueryText(ref: ObjectRef | null): string {
  if (!ref) return '';
  return `${ref.kind.toLowerCase()}/${ref.name}${ref.namespace ? ` -n ${ref.namespace}` : ''}`;
}

/** Filter by object: typed as kubectl takes it (`pod/web-1`, `deploy/web -n shop`), or the selection. */
export function ObjectFilterInput() {
  const t = useT();
  const object = usePlayground((s) => s.stepFilter.object);
  const selection = usePlayground((s) => s.selection);
  const setFilter = usePlayground((s) => s.setStepFilter);
  const [draft, setDraft] = useState(() => objectQueryText(object));
  // not kind/name (explained in the UI's words), or kubectl's own error text
  const [error, setError] = useState<Exclude<ObjectQueryResult, { ref: unknown }> | null>(null);
  const errorId = useId();

  useEffect(() => {
    setDraft(objectQueryText(object));
    setError(null);
  }, [object]);

  const commit = () => {
    if (draft.trim() === '') {
      setError(null);
      if (object) setFilter({ object: null });
      return;
    }
    const parsed = parseObjectQuery(draft);
    if ('error' in parsed) {
      setError(parsed);
      return;
    }
    setError(null);
    setFilter({ object: parsed.ref });
  };

  return (
    <div className="relative flex w-full items-center gap-1">
      <label className={`${FIELD_LABEL} min-w-0 flex-1`}>
        <span className="w-[4.5rem] shrink-0">{t('timelineFilters.object')}</span>
        <input aria-label={t('timelineFilters.object')} value={draft} placeholder={t('timelineFilters.objectPlaceholder')} spellCheck={false} onChange={(e) => setDraft(e.target.value)}
          onBlur={commit} onKeyDown={(e) => { if (e.key === 'Enter') commit(); if (e.key === 'Escape') setDraft(objectQueryText(object)); }}
          aria-invalid={error ? true : undefined} aria-describedby={error ? errorId : undefined}
          className={`${FIELD} min-w-0 flex-1 font-mono ${error ? 'border-rose-500' : ''}`} />
      </label>
      <button type="button" disabled={!selection} onClick={() => selection && setFilter({ object: normalizeRef(selection) })}
        title={selection ? t('timelineFilters.selectedHint', { kind: selection.kind, name: selection.name }) : t('timelineFilters.selectInGraph')}
        aria-label={t('timelineFilters.useSelection')}
        className="h-7 rounded-md px-1.5 text-[12px] font-medium text-indigo-700 ring-1 ring-inset ring-indigo-200 hover:bg-indigo-50 disabled:cursor-not-allowed disabled:text-slate-400 disabled:ring-slate-200">
        {t('timelineFilters.selected')}
      </button>
      {error && (
        <p id={errorId} role="alert" className="absolute left-0 top-full z-10 mt-1 w-72 rounded border border-rose-200 bg-rose-50 px-2 py-1 text-[12px] text-rose-800 shadow">
          {error.error === 'syntax' ? t('timelineFilters.objectSyntax') : <span lang="en" translate="no">{error.message}</span>}
        </p>
      )}
    </div>
  );
}
