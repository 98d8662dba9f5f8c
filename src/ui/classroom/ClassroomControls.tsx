import { useState } from 'react';
import { useT } from '../../i18n/useT';
import { usePlayground } from '../../store';
import { Button } from '../common/Button';
import { ClusterSettingsDialog } from './ClusterSettingsDialog';
import { ICON_ONLY, PresentIcon, SettingsIcon } from './icons';
import { ExportSessionButton, ImportSessionButton } from './SessionFileButtons';
import { ShareButton } from './ShareButton';

/** The header's classroom controls: share, export and import a session, cluster settings, presentation mode. */
export function ClassroomControls() {
  const [settingsOpen, setSettingsOpen] = useState(false);
  const t = useT();
  return (
    <div role="group" aria-label={t('classroom.session')} className="flex shrink-0 items-center gap-1">
      <ShareButton />
      <ExportSessionButton />
      <ImportSessionButton />
      <Button onClick={() => setSettingsOpen(true)} aria-haspopup="dialog" aria-label={t('classroom.settings')}
        title={t('classroom.settingsHint')} className={ICON_ONLY}>
        <SettingsIcon />
      </Button>
      <PresentationToggle />
      {settingsOpen && <ClusterSettingsDialog onClose={() => setSettingsOpen(false)} />}
    </div>
  );
}

/** Presentation mode on and off (also F or P; Esc leaves it). */
export function PresentationToggle() {
  const on = usePlayground((s) => s.presentation);
  const toggle = usePlayground((s) => s.togglePresentation);
  const t = useT();
  return (
    <Button
      variant={on ? 'primary' : 'secondary'}
      aria-pressed={on}
      onClick={toggle}
      aria-label={t('classroom.presentationMode')}
      title={on ? t('classroom.presentationLeave') : t('classroom.presentationHint')}
      className="whitespace-nowrap"
    >
      <PresentIcon />
      {t('classroom.presentation')}
    </Button>
  );
}
