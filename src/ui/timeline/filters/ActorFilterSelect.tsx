import { useMemo } from 'react';
import { usePlayground } from '../../../store';
import { actorOptions } from '../../../projections/stepFilter';
import { FIELD, FIELD_LABEL } from './fieldStyles';

/** Filter by actor: a kind of actor (every kubelet…) or one actor (kubelet/node-2), with Step counts. */
export function ActorFilterSelect() {
  const cluster = usePlayground((s) => s.cluster);
  const count = usePlayground((s) => s.cluster.steps.length);
  const actor = usePlayground((s) => s.stepFilter.actor);
  const setFilter = usePlayground((s) => s.setStepFilter);
  // count: the Steps array grows in place
  const options = useMemo(() => actorOptions(cluster.steps), [cluster, count]);
  const known = actor === null || [...options.kinds, ...options.actors].some((o) => o.value === actor);
  return (
    <label className={`${FIELD_LABEL} w-full`}>
      <span className="w-[4.5rem] shrink-0">Actor</span>
      <select aria-label="Actor" value={actor ?? ''} onChange={(e) => setFilter({ actor: e.target.value || null })} className={`${FIELD} min-w-0 flex-1`}>
        <option value="">All actors</option>
        {!known && <option value={actor!}>{actor!.replace(/^(kind|actor):/, '')}</option>}
        <optgroup label="Kinds of actor">
          {options.kinds.map((o) => <option key={o.value} value={o.value}>{o.label} ({o.count})</option>)}
        </optgroup>
        <optgroup label="Each actor">
          {options.actors.map((o) => <option key={o.value} value={o.value}>{o.label} ({o.count})</option>)}
        </optgroup>
      </select>
    </label>
  );
}
