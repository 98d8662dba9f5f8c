import { useState } from 'react';
import { usePlayground } from '../../store';
import { Button } from '../common/Button';
import { ClusterSettingsDialog } from './ClusterSettingsDialog';
import { ICON_ONLY, PresentIcon, SettingsIcon } from './icons';
import { ExportSessionButton, ImportSessionButton } from './SessionFileButtons';
import { ShareButton } from './ShareButton';

/** The header's classroom controls: share, export and import a session, cluster settings, presentation mode. */
export function ClassroomControls() {
  const [settingsOpen, setSettingsOpen] = useState(false);
  return (
    <div role="group" aria-label="Session" className="flex shrink-0 items-center gap-1">
      <ShareButton />
      <ExportSessionButton />
      <ImportSessionButton />
      <Button onClick={() => setSettingsOpen(true)} aria-haspopup="dialog" aria-label="Cluster settings"
        title="Cluster settings: Nodes, seed and kube-proxy mode" className={ICON_ONLY}>
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
  return (
    <Button
      variant={on ? 'primary' : 'secondary'}
      aria-pressed={on}
      onClick={toggle}
      aria-label="Presentation mode"
      title={on ? 'Leave presentation mode (Esc)' : 'Presentation mode: large type and big step controls for a projector (F or P); PageUp/PageDown step'}
      className="whitespace-nowrap"
    >
      <PresentIcon />
      Presentation
    </Button>
  );
}
