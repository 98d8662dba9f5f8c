import { Fragment } from 'react';

/** A lesson text: paragraphs split by blank lines, `backticks` set as code. */
export function StageText({ text, lang }: { text: string; lang: string }) {
  return (
    <div lang={lang} className="space-y-2 text-[13px] leading-relaxed text-slate-700">
      {text.split(/\n{2,}/).map((para, i) => (
        <p key={i}>
          <InlineCode text={para} />
        </p>
      ))}
    </div>
  );
}

export function InlineCode({ text }: { text: string }) {
  return (
    <>
      {text.split(/(`[^`]+`)/).map((part, i) =>
        part.startsWith('`') && part.endsWith('`') && part.length > 1 ? (
          <code key={i} translate="no" className="rounded bg-slate-100 px-1 py-px font-mono text-[12px] text-slate-800">{part.slice(1, -1)}</code>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </>
  );
}
