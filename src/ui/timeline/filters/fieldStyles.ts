/** Shared look of the timeline's small form fields. */
export const FIELD = 'h-7 rounded-md border border-slate-300 bg-white px-1.5 text-[13px] text-slate-800 focus:border-indigo-500 focus:outline-none focus:ring-1 focus:ring-indigo-500';
export const FIELD_LABEL = 'flex items-center gap-1.5 text-[13px] text-slate-600';
