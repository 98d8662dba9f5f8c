import { Panel } from '@xyflow/react';
import type { EdgeToggles } from './edges/useCanvasEdges';

function Switch({ label, on, onChange, hint }: { label: string; on: boolean; onChange(on: boolean): void; hint: string }) {
  return (
    <button
      type="button"
      role="switch"
      aria-checked={on}
      title={hint}
      onClick={() => onChange(!on)}
      className="flex items-center gap-1.5 rounded px-1.5 py-1 text-[12px] font-medium text-slate-700 hover:bg-slate-100"
    >
      <span
        aria-hidden
        className={`relative inline-block h-4 w-7 rounded-full transition-colors duration-200 ${on ? 'bg-indigo-600' : 'bg-slate-300'}`}
      >
        <span className={`absolute top-0.5 h-3 w-3 rounded-full bg-white shadow transition-[left] duration-200 ${on ? 'left-3.5' : 'left-0.5'}`} />
      </span>
      {label}
    </button>
  );
}

/** The canvas's small toolbar: which relations the graph draws as edges. */
export function GraphToolbar({ toggles, onToggle }: { toggles: EdgeToggles; onToggle(key: keyof EdgeToggles, on: boolean): void }) {
  return (
    <Panel position="top-right">
      <div role="toolbar" aria-label="Graph options" className="flex items-center gap-1 rounded-lg border border-slate-200 bg-white/95 p-1 shadow-sm">
        <Switch
          label="Show ownership"
          on={toggles.ownership}
          onChange={(on) => onToggle('ownership', on)}
          hint="Edges from each owner to what it owns (ownerReferences): Deployment → ReplicaSet → Pods"
        />
        <Switch
          label="Show endpoints"
          on={toggles.endpoints}
          onChange={(on) => onToggle('endpoints', on)}
          hint="Edges from each Service to its endpoint Pods: ready solid, not ready dashed, terminating fading"
        />
      </div>
    </Panel>
  );
}
