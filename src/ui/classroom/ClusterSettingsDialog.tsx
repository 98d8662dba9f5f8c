import { useId, useState, type FormEvent } from 'react';
import { MAX_NODES, MAX_SEED, type ClusterSettings } from '../../share/session';
import { useT } from '../../i18n/useT';
import { usePlayground } from '../../store';
import { Button } from '../common/Button';
import { Dialog } from './Dialog';

const FIELD = 'mt-1 block w-full rounded-md bg-white px-2 py-1.5 text-[14px] tabular-nums text-slate-900 ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-500 focus:outline-none';

/** A whole number within [min, max], or undefined. */
function wholeNumber(text: string, min: number, max: number): number | undefined {
  if (!/^\d+$/.test(text.trim())) return undefined;
  const n = Number(text);
  return n >= min && n <= max ? n : undefined;
}

/**
 * The cluster's settings — Nodes, seed, kube-proxy mode — and the reset that applies them. The
 * same settings and the same actions always give the same Steps, names and IPs.
 */
export function ClusterSettingsDialog({ onClose }: { onClose(): void }) {
  const current = usePlayground((s) => s.clusterSettings);
  const [nodes, setNodes] = useState(String(current.nodes));
  const [seed, setSeed] = useState(String(current.seed));
  const [proxyMode, setProxyMode] = useState(current.proxyMode);
  const [reapply, setReapply] = useState(true);
  const errorId = useId();
  const t = useT();
  const nodeCount = wholeNumber(nodes, 0, MAX_NODES);
  const seedValue = wholeNumber(seed, 0, MAX_SEED);
  const problem = nodeCount === undefined ? t('classroom.nodesInvalid', { max: MAX_NODES })
    : seedValue === undefined ? t('classroom.seedInvalid', { max: MAX_SEED }) : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (nodeCount === undefined || seedValue === undefined) return;
    const settings: ClusterSettings = { nodes: nodeCount, seed: seedValue, proxyMode };
    const s = usePlayground.getState();
    s.resetWithSettings(settings, reapply);
    s.showSessionNotice({ code: 'restarted', nodes: nodeCount, seed: seedValue, mode: proxyMode }); // worded in the UI's language when shown
    onClose();
  };

  return (
    <Dialog title={t('classroom.settings')} onClose={onClose}>
      <form onSubmit={submit} className="space-y-3 text-[13px] text-slate-700">
        <p className="text-slate-600">{t('classroom.settingsIntro')}</p>
        <div className="grid grid-cols-2 gap-3">
          <label className="block font-medium">
            {t('classroom.nodes')}
            <input type="number" inputMode="numeric" min={0} max={MAX_NODES} value={nodes} onChange={(e) => setNodes(e.target.value)}
              aria-invalid={nodeCount === undefined} aria-describedby={problem ? errorId : undefined} className={FIELD} />
          </label>
          <label className="block font-medium">
            {t('classroom.seed')}
            <input type="number" inputMode="numeric" min={0} max={MAX_SEED} value={seed} onChange={(e) => setSeed(e.target.value)}
              aria-invalid={seedValue === undefined} aria-describedby={problem ? errorId : undefined} className={FIELD} />
          </label>
        </div>
        <fieldset>
          <legend className="font-medium">{t('classroom.proxyMode')}</legend>
          <div className="mt-1 flex gap-4">
            {(['iptables', 'ipvs'] as const).map((mode) => (
              <label key={mode} className="flex items-center gap-1.5">
                <input type="radio" name="proxy-mode" value={mode} checked={proxyMode === mode} onChange={() => setProxyMode(mode)} className="accent-indigo-600" />
                <span className="font-mono" translate="no">{mode}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={reapply} onChange={(e) => setReapply(e.target.checked)} className="accent-indigo-600" />
          {t('classroom.reapply')}
        </label>
        {problem && <p id={errorId} role="alert" className="font-medium text-rose-700">{problem}</p>}
        <div className="flex justify-end gap-2 pt-1">
          <Button onClick={onClose}>{t('classroom.cancel')}</Button>
          <Button type="submit" variant="primary" disabled={problem !== null}>{t('classroom.resetWith')}</Button>
        </div>
      </form>
    </Dialog>
  );
}
