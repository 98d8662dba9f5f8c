import { HeaderFrame } from './HeaderFrame';

/**
 * What the first screen shows while the simulated cluster (the engine, the canvas and the panes,
 * one lazily loaded chunk) arrives: the header and the shape of the panes.
 */
export function StartingShell() {
  return (
    <div className="flex h-full flex-col">
      <HeaderFrame />
      <div className="flex min-h-0 flex-1">
        <div className="w-[30%] max-w-[520px] border-r border-slate-200 bg-white" />
        <div className="flex flex-1 items-center justify-center bg-slate-50">
          <p role="status" className="text-[14px] text-slate-500">Starting the simulated cluster…</p>
        </div>
      </div>
    </div>
  );
}
