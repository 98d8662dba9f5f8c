import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useT } from '../../i18n/useT';

interface DialogProps {
  title: string;
  onClose(): void;
  children: ReactNode;
  /** Extra classes for the panel (width). */
  className?: string;
}

/**
 * A modal dialog on the native `<dialog>`: the browser traps focus, makes the page behind inert
 * and closes it on Escape; it is open while mounted, and focus returns where it was.
 */
export function Dialog({ title, onClose, children, className = 'w-[min(460px,calc(100vw-2rem))]' }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const t = useT();
  useEffect(() => {
    const dialog = ref.current;
    const previous = document.activeElement as HTMLElement | null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      dialog?.close();
      previous?.focus?.();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault(); // closing is the parent's decision: it unmounts the dialog
        onClose();
      }}
      onMouseDown={(e) => e.target === e.currentTarget && onClose()}
      className={`kp-dialog m-auto whitespace-normal rounded-xl bg-white p-0 text-slate-800 shadow-2xl ring-1 ring-slate-200 backdrop:bg-slate-900/40 ${className}`}
    >
      <div className="flex items-center gap-3 border-b border-slate-200 px-5 py-3">
        <h2 id={titleId} className="text-[16px] font-semibold text-slate-900">{title}</h2>
        <button
          type="button"
          onClick={onClose}
          aria-label={t('classroom.close')}
          className="ml-auto rounded-md px-2 py-1 text-[18px] leading-none text-slate-500 hover:bg-slate-100 hover:text-slate-900"
        >
          ×
        </button>
      </div>
      <div className="px-5 py-4">{children}</div>
    </dialog>
  );
}
