import type { ObjectRef } from '../../store';
import { usePlayground } from '../../store';

/** A link to an object: choosing it selects the object, so the inspector and the graph follow. */
export function StepDetailObjectLink({ target, className = '' }: { target: ObjectRef; className?: string }) {
  const select = usePlayground((s) => s.select);
  const selected = usePlayground((s) => s.selection);
  const isSelected = !!selected && selected.kind === target.kind && selected.name === target.name &&
    (selected.namespace ?? '') === (target.namespace ?? '');
  return (
    <button type="button" aria-pressed={isSelected}
      onClick={() => select(target)}
      title={`Select ${target.kind} ${target.name}${target.namespace ? ` in ${target.namespace}` : ''}: the inspector and the graph show it`}
      className={`rounded font-mono text-[12px] text-indigo-700 underline decoration-indigo-300 underline-offset-2 hover:text-indigo-900 hover:decoration-indigo-600 ${isSelected ? 'bg-indigo-100' : ''} ${className}`}>
      {target.kind.toLowerCase()}/{target.name}
    </button>
  );
}
