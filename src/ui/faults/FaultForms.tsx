import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { FaultsSlice } from '../../store/faultsSlice';
import { faultLines } from '../../store/faultsSlice';
import { messageParts, partsText, wordParts } from '../../i18n/textParts';
import { useT } from '../../i18n/useT';
import { PartsText } from '../common/PartsText';
import { Button } from '../common/Button';
import type { FaultForm } from './faultItems';

const DRAIN_FLAGS = { ignoreDaemonSets: '--ignore-daemonsets', deleteEmptyDirData: '--delete-emptydir-data', force: '--force' } as const;
const INPUT = 'rounded-md border border-slate-300 bg-white px-1.5 py-1 text-[13px] text-slate-900';

/**
 * The small form some fault actions need first: the exit code of a kill (137 = SIGKILL by
 * default), the flags of `kubectl drain`, or the name and size of a new Node. Submitting runs the
 * action and calls `done`; Cancel calls `done` without running anything.
 */
export function FaultFormView({ form, actions, done }: { form: FaultForm; actions: FaultsSlice; done: () => void }) {
  const t = useT();
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.select(), []);
  const [exitCode, setExitCode] = useState('137');
  const [flags, setFlags] = useState({ ignoreDaemonSets: true, deleteEmptyDirData: false, force: false });
  const [node, setNode] = useState({ name: '', cpu: '4', memory: '8Gi', pods: '110' });
  const code = Number(exitCode);
  const invalid = form.form === 'kill' && !(Number.isInteger(code) && code >= 0 && code <= 255);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (invalid) return;
    if (form.form === 'kill') actions.killContainer({ pod: form.pod, namespace: form.namespace, container: form.container }, code);
    else if (form.form === 'drain') actions.drain(form.node, flags);
    else actions.addNode(node.name.trim() || undefined, { cpu: node.cpu, memory: node.memory, pods: node.pods });
    done();
  };
  const title = form.form === 'kill' ? messageParts((mark) => t('faults.killTitle', { container: mark(form.container) }))
    : form.form === 'drain' ? messageParts((mark) => t('faults.drainTitle', { node: mark(form.node) })) : wordParts(t('faults.addNodeTitle'));
  const titleText = partsText(title);
  const fieldLabel = (k: 'name' | 'cpu' | 'memory' | 'pods') =>
    k === 'name' ? t('faults.nodeName') : k === 'cpu' ? 'CPU' : k === 'memory' ? t('faults.nodeMemory') : t('faults.maxPods');
  const preview = form.form === 'kill'
    ? faultLines.kill({ pod: form.pod, namespace: form.namespace, container: form.container }, code)
    : form.form === 'drain' ? faultLines.drain(form.node, flags) : faultLines.addNode(node.name.trim() || undefined);

  return (
    <form aria-label={titleText} onSubmit={submit} className="flex w-64 flex-col gap-2 p-2 text-[13px]">
      <p className="font-semibold text-slate-800"><PartsText parts={title} wrapped /></p>
      {form.form === 'kill' && (
        <label className="flex items-center justify-between gap-2 text-slate-600">
          {t('faults.exitCode')}
          <input ref={first} type="number" min={0} max={255} value={exitCode} aria-invalid={invalid}
            onChange={(e) => setExitCode(e.target.value)} className={`${INPUT} w-20`} />
        </label>
      )}
      {form.form === 'drain' && (Object.keys(flags) as (keyof typeof flags)[]).map((k) => (
        <label key={k} className="flex items-center gap-2 text-slate-700">
          <input type="checkbox" checked={flags[k]} onChange={(e) => setFlags({ ...flags, [k]: e.target.checked })} />
          <span translate="no" className="font-mono text-[12px]">{DRAIN_FLAGS[k]}</span>
        </label>
      ))}
      {form.form === 'addNode' && (['name', 'cpu', 'memory', 'pods'] as const).map((k, i) => (
        <label key={k} className="flex items-center justify-between gap-2 text-slate-600">
          {fieldLabel(k)}
          <input ref={i === 0 ? first : undefined} value={node[k]} placeholder={k === 'name' ? t('faults.namePlaceholder') : undefined}
            onChange={(e) => setNode({ ...node, [k]: e.target.value })} className={`${INPUT} w-32`} />
        </label>
      ))}
      <p translate="no" lang="en" className="break-words font-mono text-[11px] text-slate-500">{preview}</p>
      <div className="flex gap-2">
        <Button type="submit" variant="primary" disabled={invalid}>
          {form.form === 'addNode' ? t('faults.add') : form.form === 'drain' ? t('faults.drain') : t('faults.kill')}
        </Button>
        <Button onClick={done}>{t('faults.cancel')}</Button>
      </div>
    </form>
  );
}
