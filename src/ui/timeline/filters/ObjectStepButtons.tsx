import { usePlayground } from '../../../store';

const arrow = 'h-7 w-7 rounded-md text-[13px] text-slate-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-40';

/** "Previous / Next Step of this object": jumps along the selected object's history. */
export function ObjectStepButtons() {
  const selection = usePlayground((s) => s.selection);
  const stepToObject = usePlayground((s) => s.stepToObject);
  const name = selection ? `${selection.kind.toLowerCase()}/${selection.name}` : null;
  return (
    <div role="group" aria-label="Steps of the selected object" className="flex items-center gap-1">
      <button type="button" className={arrow} disabled={!selection} aria-label="Previous Step of this object"
        title={name ? `Previous Step of ${name}` : 'Select an object first'} onClick={() => selection && stepToObject(-1, selection)}>
        <span aria-hidden="true">⟨</span>
      </button>
      <span className="max-w-[11rem] truncate text-[12px] text-slate-600" title={name ?? undefined}>
        {name ? <>Steps of <span className="font-mono">{name}</span></> : 'Steps of the selection'}
      </span>
      <button type="button" className={arrow} disabled={!selection} aria-label="Next Step of this object"
        title={name ? `Next Step of ${name}` : 'Select an object first'} onClick={() => selection && stepToObject(1, selection)}>
        <span aria-hidden="true">⟩</span>
      </button>
    </div>
  );
}
