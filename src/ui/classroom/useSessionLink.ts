import { useEffect } from 'react';
import { hashWithoutSession, sessionFromHash } from '../../share/link';
import { usePlayground } from '../../store';

const LINK = { from: 'link' } as const;

/**
 * Opens the session in the page's `#s=…` fragment — on load, and when a link is pasted into the
 * address bar of an open page — then takes it out of the address bar (the session is saved
 * locally from then on, so a reload keeps what the learner does next).
 */
export function useSessionLink(): void {
  useEffect(() => {
    const open = () => {
      const found = sessionFromHash(window.location.hash);
      if (!found) return;
      const { openSession, rejectSession } = usePlayground.getState();
      if (found.ok) openSession(found.session, LINK);
      else rejectSession(LINK, found.problem);
      const { pathname, search, hash } = window.location;
      window.history.replaceState(window.history.state, '', `${pathname}${search}${hashWithoutSession(hash)}`);
    };
    open();
    window.addEventListener('hashchange', open);
    return () => window.removeEventListener('hashchange', open);
  }, []);
}

/** Writes a pending session save when the page is hidden, so a quick reload lands on the newest Step. */
export function useSessionSaveOnHide(): void {
  useEffect(() => {
    const flush = () => usePlayground.getState().flushSessionSave();
    window.addEventListener('pagehide', flush);
    return () => window.removeEventListener('pagehide', flush);
  }, []);
}
