/** Step messages of the CronJob controller. */
import type { CronJobStatus } from 'kubernetes-types/batch/v1';
import type { KubeObject } from '../../api';

export function statusMessage(cj: KubeObject, before: CronJobStatus, after: CronJobStatus): string {
  const active = (after.active ?? []).map((r) => r.name);
  const notes: string[] = [];
  const was = new Set((before.active ?? []).map((r) => r.name));
  const now = new Set(active);
  const added = active.filter((n) => !was.has(n));
  const removed = [...was].filter((n) => n !== undefined && !now.has(n));
  if (added.length) notes.push(`${added.join(', ')} added to the active list`);
  if (removed.length) notes.push(`${removed.join(', ')} left the active list`);
  if (after.lastScheduleTime !== before.lastScheduleTime) notes.push(`lastScheduleTime ${after.lastScheduleTime}`);
  if (after.lastSuccessfulTime !== before.lastSuccessfulTime) notes.push(`lastSuccessfulTime ${after.lastSuccessfulTime}`);
  const list = active.length ? ` (${active.join(', ')})` : '';
  return `CronJob ${cj.metadata.name} status: ${active.length} active Job${active.length === 1 ? '' : 's'}${list}` +
    (notes.length ? `; ${notes.join('; ')}` : '');
}
