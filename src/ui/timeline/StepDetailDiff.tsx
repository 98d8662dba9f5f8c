import { memo } from 'react';
import { useT } from '../../i18n/useT';
import type { ObjectDiff } from '../../projections/stepDiff';

const LINE_TONE = {
  '+': 'bg-emerald-50 text-emerald-900',
  '-': 'bg-rose-50 text-rose-900',
  ' ': 'text-slate-600',
} as const;

/**
 * An object's diff as YAML lines: `+` added, `-` removed, unchanged lines plain. The markers are
 * part of the text (colour only repeats them), so the change reads the same without colour.
 * The YAML is the object's own data: never translated.
 */
export const StepDetailDiff = memo(function StepDetailDiff({ diff, label }: { diff: ObjectDiff; label: string }) {
  const t = useT();
  if (diff.lines.length === 0) {
    return (
      <p className="px-2 py-1 text-[12px] text-slate-500">
        {diff.hiddenNoisy > 0 ? t('stepDetail.onlyBookkeeping', { count: diff.hiddenNoisy }) : t('stepDetail.noFieldChanged')}
      </p>
    );
  }
  return (
    <div role="group" aria-label={label}>
      <pre tabIndex={0} translate="no" className="overflow-x-auto rounded border border-slate-200 bg-white py-1 font-mono text-[12px] leading-[18px]">
        {diff.lines.map((l, i) => (
          <span key={i} data-op={l.op === ' ' ? 'context' : l.op === '+' ? 'added' : 'removed'}
            className={`block whitespace-pre px-2 ${LINE_TONE[l.op]}`}>
            {`${l.op} ${' '.repeat(l.indent)}${l.text}`}
          </span>
        ))}
      </pre>
      {diff.hiddenNoisy > 0 && (
        <p className="mt-0.5 text-[11px] text-slate-500">{t('stepDetail.noisyFolded', { count: diff.hiddenNoisy })}</p>
      )}
    </div>
  );
});
