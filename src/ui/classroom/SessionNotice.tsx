import { useEffect } from 'react';
import { useT } from '../../i18n/useT';
import { usePlayground } from '../../store';
import { PartsText } from '../common/PartsText';
import { sessionNoticeParts } from './sessionNoticeText';

const TONES = {
  info: 'bg-white text-slate-800 ring-indigo-200',
  warning: 'bg-amber-50 text-amber-950 ring-amber-300',
  error: 'bg-rose-50 text-rose-950 ring-rose-300',
} as const;

/** How long an info notice stays; warnings and errors stay until dismissed. */
const INFO_MS = 8000;

/** What the last session action reported: a link or file opened or refused, a session saved. */
export function SessionNotice() {
  const notice = usePlayground((s) => s.sessionNotice);
  const dismiss = usePlayground((s) => s.dismissSessionNotice);
  const t = useT();
  useEffect(() => {
    if (notice?.tone !== 'info') return;
    const timer = setTimeout(() => {
      if (usePlayground.getState().sessionNotice?.id === notice.id) dismiss();
    }, INFO_MS);
    return () => clearTimeout(timer);
  }, [notice, dismiss]);
  if (!notice) return null;
  return (
    <div
      role={notice.tone === 'info' ? 'status' : 'alert'}
      aria-label={t('classroom.session')}
      className={`fixed right-4 top-14 z-40 flex max-w-[min(520px,calc(100vw-2rem))] items-start gap-3 rounded-lg px-3.5 py-2.5 text-[13px] shadow-lg ring-1 ${TONES[notice.tone]}`}
    >
      <p className="min-w-0 flex-1 leading-snug"><PartsText parts={sessionNoticeParts(notice, t)} /></p>
      <button type="button" onClick={dismiss} aria-label={t('classroom.dismiss')} className="-my-0.5 rounded px-1.5 text-[16px] leading-none opacity-70 hover:bg-black/5 hover:opacity-100">
        ×
      </button>
    </div>
  );
}
