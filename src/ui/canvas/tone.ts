/** Status colours and icons. Colour never carries state alone: every use sits next to the state's text. */
import type { Tone } from '../../graph/types';

interface ToneStyle {
  /** Text + background of a status chip. */
  chip: string;
  /** Accent border of a card. */
  border: string;
  /** Foreground for small icons and marks. */
  text: string;
  icon: string;
}

export const TONES: Record<Tone, ToneStyle> = {
  running: { chip: 'bg-emerald-50 text-emerald-800 ring-emerald-200', border: 'border-l-emerald-500', text: 'text-emerald-600', icon: '●' },
  pending: { chip: 'bg-amber-50 text-amber-800 ring-amber-200', border: 'border-l-amber-400', text: 'text-amber-600', icon: '◔' },
  failed: { chip: 'bg-rose-50 text-rose-800 ring-rose-200', border: 'border-l-rose-500', text: 'text-rose-600', icon: '✕' },
  succeeded: { chip: 'bg-sky-50 text-sky-800 ring-sky-200', border: 'border-l-sky-500', text: 'text-sky-600', icon: '✓' },
  terminating: { chip: 'bg-slate-100 text-slate-600 ring-slate-300', border: 'border-l-slate-400', text: 'text-slate-500', icon: '◌' },
  unknown: { chip: 'bg-slate-100 text-slate-700 ring-slate-300', border: 'border-l-slate-400', text: 'text-slate-500', icon: '?' },
};
