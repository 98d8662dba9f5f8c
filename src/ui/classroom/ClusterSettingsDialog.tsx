import { useId, useState, type FormEvent } from 'react';
import { MAX_NODES, MAX_SEED, type ClusterSettings } from '../../share/session';
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
  const nodeCount = wholeNumber(nodes, 0, MAX_NODES);
  const seedValue = wholeNumber(seed, 0, MAX_SEED);
  const problem = nodeCount === undefined ? `Nodes: a whole number from 0 to ${MAX_NODES}.`
    : seedValue === undefined ? `Seed: a whole number from 0 to ${MAX_SEED}.` : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (nodeCount === undefined || seedValue === undefined) return;
    const settings: ClusterSettings = { nodes: nodeCount, seed: seedValue, proxyMode };
    const s = usePlayground.getState();
    s.resetWithSettings(settings, reapply);
    s.showSessionNotice('info', `The cluster started again: ${nodeCount} Node${nodeCount === 1 ? '' : 's'}, seed ${seedValue}, kube-proxy in ${proxyMode} mode.`);
    onClose();
  };

  return (
    <Dialog title="Cluster settings" onClose={onClose}>
      <form onSubmit={submit} className="space-y-3 text-[13px] text-slate-700">
        <p className="text-slate-600">
          Saving starts the cluster again with these settings; the timeline starts over. The same settings and the same actions always give the same Steps, names and IPs.
        </p>
        <div className="grid grid-cols-2 gap-3">
          <label className="block font-medium">
            Nodes
            <input type="number" inputMode="numeric" min={0} max={MAX_NODES} value={nodes} onChange={(e) => setNodes(e.target.value)}
              aria-invalid={nodeCount === undefined} aria-describedby={problem ? errorId : undefined} className={FIELD} />
          </label>
          <label className="block font-medium">
            Seed
            <input type="number" inputMode="numeric" min={0} max={MAX_SEED} value={seed} onChange={(e) => setSeed(e.target.value)}
              aria-invalid={seedValue === undefined} aria-describedby={problem ? errorId : undefined} className={FIELD} />
          </label>
        </div>
        <fieldset>
          <legend className="font-medium">kube-proxy mode</legend>
          <div className="mt-1 flex gap-4">
            {(['iptables', 'ipvs'] as const).map((mode) => (
              <label key={mode} className="flex items-center gap-1.5">
                <input type="radio" name="proxy-mode" value={mode} checked={proxyMode === mode} onChange={() => setProxyMode(mode)} className="accent-indigo-600" />
                <span className="font-mono">{mode}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={reapply} onChange={(e) => setReapply(e.target.checked)} className="accent-indigo-600" />
          Apply the editor text to the new cluster
        </label>
        {problem && <p id={errorId} role="alert" className="font-medium text-rose-700">{problem}</p>}
        <div className="flex justify-end gap-2 pt-1">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={problem !== null}>Reset with these settings</Button>
        </div>
      </form>
    </Dialog>
  );
}
