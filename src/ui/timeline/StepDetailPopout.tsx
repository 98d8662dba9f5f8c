import { useLayoutEffect, useState, type ReactNode, type RefObject } from 'react';
import { createPortal } from 'react-dom';

/**
 * The Step detail in a larger panel floating above the timeline (the timeline pane is short on
 * small screens): the same content, with room for long diffs. Escape or the button closes it.
 */
export function StepDetailPopout({ anchor, onClose, children }: { anchor: RefObject<HTMLElement | null>; onClose(): void; children: ReactNode }) {
  const [box, setBox] = useState<{ right: number; bottom: number; width: number; height: number } | null>(null);

  useLayoutEffect(() => {
    // above the whole timeline pane, so its controls stay in reach
    const pane = anchor.current?.closest<HTMLElement>('[data-timeline-root]') ?? anchor.current;
    const measure = () => {
      const r = anchor.current?.getBoundingClientRect();
      const p = pane?.getBoundingClientRect();
      if (!r || !p) return;
      const top = p.top - 8;
      setBox({
        right: Math.max(8, window.innerWidth - r.right),
        bottom: window.innerHeight - top,
        width: Math.min(760, Math.max(r.width, window.innerWidth * 0.5)),
        height: Math.max(200, Math.min(top - 64, window.innerHeight * 0.62)),
      });
    };
    measure();
    const observer = new ResizeObserver(measure);
    if (pane) observer.observe(pane);
    const onKey = (e: KeyboardEvent) => { if (e.key === 'Escape') onClose(); };
    window.addEventListener('resize', measure);
    window.addEventListener('keydown', onKey);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', measure);
      window.removeEventListener('keydown', onKey);
    };
  }, [anchor, onClose]);

  if (!box) return null;
  return createPortal(
    <div className="fixed z-40 flex flex-col overflow-hidden rounded-lg border border-slate-300 bg-white shadow-2xl"
      style={{ right: box.right, bottom: box.bottom, width: box.width, height: box.height }}>
      {children}
    </div>,
    document.body,
  );
}
