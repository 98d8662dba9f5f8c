import { useT } from '../../../i18n/useT';
import { usePlayground } from '../../../store';
import { STEP_GROUPINGS, type StepGrouping } from '../../../projections/stepGroups';
import { FIELD, FIELD_LABEL } from './fieldStyles';
import { groupingLabel } from './filterText';

/** "Group Steps": every write, per reconcile, or per virtual second; stepping moves by the same unit. */
export function GroupingSelect() {
  const t = useT();
  const grouping = usePlayground((s) => s.stepGrouping);
  const setGrouping = usePlayground((s) => s.setStepGrouping);
  return (
    <label className={FIELD_LABEL} title={t('timelineFilters.groupingHint')}>
      {t('timelineFilters.grouping')}
      <select aria-label={t('timelineFilters.grouping')} value={grouping} onChange={(e) => setGrouping(e.target.value as StepGrouping)} className={FIELD}>
        {STEP_GROUPINGS.map((g) => <option key={g} value={g}>{groupingLabel(g, t)}</option>)}
      </select>
    </label>
  );
}
