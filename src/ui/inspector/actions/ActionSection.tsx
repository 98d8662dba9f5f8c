import { useId, type ReactNode } from 'react';

/** One group of commands in the Actions tab: a heading, the controls, and a line saying what they do. */
export function ActionSection({ title, hint, children }: { title: string; hint?: ReactNode; children: ReactNode }) {
  // an id from React, not from the title: a translated title has no ASCII to make a slug of
  const id = `action-${useId()}`;
  return (
    <section aria-labelledby={id} className="border-b border-slate-100 px-3 py-2">
      <h3 id={id} className="mb-1 text-[11px] font-semibold uppercase tracking-wide text-slate-500">{title}</h3>
      {children}
      {hint && <p className="mt-1 text-[11.5px] leading-snug text-slate-500">{hint}</p>}
    </section>
  );
}
