import type { KubeObject } from '../../../engine/api';
import { usePlayground, type ObjectRef } from '../../../store';
import { Button } from '../../common/Button';
import { ActionSection } from './ActionSection';

/** `spec.suspend` of a Job (its running Pods are deleted) or a CronJob (no new Jobs are started). */
export function SuspendControl({ selection, live }: { selection: ObjectRef; live: KubeObject }) {
  const setSuspended = usePlayground((s) => s.setSuspended);
  const suspended = (live.spec as { suspend?: boolean } | undefined)?.suspend === true;
  const hint = selection.kind === 'Job'
    ? (suspended ? 'Suspended: no Pods run. Resume starts them again.' : 'Suspending deletes the running Pods and starts no new ones.')
    : (suspended ? 'Suspended: no new Jobs are started; running ones go on.' : 'Suspending stops new Jobs; running ones go on.');
  return (
    <ActionSection title="Suspend" hint={hint}>
      {suspended
        ? <Button onClick={() => setSuspended(selection, false)}>Resume</Button>
        : <Button onClick={() => setSuspended(selection, true)}>Suspend</Button>}
    </ActionSection>
  );
}
