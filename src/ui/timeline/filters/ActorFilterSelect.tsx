import { useMemo } from 'react';
import { useT } from '../../../i18n/useT';
import { usePlayground } from '../../../store';
import { actorOptions } from '../../../projections/stepFilter';
import { FIELD, FIELD_LABEL } from './fieldStyles';
import { actorOptionLabel } from './filterText';

/** Filter by actor: a kind of actor (every kubelet…) or one actor (kubelet/node-2), with Step counts. */
export function ActorFilterSelect() {
  const t = useT();
  const cluster = usePlayground((s) => s.cluster);
  const count = usePlayground((s) => s.cluster.steps.length);
  const actor = usePlayground((s) => s.stepFilter.actor);
  const setFilter = usePlayground((s) => s.setStepFilter);
  // count: the Steps array grows in place
  const options = useMemo(() => actorOptions(cluster.steps), [cluster, count]);
  const known = actor === null || [...options.kinds, ...options.actors].some((o) => o.value === actor);
  return (
    <label className={`${FIELD_LABEL} w-full`}>
      <span className="w-[4.5rem] shrink-0">{t('timelineFilters.actor')}</span>
      <select aria-label={t('timelineFilters.actor')} value={actor ?? ''} onChange={(e) => setFilter({ actor: e.target.value || null })} className={`${FIELD} min-w-0 flex-1`}>
        <option value="">{t('timelineFilters.allActors')}</option>
        {!known && <option value={actor!} translate="no">{actor!.replace(/^(kind|actor):/, '')}</option>}
        <optgroup label={t('timelineFilters.kindsOfActor')}>
          {options.kinds.map((o) => <option key={o.value} value={o.value}>{actorOptionLabel(o, t)}</option>)}
        </optgroup>
        <optgroup label={t('timelineFilters.eachActor')}>
          {options.actors.map((o) => <option key={o.value} value={o.value}>{actorOptionLabel(o, t)}</option>)}
        </optgroup>
      </select>
    </label>
  );
}
