import { useId, type ReactNode } from 'react';

export interface Option {
  value: string;
  label: string;
  /** The label is data (a name, a Service type): marked `translate="no"`. */
  data?: boolean;
}

const CONTROL = 'min-w-0 rounded-md border border-slate-300 bg-white px-2 py-1 text-[13px] text-slate-900 disabled:bg-slate-50 disabled:text-slate-400';

/** A labelled select: the label text is its accessible name. */
export function SelectField({ label, value, options, onChange, disabled, className = '' }: {
  label: string; value: string; options: Option[]; onChange(value: string): void; disabled?: boolean; className?: string;
}) {
  const id = useId();
  return (
    <div className={`flex min-w-0 flex-col gap-0.5 text-[12px] text-slate-600 ${className}`}>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} disabled={disabled} className={CONTROL}>
        {options.map((o) => <option key={o.value} value={o.value} {...(o.data ? { translate: 'no' as const } : {})}>{o.label}</option>)}
      </select>
    </div>
  );
}

/** A labelled text or number input. */
export function InputField({ label, value, onChange, type = 'text', invalid, className = '', ...rest }: {
  label: string; value: string; onChange(value: string): void; type?: 'text' | 'number'; invalid?: boolean; className?: string;
  min?: number; max?: number; step?: number; placeholder?: string;
}) {
  const id = useId();
  return (
    <div className={`flex min-w-0 flex-col gap-0.5 text-[12px] text-slate-600 ${className}`}>
      <label htmlFor={id}>{label}</label>
      <input id={id} type={type} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={invalid || undefined} {...rest}
        className={`${CONTROL} tabular-nums aria-[invalid=true]:border-rose-400`} />
    </div>
  );
}

/** A titled block of a panel. */
export function Section({ title, label, children, aside }: { title: string; label?: string; children: ReactNode; aside?: ReactNode }) {
  return (
    <section aria-label={label ?? title} className="border-b border-slate-100 px-3 py-2.5 last:border-b-0">
      <div className="mb-1.5 flex items-baseline gap-2">
        <h3 className="text-[12px] font-semibold uppercase tracking-wide text-slate-500">{title}</h3>
        {aside && <div className="ml-auto min-w-0 text-[11.5px] text-slate-500">{aside}</div>}
      </div>
      {children}
    </section>
  );
}

/** Monospaced tool output (dig, kubectl, ipvsadm…) that scrolls sideways, labelled for screen readers; never translated. */
export function Output({ label, children, className = '' }: { label: string; children: ReactNode; className?: string }) {
  return (
    <pre role="group" aria-label={label} tabIndex={0} translate="no"
      className={`overflow-auto whitespace-pre rounded-md border border-slate-200 bg-slate-50 px-2.5 py-2 font-mono text-[11.5px] leading-[1.5] text-slate-800 ${className}`}>
      {children}
    </pre>
  );
}
