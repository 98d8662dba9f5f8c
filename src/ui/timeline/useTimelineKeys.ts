import { useEffect } from 'react';
import { usePlayground } from '../../store';

/** Where a key already means something: typing, the editor, sliders, menus. */
function ownsKeys(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.closest('.monaco-editor, [contenteditable="true"]')) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (target as HTMLInputElement).type;
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'file'].includes(type) || key === ' ';
  }
  const role = target.getAttribute('role');
  if (role && ['slider', 'textbox', 'combobox', 'listbox', 'menu', 'menuitem', 'tab', 'spinbutton', 'separator'].includes(role)) return true;
  // a focused button already answers Space (and Enter) by clicking itself
  return key === ' ' && (tag === 'BUTTON' || tag === 'A' || role === 'button');
}

/** ← / → step back and forward, Space plays or pauses — anywhere except where those keys already mean something. */
export function useTimelineKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
      if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight' && e.key !== ' ') return;
      if (ownsKeys(e.target, e.key)) return;
      const store = usePlayground.getState();
      e.preventDefault();
      if (e.key === 'ArrowLeft') store.stepBack();
      else if (e.key === 'ArrowRight') store.stepForward();
      else store.togglePlay();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
