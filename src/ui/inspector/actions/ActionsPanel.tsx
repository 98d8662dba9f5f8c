import { useT } from '../../../i18n/useT';
import { usePlayground, type ObjectRef } from '../../../store';
import { Button } from '../../common/Button';
import { PAUSABLE_KINDS, ROLLOUT_KINDS, SCALABLE_KINDS, SUSPENDABLE_KINDS } from './actionKinds';
import { DeleteControl } from './DeleteControl';
import { FaultControls } from '../../faults/FaultControls';
import { RolloutControls } from './RolloutControls';
import { ScaleControl } from './ScaleControl';
import { SuspendControl } from './SuspendControl';
import { useLiveObject } from './useLiveObject';

/**
 * The kubectl commands that apply to the selected object's kind. They act on the
 * cluster as it is now (the newest Step); when the timeline shows an earlier Step, the panel says so.
 */
export function ActionsPanel({ selection }: { selection: ObjectRef }) {
  const t = useT();
  const live = useLiveObject(selection);
  const cursor = usePlayground((s) => s.cursor);
  const newest = usePlayground((s) => s.cluster.steps.length - 1);
  const setCursor = usePlayground((s) => s.setCursor);
  const behind = cursor < newest;

  return (
    <div>
      {behind && (
        <div className="mx-3 mt-2 flex items-center gap-2 rounded-md bg-amber-50 px-2.5 py-1.5 text-[12px] text-amber-900 ring-1 ring-inset ring-amber-200">
          <p className="min-w-0 flex-1">
            {t('actions.behind', { newest, step: Math.max(0, cursor) })}
          </p>
          <Button variant="ghost" className="shrink-0" onClick={() => setCursor(newest)}>{t('actions.goToNow')}</Button>
        </div>
      )}
      {!live ? (
        <p className="px-3 py-3 text-[13px] text-slate-600">
          {t('actions.gone', { object: `${selection.kind} ${selection.name}`, newest })}
        </p>
      ) : (
        <>
          {SCALABLE_KINDS.has(selection.kind) && <ScaleControl selection={selection} live={live} />}
          {(ROLLOUT_KINDS.has(selection.kind) || PAUSABLE_KINDS.has(selection.kind)) && <RolloutControls selection={selection} live={live} />}
          {SUSPENDABLE_KINDS.has(selection.kind) && <SuspendControl selection={selection} live={live} />}
          {(selection.kind === 'Pod' || selection.kind === 'Node') && <FaultControls selection={selection} />}
          <DeleteControl selection={selection} />
        </>
      )}
    </div>
  );
}
