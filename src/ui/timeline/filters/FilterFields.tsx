import { useT } from '../../../i18n/useT';
import { usePlayground } from '../../../store';
import { isFilterActive } from '../../../projections/stepFilter';
import { ActorFilterSelect } from './ActorFilterSelect';
import { NamespaceFilterSelect } from './NamespaceFilterSelect';
import { ObjectFilterInput } from './ObjectFilterInput';

/** The filter fields: actor, object, namespace, and whether stepping visits only matching Steps. */
export function FilterFields() {
  const t = useT();
  const filter = usePlayground((s) => s.stepFilter);
  const matchingOnly = usePlayground((s) => s.stepMatchingOnly);
  const setMatchingOnly = usePlayground((s) => s.setStepMatchingOnly);
  const clear = usePlayground((s) => s.clearStepFilter);
  return (
    <div className="flex flex-col gap-2">
      <ActorFilterSelect />
      <ObjectFilterInput />
      <NamespaceFilterSelect />
      <label className="flex items-center gap-1.5 text-[13px] text-slate-700" title={t('timelineFilters.matchingOnlyHint')}>
        <input type="checkbox" checked={matchingOnly} onChange={(e) => setMatchingOnly(e.target.checked)} className="accent-indigo-600" />
        {t('timelineFilters.matchingOnly')}
      </label>
      <p className="text-[12px] leading-snug text-slate-500">{t('timelineFilters.explain')}</p>
      <button type="button" onClick={clear} disabled={!isFilterActive(filter)}
        className="self-start text-[12px] font-medium text-indigo-700 underline underline-offset-2 hover:text-indigo-900 disabled:cursor-not-allowed disabled:text-slate-400 disabled:no-underline">
        {t('timelineFilters.clear')}
      </button>
    </div>
  );
}
