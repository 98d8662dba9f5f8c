import { useT } from '../../i18n/useT';
import { usePlayground } from '../../store';
import { Button } from '../common/Button';
import { ClassroomControls } from '../classroom/ClassroomControls';
import { LessonsButton } from '../lessons/LessonsButton';
import { HeaderFrame } from './HeaderFrame';
import { NamespaceControls } from '../namespaces/NamespaceControls';
import { LanguageSwitch } from './LanguageSwitch';

/** The product name, what it is for, and the one cluster-wide control. */
export function Header() {
  const resetCluster = usePlayground((s) => s.resetCluster);
  const t = useT();
  return (
    <HeaderFrame tagline={t('shell.tagline')}>
        <NamespaceControls />
        <LessonsButton />
        <ClassroomControls />
        <Button
          variant="ghost"
          onClick={resetCluster}
          title={t('header.resetHint')}
        >
          <span aria-hidden="true">↺</span>
          {t('header.reset')}
        </Button>
        <LanguageSwitch />
    </HeaderFrame>
  );
}
