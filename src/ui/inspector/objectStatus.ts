import type { KubeObject } from '../../engine/api';

export type StatusTone = 'ok' | 'progress' | 'bad' | 'done' | 'gone' | 'neutral';

interface Conditioned {
  status?: { phase?: string; conditions?: { type: string; status: string }[] };
  spec?: { unschedulable?: boolean };
}

/** A one-word status for the inspector header, with the tone to colour it (text always present). */
export function objectStatus(obj: KubeObject): { text: string; tone: StatusTone } | undefined {
  const o = obj as KubeObject & Conditioned;
  // i18n-data: kubectl's STATUS for an object being deleted, shown as data (translate="no") like the phases
  if (obj.metadata.deletionTimestamp) return { text: 'Terminating', tone: 'gone' };
  if (obj.kind === 'Pod') {
    const phase = o.status?.phase ?? 'Pending';
    const tone: StatusTone = phase === 'Running' ? 'ok' : phase === 'Pending' ? 'progress' : phase === 'Failed' ? 'bad' : phase === 'Succeeded' ? 'done' : 'neutral';
    return { text: phase, tone };
  }
  if (obj.kind === 'Node') {
    const ready = o.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'True';
    const text = `${ready ? 'Ready' : 'NotReady'}${o.spec?.unschedulable ? ',SchedulingDisabled' : ''}`;
    return { text, tone: ready ? 'ok' : 'bad' };
  }
  return undefined;
}

export const TONE_CLASSES: Record<StatusTone, string> = {
  ok: 'bg-emerald-50 text-emerald-800 ring-emerald-200',
  progress: 'bg-amber-50 text-amber-800 ring-amber-200',
  bad: 'bg-red-50 text-red-800 ring-red-200',
  done: 'bg-blue-50 text-blue-800 ring-blue-200',
  gone: 'bg-slate-100 text-slate-600 ring-slate-300',
  neutral: 'bg-slate-50 text-slate-700 ring-slate-200',
};
