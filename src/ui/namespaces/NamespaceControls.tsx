import { useMemo } from 'react';
import { NAMESPACE_NOT_FOUND, namespaceOptions } from '../../graph/namespaces';
import { useT } from '../../i18n/useT';
import { usePlayground, useView } from '../../store';

/** "Group by namespace": a box per namespace across the Nodes (the canvas toolbar shows it). */
export function GroupByNamespaceSwitch() {
  const on = usePlayground((s) => s.groupByNamespace);
  const setGroup = usePlayground((s) => s.setGroupByNamespace);
  const t = useT();
  return (
    <button
      type="button"
      role="switch"
      aria-checked={on}
      onClick={() => setGroup(!on)}
      title={t('namespaces.groupByHint')}
      className="flex shrink-0 items-center gap-1.5 rounded px-1.5 py-1 text-[12px] font-medium text-slate-700 hover:bg-slate-100"
    >
      <span aria-hidden className={`relative inline-block h-4 w-7 rounded-full transition-colors duration-200 ${on ? 'bg-indigo-600' : 'bg-slate-300'}`}>
        <span className={`absolute top-0.5 h-3 w-3 rounded-full bg-white shadow transition-[left] duration-200 ${on ? 'left-3.5' : 'left-0.5'}`} />
      </span>
      {t('namespaces.groupBy')}
    </button>
  );
}

/**
 * The namespace picker for the whole UI — the graph, lists and inspector show one namespace, or
 * all — with a button to inspect the picked Namespace (its phase, and the Delete action). Options
 * are the Namespaces at the timeline's Step.
 */
export function NamespaceControls() {
  const namespace = usePlayground((s) => s.namespace);
  const setNamespace = usePlayground((s) => s.setNamespace);
  const select = usePlayground((s) => s.select);
  const view = useView();
  const t = useT();
  const options = useMemo(() => namespaceOptions(view, namespace, t), [view, namespace, t]);
  const picked = options.find((o) => o.name === namespace);
  return (
    <div className="flex items-center gap-1.5">
      <label className="flex items-center gap-1.5 text-[12px] font-medium text-slate-600">
        {t('namespaces.picker')}
        <select
          value={namespace ?? ''}
          onChange={(e) => setNamespace(e.target.value === '' ? null : e.target.value)}
          className={`max-w-[12rem] rounded-md border bg-white px-1.5 py-1 text-[13px] text-slate-900 ${
            picked && picked.phase !== 'Active' ? 'border-dashed border-slate-400 italic' : 'border-slate-300'}`}
        >
          <option value="">{t('namespaces.all')}</option>
          {/* a Namespace's name and phase are data; only "not found" is worded in the UI's language */}
          {options.map((o) => (
            <option key={o.name} value={o.name} translate={o.phase === NAMESPACE_NOT_FOUND ? undefined : 'no'}>{o.label}</option>
          ))}
        </select>
      </label>
      {namespace !== null && picked?.phase !== NAMESPACE_NOT_FOUND && (
        <button
          type="button"
          onClick={() => select({ kind: 'Namespace', name: namespace })}
          aria-label={t('namespaces.inspect', { name: namespace })}
          title={t('namespaces.inspectHint', { name: namespace })}
          className="rounded-md p-1 text-slate-600 hover:bg-slate-200/70 hover:text-slate-900"
        >
          <svg aria-hidden viewBox="0 0 16 16" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="1.5">
            <circle cx="8" cy="8" r="6.5" />
            <path d="M8 7.2V11.5M8 4.6v.1" strokeLinecap="round" />
          </svg>
        </button>
      )}
    </div>
  );
}
