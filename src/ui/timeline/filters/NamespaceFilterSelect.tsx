import { useMemo } from 'react';
import { useT } from '../../../i18n/useT';
import { usePlayground } from '../../../store';
import { FIELD, FIELD_LABEL } from './fieldStyles';

/** Filter by namespace: Steps that wrote an object of it or emitted an Event about one. */
export function NamespaceFilterSelect() {
  const t = useT();
  const cluster = usePlayground((s) => s.cluster);
  const version = usePlayground((s) => s.version);
  const namespace = usePlayground((s) => s.stepFilter.namespace);
  const setFilter = usePlayground((s) => s.setStepFilter);
  // version: namespaces come and go with the cluster's newest state
  const names = useMemo(() => cluster.list('Namespace').map((n) => n.metadata.name).sort(), [cluster, version]);
  if (namespace !== null && !names.includes(namespace)) names.push(namespace);
  return (
    <label className={`${FIELD_LABEL} w-full`}>
      <span className="w-[4.5rem] shrink-0">{t('timelineFilters.namespace')}</span>
      <select aria-label={t('timelineFilters.namespace')} value={namespace ?? ''} onChange={(e) => setFilter({ namespace: e.target.value || null })} className={`${FIELD} min-w-0 flex-1`}>
        <option value="">{t('timelineFilters.allNamespaces')}</option>
        {names.map((n) => <option key={n} value={n} translate="no">{n}</option>)}
      </select>
    </label>
  );
}
