import { useEffect, useState, type FormEvent } from 'react';
import type { KubeObject } from '../../../engine/api';
import { useT } from '../../../i18n/useT';
import { usePlayground, type ObjectRef } from '../../../store';
import { Button } from '../../common/Button';
import { ActionSection } from './ActionSection';

const MAX_REPLICAS = 200;

/** `kubectl scale`: a "Replicas" number (starting at the live spec.replicas) and a "Scale" button; Enter scales too. */
export function ScaleControl({ selection, live }: { selection: ObjectRef; live: KubeObject }) {
  const t = useT();
  const scale = usePlayground((s) => s.scale);
  const current = (live.spec as { replicas?: number } | undefined)?.replicas ?? 1;
  const [draft, setDraft] = useState(String(current));
  // a new object, or a new spec.replicas (this scale, an apply, a rollback), resets the field
  useEffect(() => setDraft(String(current)), [current, selection.kind, selection.name, selection.namespace]);

  const value = Number(draft);
  const valid = draft.trim() !== '' && Number.isInteger(value) && value >= 0 && value <= MAX_REPLICAS;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (valid) scale(selection, value);
  };
  return (
    <ActionSection title={t('actions.scale')} hint={t('actions.scaleHint', { current })}>
      <form onSubmit={submit} className="flex flex-wrap items-center gap-2">
        <label className="flex items-center gap-1.5 text-[12px] text-slate-600">
          {t('actions.replicas')}
          <input type="number" min={0} max={MAX_REPLICAS} step={1} value={draft} onChange={(e) => setDraft(e.target.value)}
            aria-invalid={!valid}
            className="w-20 rounded-md border border-slate-300 px-2 py-1 text-[13px] tabular-nums text-slate-900 aria-[invalid=true]:border-rose-400" />
        </label>
        <Button type="submit" variant="primary" disabled={!valid}>{t('actions.scale')}</Button>
      </form>
    </ActionSection>
  );
}
