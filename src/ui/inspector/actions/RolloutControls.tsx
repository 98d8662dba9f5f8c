import { useMemo, useState } from 'react';
import type { KubeObject } from '../../../engine/api';
import { useT } from '../../../i18n/useT';
import { revisionOptions } from '../../../projections/rolloutRevisions';
import { usePlayground, type ObjectRef } from '../../../store';
import { Button } from '../../common/Button';
import { ActionSection } from './ActionSection';
import { PAUSABLE_KINDS } from './actionKinds';

/**
 * `kubectl rollout undo [--to-revision=N]`, `pause`/`resume` (Deployments) and `restart`, on the
 * live object. The revision list is read from the live ReplicaSets or ControllerRevisions.
 */
export function RolloutControls({ selection, live }: { selection: ObjectRef; live: KubeObject }) {
  const t = useT();
  const cluster = usePlayground((s) => s.cluster);
  const version = usePlayground((s) => s.version);
  const { rolloutUndo, rolloutPause, rolloutResume, rolloutRestart } = usePlayground.getState();
  // version: the revisions change as the controller works, without `live` necessarily changing
  const options = useMemo(() => revisionOptions(cluster, live), [cluster, live, version]);
  const [toRevision, setToRevision] = useState(0);
  const chosen = options.some((o) => o.revision === toRevision) ? toRevision : 0;
  const paused = (live.spec as { paused?: boolean } | undefined)?.paused === true;
  const pausable = PAUSABLE_KINDS.has(selection.kind);

  return (
    <ActionSection title={t('actions.rollout')} hint={paused ? t('actions.pausedHint') : t('actions.undoHint')}>
      <div className="flex flex-wrap items-center gap-2">
        <label className="flex items-center gap-1.5 text-[12px] text-slate-600">
          {t('actions.toRevision')}
          <select value={chosen} onChange={(e) => setToRevision(Number(e.target.value))}
            className="max-w-[200px] rounded-md border border-slate-300 bg-white px-1.5 py-1 text-[13px] text-slate-900">
            <option value={0}>{t('actions.previousRevision')}</option>
            {options.map((o) => (
              <option key={o.holder} value={o.revision}>
                {(o.current ? t('actions.revisionCurrent', { revision: o.revision }) : t('actions.revision', { revision: o.revision })) +
                  (o.images.length ? ` — ${o.images.join(', ')}` : '')}
              </option>
            ))}
          </select>
        </label>
        <Button onClick={() => rolloutUndo(selection, chosen || undefined)}>{t('actions.rolloutUndo')}</Button>
      </div>
      <div className="mt-1.5 flex flex-wrap gap-2">
        {pausable && (paused
          ? <Button onClick={() => rolloutResume(selection)}>{t('actions.resumeRollout')}</Button>
          : <Button onClick={() => rolloutPause(selection)}>{t('actions.pauseRollout')}</Button>)}
        <Button onClick={() => rolloutRestart(selection)}>{t('actions.restartRollout')}</Button>
      </div>
    </ActionSection>
  );
}
