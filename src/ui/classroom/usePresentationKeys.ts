import { useEffect } from 'react';
import { usePlayground } from '../../store';
import { isTypingTarget, modalOpen } from './keys';

/**
 * F or P toggles presentation mode; in it, PageDown / PageUp step forward and back (what a
 * presenter remote sends) and Esc leaves. Never while typing in a field or the editor, nor while
 * a dialog is open.
 */
export function usePresentationKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || isTypingTarget(e.target) || modalOpen()) return;
      const s = usePlayground.getState();
      const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
      if ((key === 'f' || key === 'p') && !e.repeat) s.togglePresentation();
      else if (!s.presentation || e.shiftKey) return;
      else if (key === 'PageDown') s.stepForward();
      else if (key === 'PageUp') s.stepBack();
      else if (key === 'Escape') s.setPresentation(false);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
