import { useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useT } from '../../../i18n/useT';

interface FilterPopoverProps {
  /** The button's visible content. */
  label: ReactNode;
  title: string;
  children: ReactNode;
}

/**
 * A button that opens a small non-modal panel above it. The panel is fixed-positioned and portalled
 * to the end of the timeline pane (outside the scrolling rows, still inside the Timeline region, so
 * the short pane does not clip it); Escape, the close button or a click elsewhere closes it.
 */
export function FilterPopover({ label, title, children }: FilterPopoverProps) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [place, setPlace] = useState<{ left: number; bottom: number; host: HTMLElement } | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const id = useId();

  useLayoutEffect(() => {
    if (!open) return;
    const measure = () => {
      const r = button.current?.getBoundingClientRect();
      const host = button.current?.closest<HTMLElement>('[data-timeline-root]') ?? document.body;
      if (r) setPlace({ left: Math.max(8, Math.min(r.left, window.innerWidth - 360)), bottom: window.innerHeight - r.top + 6, host });
    };
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    const onDown = (e: PointerEvent) => {
      const target = e.target as Node;
      if (!panel.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerdown', onDown);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', onDown);
    };
  }, [open]);

  return (
    <>
      <button ref={button} type="button" aria-expanded={open} aria-controls={id} title={title} onClick={() => setOpen(!open)}
        className={`inline-flex h-7 items-center gap-1 rounded-md px-2 text-[13px] font-medium ring-1 ring-inset ${
          open ? 'bg-indigo-50 text-indigo-800 ring-indigo-300' : 'bg-white text-slate-700 ring-slate-300 hover:bg-slate-50'}`}>
        {label}
        <span aria-hidden="true" className="text-[10px]">{open ? '▾' : '▴'}</span>
      </button>
      {open && place && createPortal(
        <div ref={panel} id={id} role="group" aria-label={title}
          className="fixed z-50 w-[352px] rounded-lg border border-slate-200 bg-white p-3 shadow-xl" style={{ left: place.left, bottom: place.bottom }}>
          <div className="mb-2 flex items-center justify-between">
            <h3 className="text-[13px] font-semibold text-slate-900">{title}</h3>
            <button type="button" aria-label={t('timelineFilters.close')} onClick={() => setOpen(false)}
              className="rounded px-1.5 text-[16px] leading-5 text-slate-500 hover:bg-slate-100 hover:text-slate-700">×</button>
          </div>
          {children}
        </div>,
        place.host,
      )}
    </>
  );
}
