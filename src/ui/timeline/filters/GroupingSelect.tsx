import { usePlayground } from '../../../store';
import { STEP_GROUPINGS, type StepGrouping } from '../../../projections/stepGroups';
import { FIELD, FIELD_LABEL } from './fieldStyles';

/** "Group Steps": every write, per reconcile, or per virtual second; stepping moves by the same unit. */
export function GroupingSelect() {
  const grouping = usePlayground((s) => s.stepGrouping);
  const setGrouping = usePlayground((s) => s.setStepGrouping);
  return (
    <label className={FIELD_LABEL} title="What one row of the list, and one press of Step, stands for">
      Group Steps
      <select aria-label="Group Steps" value={grouping} onChange={(e) => setGrouping(e.target.value as StepGrouping)} className={FIELD}>
        {STEP_GROUPINGS.map((g) => <option key={g.value} value={g.value}>{g.label}</option>)}
      </select>
    </label>
  );
}
