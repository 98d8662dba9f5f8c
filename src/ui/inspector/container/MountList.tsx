import type { Translate } from '../../../i18n/translate';
import { useT } from '../../../i18n/useT';
import type { MountFile, MountNote, MountRow } from '../../../projections/containerEnvMounts';
import { slot, withNodes } from '../messageNodes';

/** How many characters of a file's first line the list shows (the whole content is its tooltip). */
const PREVIEW = 48;

function preview(content: string): string {
  const [first] = content.split('\n');
  return first.length > PREVIEW || first.length < content.length ? `${first.slice(0, PREVIEW)}…` : first;
}

function noteText(note: MountNote, t: Translate): string {
  switch (note.type) {
    case 'syncPending':
      if (note.source.kind === 'ConfigMap' || note.source.kind === 'Secret') {
        return t('container.syncPendingObject', { kind: note.source.kind, name: note.source.name });
      }
      return note.source.kind === 'downwardAPI' ? t('container.syncPendingDownward') : t('container.syncPendingProjected');
    case 'subPathFrozen': return t('container.subPathFrozen');
    case 'keepsLastWritten': return t('container.keepsLastWritten');
  }
}

/** One file: its name and its first line (a Secret's masked until revealed). */
function FileLine({ file, reveal }: { file: MountFile; reveal: boolean }) {
  const t = useT();
  const content = file.content;
  return (
    <li className="flex min-w-0 gap-2">
      <span translate="no" className="shrink-0 text-slate-700">{file.name}</span>
      {content !== undefined && (file.secret && !reveal && content !== ''
        ? <span title={t('container.maskedHint')} className="text-rose-700">••••••<span className="sr-only">{t('container.masked')}</span></span>
        : content === ''
          ? <span className="font-sans italic text-slate-400">{t('container.empty')}</span>
          : <span translate="no" title={content} className="min-w-0 truncate text-slate-500">{preview(content)}</span>)}
    </li>
  );
}

/**
 * What the container finds at each mount path: for ConfigMap, Secret, downward API and projected
 * volumes the files as the kubelet wrote them for it at the viewed Step, and why they may differ
 * from the sources. Paths, volume names, sources (field names), files and Kubernetes' problems are
 * data; the words around them are the UI's.
 */
export function MountList({ rows, reveal }: { rows: MountRow[]; reveal: boolean }) {
  const t = useT();
  if (!rows.length) return <p className="px-3 py-1 pb-3 text-[12px] italic text-slate-500">{t('container.noMounts')}</p>;
  return (
    <ul aria-label={t('container.mounts')} className="flex flex-col gap-1.5 px-3 py-1 pb-3 text-[12px]">
      {rows.map((m) => (
        <li key={`${m.path}/${m.volume}`} className="rounded border border-slate-200 px-2 py-1">
          <div className="flex flex-wrap items-center gap-1.5">
            <span translate="no" className="font-mono font-semibold text-slate-900">{m.path}</span>
            {m.readOnly && <span className="rounded bg-slate-100 px-1 text-[11px] text-slate-600">{t('container.readOnly')}</span>}
            {m.subPath && (
              <span className="text-[11px] text-slate-500">
                {withNodes(t('container.subPath', { subPath: slot(0) }), [<span key="sub" translate="no">{m.subPath}</span>])}
              </span>
            )}
          </div>
          <p className="text-slate-600">
            {withNodes(t('container.volumeSource', { volume: slot(0), source: slot(1) }), [
              <span key="volume" translate="no" className="font-mono">{m.volume}</span>,
              m.undeclared ? t('container.noSuchVolume') : <span key="source" translate="no">{m.source}</span>,
            ])}
          </p>
          {m.files.length > 0 && (
            <ul aria-label={t('container.filesAt', { path: m.path })} className="font-mono text-[11px]">
              {m.files.map((f) => <FileLine key={f.name} file={f} reveal={reveal} />)}
            </ul>
          )}
          {m.note && <p className="text-[11px] text-amber-800">{noteText(m.note, t)}</p>}
          {m.sharedWith.length > 0 && (
            <p className="text-[11px] text-teal-700">
              {withNodes(t('container.sharedWith', { containers: slot(0) }), [<span key="with" translate="no">{m.sharedWith.join(', ')}</span>])}
            </p>
          )}
          {m.undeclared && <p className="text-[11px] text-rose-700">{t('container.undeclared', { volume: m.volume })}</p>}
          {m.problem && <p translate="no" lang="en" className="text-[11px] text-rose-700">{m.problem}</p>}
        </li>
      ))}
    </ul>
  );
}
