import { usePlayground } from '../../../store';
import type { StepFilter } from '../../../projections/stepFilter';
import { objectQueryText } from './ObjectFilterInput';

function actorText(value: string): string {
  return value.startsWith('kind:') ? `every ${value.slice(5)}` : value.replace(/^actor:/, '');
}

/** The filters in force, each with a button that removes it (so a hidden filter never surprises). */
export function FilterChips() {
  const filter = usePlayground((s) => s.stepFilter);
  const setFilter = usePlayground((s) => s.setStepFilter);
  const chips: { key: keyof StepFilter; label: string }[] = [];
  if (filter.actor) chips.push({ key: 'actor', label: `actor: ${actorText(filter.actor)}` });
  if (filter.object) chips.push({ key: 'object', label: objectQueryText(filter.object) });
  if (filter.namespace) chips.push({ key: 'namespace', label: `namespace: ${filter.namespace}` });
  if (chips.length === 0) return null;
  return (
    <ul aria-label="Filters in force" className="flex min-w-0 items-center gap-1">
      {chips.map((c) => (
        <li key={c.key} className="flex min-w-0 items-center rounded-full bg-indigo-100 pl-2 text-[12px] text-indigo-900">
          <span className="max-w-[14rem] truncate" title={c.label}>{c.label}</span>
          <button type="button" onClick={() => setFilter({ [c.key]: null })} aria-label={`Remove filter ${c.label}`}
            className="ml-0.5 rounded-full px-1.5 text-indigo-700 hover:bg-indigo-200">×</button>
        </li>
      ))}
    </ul>
  );
}
