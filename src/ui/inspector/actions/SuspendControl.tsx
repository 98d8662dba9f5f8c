import type { KubeObject } from '../../../engine/api';
import { useT } from '../../../i18n/useT';
import { usePlayground, type ObjectRef } from '../../../store';
import { Button } from '../../common/Button';
import { ActionSection } from './ActionSection';

/** `spec.suspend` of a Job (its running Pods are deleted) or a CronJob (no new Jobs are started). */
export function SuspendControl({ selection, live }: { selection: ObjectRef; live: KubeObject }) {
  const t = useT();
  const setSuspended = usePlayground((s) => s.setSuspended);
  const suspended = (live.spec as { suspend?: boolean } | undefined)?.suspend === true;
  const hint = selection.kind === 'Job'
    ? (suspended ? t('actions.jobSuspendedHint') : t('actions.jobSuspendHint'))
    : (suspended ? t('actions.cronJobSuspendedHint') : t('actions.cronJobSuspendHint'));
  return (
    <ActionSection title={t('actions.suspend')} hint={hint}>
      {suspended
        ? <Button onClick={() => setSuspended(selection, false)}>{t('actions.resume')}</Button>
        : <Button onClick={() => setSuspended(selection, true)}>{t('actions.suspend')}</Button>}
    </ActionSection>
  );
}
