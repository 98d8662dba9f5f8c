import { useT } from '../../i18n/useT';
import type { ObjectRef } from '../../store';
import { usePlayground } from '../../store';

/** A link to an object: choosing it selects the object, so the inspector and the graph follow. */
export function StepDetailObjectLink({ target, className = '' }: { target: ObjectRef; className?: string }) {
  const t = useT();
  const select = usePlayground((s) => s.select);
  const selected = usePlayground((s) => s.selection);
  const isSelected = !!selected && selected.kind === target.kind && selected.name === target.name &&
    (selected.namespace ?? '') === (target.namespace ?? '');
  const { kind, name, namespace } = target;
  return (
    <button type="button" aria-pressed={isSelected}
      onClick={() => select(target)}
      title={namespace ? t('stepDetail.selectObjectIn', { kind, name, namespace }) : t('stepDetail.selectObject', { kind, name })}
      className={`rounded font-mono text-[12px] text-indigo-700 underline decoration-indigo-300 underline-offset-2 hover:text-indigo-900 hover:decoration-indigo-600 ${isSelected ? 'bg-indigo-100' : ''} ${className}`}>
      <span translate="no">{kind.toLowerCase()}/{name}</span>
    </button>
  );
}
