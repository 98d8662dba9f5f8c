import type { Translate } from '../../../i18n/translate';
import { useT } from '../../../i18n/useT';
import { displayValue, type EnvRow } from '../../../projections/containerEnv';
import { envChangeText, envNoteText, envSourceText } from './envText';

function state(row: EnvRow, t: Translate): string | undefined {
  // a variable its source gained after the start says so in its change note
  if (row.absent) return row.change ? undefined : t('container.absent');
  if (row.overridden) return t('container.overridden');
  return undefined;
}

/**
 * The variables in the order the kubelet builds them (envFrom, env, then Service links): name,
 * value (a Secret's masked unless revealed), and under the value where it comes from. Names,
 * values and the kubelet's problems are data; where-from and notes are worded in the UI's language.
 */
export function EnvTable({ rows, reveal }: { rows: EnvRow[]; reveal: boolean }) {
  const t = useT();
  if (!rows.length) return <p className="px-3 py-1 text-[12px] italic text-slate-500">{t('container.noVariables')}</p>;
  return (
    <table aria-label={t('container.variables')} className="mx-3 my-1 table-fixed border-collapse text-left text-[12px]" style={{ width: 'calc(100% - 1.5rem)' }}>
      <thead>
        <tr className="border-b border-slate-200 text-[11px] uppercase tracking-wide text-slate-500">
          <th className="w-[45%] py-0.5 font-medium">{t('container.name')}</th>
          <th className="py-0.5 font-medium">{t('container.valueFrom')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => {
          const note = state(r, t);
          const muted = r.overridden || r.absent;
          const value = displayValue(r, reveal);
          const from = envSourceText(r.source, t);
          return (
            <tr key={`${r.name}/${i}`} className={`border-b border-slate-100 align-top ${muted ? 'text-slate-400' : 'text-slate-800'}`} title={note}>
              <td translate="no" className={`py-0.5 pr-2 font-mono [overflow-wrap:anywhere] ${muted ? 'line-through' : ''}`}>{r.name}</td>
              <td className="py-0.5 [overflow-wrap:anywhere]">
                <span className="font-mono">
                  {r.secret && !reveal && r.value !== ''
                    ? <span title={t('container.maskedHint')} className="text-rose-700">{value}<span className="sr-only">{t('container.masked')}</span></span>
                    : value ? <span translate="no">{value}</span> : <span className="font-sans italic text-slate-400">{t('container.empty')}</span>}
                </span>
                <span translate={from.data ? 'no' : undefined} className="block text-[11px] text-slate-500">{from.text}</span>
                {r.problem && <span translate="no" lang="en" className="block text-[11px] text-rose-700">{r.problem}</span>}
                {r.note && <span className="block text-[11px] text-slate-500">{envNoteText(r.note, t)}</span>}
                {r.change && <span className="block text-[11px] text-amber-800">{envChangeText(r.change, t)}</span>}
                {note && <span className="block text-[11px] italic">{note}</span>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
