import { actorKind, type ActorKind } from '../../projections/actors';

/** Chip colours per kind of actor (light tints, dark text: readable on a projector). */
const TONES: Record<ActorKind, string> = {
  user: 'bg-indigo-100 text-indigo-800 ring-indigo-200',
  bootstrap: 'bg-slate-100 text-slate-700 ring-slate-200',
  controller: 'bg-sky-100 text-sky-800 ring-sky-200',
  scheduler: 'bg-violet-100 text-violet-800 ring-violet-200',
  kubelet: 'bg-emerald-100 text-emerald-800 ring-emerald-200',
  proxy: 'bg-amber-100 text-amber-800 ring-amber-200',
  other: 'bg-slate-100 text-slate-700 ring-slate-200',
};

export function actorTone(actor: string): string {
  return TONES[actorKind(actor)];
}
