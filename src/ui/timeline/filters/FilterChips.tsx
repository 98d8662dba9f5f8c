import type { ReactNode } from 'react';
import { messageParts } from '../../../i18n/textParts';
import { useT } from '../../../i18n/useT';
import { usePlayground } from '../../../store';
import type { StepFilter } from '../../../projections/stepFilter';
import { PartsText } from '../../common/PartsText';
import { actorFilterText } from './filterText';
import { objectQueryText } from './ObjectFilterInput';

/** The filters in force, each with a button that removes it (so a hidden filter never surprises). */
export function FilterChips() {
  const t = useT();
  const filter = usePlayground((s) => s.stepFilter);
  const setFilter = usePlayground((s) => s.setStepFilter);
  // label: the chip's words as a string (tooltip, the remove button's name); shown: the same with
  // data marked; data: the whole label is data (`pod/web-1 -n shop`, as kubectl takes it)
  const chips: { key: keyof StepFilter; label: string; shown: ReactNode; data?: boolean }[] = [];
  if (filter.actor) {
    const { text, name } = actorFilterText(filter.actor, t);
    chips.push({
      key: 'actor', label: t('timelineFilters.chipActor', { actor: text }),
      shown: <PartsText parts={messageParts((mark) => t('timelineFilters.chipActor', { actor: name === undefined ? text : mark(name) }))} />,
    });
  }
  if (filter.object) {
    const text = objectQueryText(filter.object);
    chips.push({ key: 'object', label: text, shown: text, data: true });
  }
  if (filter.namespace) {
    const { namespace } = filter;
    chips.push({
      key: 'namespace', label: t('timelineFilters.chipNamespace', { namespace }),
      shown: <PartsText parts={messageParts((mark) => t('timelineFilters.chipNamespace', { namespace: mark(namespace) }))} />,
    });
  }
  if (chips.length === 0) return null;
  return (
    <ul aria-label={t('timelineFilters.inForce')} className="flex min-w-0 items-center gap-1">
      {chips.map((c) => (
        <li key={c.key} className="flex min-w-0 items-center rounded-full bg-indigo-100 pl-2 text-[12px] text-indigo-900">
          <span className="max-w-[14rem] truncate" title={c.label} translate={c.data ? 'no' : undefined}>{c.shown}</span>
          <button type="button" onClick={() => setFilter({ [c.key]: null })} aria-label={t('timelineFilters.remove', { filter: c.label })}
            className="ml-0.5 rounded-full px-1.5 text-indigo-700 hover:bg-indigo-200">×</button>
        </li>
      ))}
    </ul>
  );
}
