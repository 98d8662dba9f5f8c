import { useT } from '../../../i18n/useT';
import { usePlayground } from '../../../store';
import { messageParts } from '../../../i18n/textParts';
import { PartsText } from '../../common/PartsText';

const arrow = 'h-7 w-7 rounded-md text-[13px] text-slate-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-40';

/** "Previous / Next Step of this object": jumps along the selected object's history. */
export function ObjectStepButtons() {
  const t = useT();
  const selection = usePlayground((s) => s.selection);
  const stepToObject = usePlayground((s) => s.stepToObject);
  const name = selection ? `${selection.kind.toLowerCase()}/${selection.name}` : null;
  return (
    <div role="group" aria-label={t('timelineFilters.objectSteps')} className="flex items-center gap-1">
      <button type="button" className={arrow} disabled={!selection} aria-label={t('timelineFilters.previousOfObject')}
        title={name ? t('timelineFilters.previousOf', { name }) : t('timelineFilters.selectFirst')} onClick={() => selection && stepToObject(-1, selection)}>
        <span aria-hidden="true">⟨</span>
      </button>
      <span className="max-w-[11rem] truncate text-[12px] text-slate-600" title={name ? t('timelineFilters.stepsOf', { name }) : undefined}>
        {name
          ? <PartsText parts={messageParts((mark) => t('timelineFilters.stepsOf', { name: mark(name) }))} dataClassName="font-mono" />
          : t('timelineFilters.stepsOfSelection')}
      </span>
      <button type="button" className={arrow} disabled={!selection} aria-label={t('timelineFilters.nextOfObject')}
        title={name ? t('timelineFilters.nextOf', { name }) : t('timelineFilters.selectFirst')} onClick={() => selection && stepToObject(1, selection)}>
        <span aria-hidden="true">⟩</span>
      </button>
    </div>
  );
}
