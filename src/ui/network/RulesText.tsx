import type { RuleLine } from '../../projections/networkRules';
import { useT } from '../../i18n/useT';

const MARK: Record<NonNullable<RuleLine['mark']>, string> = {
  path: 'bg-amber-100 text-slate-900 shadow-[inset_3px_0_0_#d97706]',
  failed: 'bg-rose-100 text-rose-900 shadow-[inset_3px_0_0_#e11d48]',
};

/** Rules text, one line per row; the lines a sampled request took are highlighted (and say so to screen readers). */
export function RulesText({ lines, label }: { lines: RuleLine[]; label: string }) {
  const t = useT();
  // the rules are iptables-save/ipvsadm output: never translated; only the screen-reader marks are
  return (
    <pre role="group" aria-label={label} tabIndex={0}
      className="max-h-[26rem] overflow-auto whitespace-pre rounded-md border border-slate-200 bg-slate-50 py-2 font-mono text-[11px] leading-[1.55] text-slate-700">
      {lines.map((l, i) => (
        <span key={i} className={`block min-w-max px-2.5 ${l.mark ? MARK[l.mark] : ''}`} {...(l.mark ? { 'data-mark': l.mark } : {})}>
          {l.mark && <span className="sr-only">{l.mark === 'path' ? t('network.ruleTaken') : t('network.ruleFailedHere')}</span>}
          <span translate="no">{l.text || ' '}</span>
        </span>
      ))}
    </pre>
  );
}
