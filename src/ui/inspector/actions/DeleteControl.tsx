import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { messageParts } from '../../../i18n/textParts';
import type { Translate } from '../../../i18n/translate';
import { useT } from '../../../i18n/useT';
import { commandLines, type Propagation } from '../../../store/commandsSlice';
import { usePlayground, type ObjectRef } from '../../../store';
import { Button } from '../../common/Button';
import { PartsText } from '../../common/PartsText';
import { ActionSection } from './ActionSection';

/** The propagation policies, each with its name in the select and what it does to the owner and what it owns. */
const CASCADES: { value: Propagation; name: (t: Translate) => string; explain: (t: Translate, kind: string) => string }[] = [
  { value: 'Background', name: (t) => t('actions.cascadeBackground'), explain: (t, kind) => t('actions.backgroundHint', { kind }) },
  { value: 'Foreground', name: (t) => t('actions.cascadeForeground'), explain: (t, kind) => t('actions.foregroundHint', { kind }) },
  { value: 'Orphan', name: (t) => t('actions.cascadeOrphan'), explain: (t, kind) => t('actions.orphanHint', { kind }) },
];

const DANGER = 'inline-flex items-center rounded-md px-2.5 py-1.5 text-[13px] font-medium transition-colors';

/** `kubectl delete --cascade=…`: choose the propagation, press Delete, then confirm (Escape cancels). */
export function DeleteControl({ selection }: { selection: ObjectRef }) {
  const t = useT();
  const deleteObject = usePlayground((s) => s.deleteObject);
  const [cascade, setCascade] = useState<Propagation>('Background');
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const deleteRef = useRef<HTMLButtonElement>(null);
  const key = `${selection.kind}/${selection.namespace}/${selection.name}`;
  useEffect(() => setConfirming(false), [key]);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const cancel = () => {
    setConfirming(false);
    requestAnimationFrame(() => deleteRef.current?.focus());
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.stopPropagation();
    cancel();
  };
  const explain = CASCADES.find((c) => c.value === cascade)!.explain(t, selection.kind);

  return (
    <ActionSection title={t('actions.delete')} hint={explain}>
      {!confirming ? (
        <div className="flex flex-wrap items-center gap-2">
          <label className="flex items-center gap-1.5 text-[12px] text-slate-600">
            {t('actions.cascade')}
            <select value={cascade} onChange={(e) => setCascade(e.target.value as Propagation)}
              className="rounded-md border border-slate-300 bg-white px-1.5 py-1 text-[13px] text-slate-900">
              {CASCADES.map((c) => <option key={c.value} value={c.value}>{c.name(t)}</option>)}
            </select>
          </label>
          <button ref={deleteRef} type="button" onClick={() => setConfirming(true)} className={`${DANGER} bg-white text-rose-700 ring-1 ring-inset ring-rose-300 hover:bg-rose-50`}>
            {t('actions.delete')}
          </button>
        </div>
      ) : (
        <div role="group" aria-label={t('actions.confirmDeleting', { object: `${selection.kind} ${selection.name}` })} onKeyDown={onKeyDown}
          className="rounded-md border border-rose-200 bg-rose-50 px-2.5 py-2">
          <p className="text-[13px] text-rose-900">
            <PartsText parts={messageParts((mark) => t('actions.confirmQuestion', { kind: selection.kind, name: mark(selection.name), cascade: cascade.toLowerCase() }))}
              dataClassName="font-semibold" />
          </p>
          <p translate="no" lang="en" className="mt-0.5 break-words font-mono text-[12px] text-rose-800/80">{commandLines.delete(selection, cascade)}</p>
          <div className="mt-2 flex gap-2">
            <button ref={confirmRef} type="button" className={`${DANGER} bg-rose-600 text-white shadow-sm hover:bg-rose-700 active:bg-rose-800`}
              onClick={() => {
                setConfirming(false);
                deleteObject(selection, cascade);
              }}>
              {t('actions.confirmDelete')}
            </button>
            <Button onClick={cancel}>{t('actions.cancel')}</Button>
          </div>
        </div>
      )}
    </ActionSection>
  );
}
