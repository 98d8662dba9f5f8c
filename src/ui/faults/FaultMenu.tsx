import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useT } from '../../i18n/useT';
import { usePlayground } from '../../store';
import type { FaultsSlice } from '../../store/faultsSlice';
import { PartsText } from '../common/PartsText';
import { FaultFormView } from './FaultForms';
import { faultGroups, type FaultForm, type FaultTarget } from './faultItems';

export interface FaultMenuState {
  target: FaultTarget;
  /** Viewport position of the pointer (or of the focused element). */
  x: number;
  y: number;
  /** Where focus goes back when the menu closes. */
  returnFocus?: HTMLElement | null;
}

const ITEM = 'flex w-full items-center rounded px-2 py-1 text-left text-[13px] outline-none focus:bg-indigo-50 hover:bg-indigo-50';

/** Items by keyboard: arrows move, Home/End jump, Escape and Tab close. */
function moveFocus(menu: HTMLElement, e: KeyboardEvent, close: () => void) {
  const items = [...menu.querySelectorAll<HTMLElement>('[role="menuitem"]')];
  const at = items.indexOf(document.activeElement as HTMLElement);
  const go = (i: number) => items[(i + items.length) % items.length]?.focus();
  if (e.key === 'ArrowDown') go(at + 1);
  else if (e.key === 'ArrowUp') go(at < 0 ? -1 : at - 1);
  else if (e.key === 'Home') go(0);
  else if (e.key === 'End') go(-1);
  else if (e.key === 'Escape' || e.key === 'Tab') close();
  else return;
  e.preventDefault();
  e.stopPropagation();
}

/**
 * The fault and Node-action menu of the canvas (right-click, the ContextMenu key or Shift+F10):
 * role `menu` with `menuitem`s, grouped by container; items that need input open a small form in
 * place. Commands act on the cluster now (the newest Step).
 */
export function FaultMenu({ state, onClose }: { state: FaultMenuState; onClose: () => void }) {
  const cluster = usePlayground((s) => s.cluster);
  usePlayground((s) => s.version); // re-read the live cluster on every engine change
  const actions: FaultsSlice = usePlayground.getState();
  const [form, setForm] = useState<FaultForm | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState({ left: state.x, top: state.y });
  const t = useT();
  const groups = faultGroups(cluster, state.target, t);

  const close = () => {
    onClose();
    state.returnFocus?.focus();
  };
  useLayoutEffect(() => {
    const r = ref.current?.getBoundingClientRect();
    if (!r) return;
    setPos({ left: Math.max(4, Math.min(state.x, window.innerWidth - r.width - 4)), top: Math.max(4, Math.min(state.y, window.innerHeight - r.height - 4)) });
  }, [state.x, state.y, form]);
  useEffect(() => {
    if (!form) ref.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [form]);
  useEffect(() => {
    const outside = (e: PointerEvent) => { if (!ref.current?.contains(e.target as Node)) onClose(); };
    document.addEventListener('pointerdown', outside, true);
    return () => document.removeEventListener('pointerdown', outside, true);
  }, [onClose]);

  const label = state.target.type === 'canvas' ? t('faults.clusterActions')
    : state.target.type === 'pod' ? t('faults.podActions', { name: state.target.name }) : t('faults.nodeActions', { name: state.target.name });
  return (
    <div ref={ref} style={{ position: 'fixed', left: pos.left, top: pos.top, zIndex: 50 }}
      className="min-w-52 rounded-lg border border-slate-200 bg-white p-1 shadow-lg"
      onContextMenu={(e) => e.preventDefault()}
      onKeyDown={(e) => { if (form && e.key === 'Escape') { e.stopPropagation(); close(); } }}>
      {form ? <FaultFormView form={form} actions={actions} done={close} /> : (
        <div role="menu" aria-label={label} onKeyDown={(e) => moveFocus(e.currentTarget, e, close)}>
          {groups.length === 0 && <p className="px-2 py-1 text-[13px] text-slate-500">{t('faults.gone')}</p>}
          {groups.map((g, gi) => (
            <div key={g.title ?? gi} role="group" aria-label={g.title} className={gi > 0 ? 'mt-1 border-t border-slate-100 pt-1' : ''}>
              {g.titleParts && (
                <p aria-hidden className="px-2 pb-0.5 text-[10.5px] font-semibold uppercase tracking-wide text-slate-400"><PartsText parts={g.titleParts} wrapped /></p>
              )}
              {g.items.map((item) => (
                <button key={item.id} type="button" role="menuitem" tabIndex={-1}
                  className={`${ITEM} ${item.danger ? 'text-rose-700' : 'text-slate-800'}`}
                  onClick={() => {
                    if (item.form) return setForm(item.form);
                    item.run?.(actions);
                    close();
                  }}>
                  <PartsText parts={item.parts} wrapped />
                </button>
              ))}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
