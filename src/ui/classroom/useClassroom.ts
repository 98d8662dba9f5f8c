import { usePresentationKeys } from './usePresentationKeys';
import { useSessionLink, useSessionSaveOnHide } from './useSessionLink';

/** The app-wide classroom behaviour: share links opened on load, the session saved on page hide, presentation keys. */
export function useClassroom(): void {
  useSessionLink();
  useSessionSaveOnHide();
  usePresentationKeys();
}
