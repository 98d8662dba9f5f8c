import { describe, expect, it } from 'vitest';
import { newCluster } from '../helpers';

const cronJob = (name: string, schedule: string, timeZone?: string) => `apiVersion: batch/v1
kind: CronJob
metadata:
  name: ${name}
spec:
  schedule: "${schedule}"${timeZone ? `\n  timeZone: ${timeZone}` : ''}
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
          - name: work
            image: busybox:1.36
            command: ["true"]
`;

// The virtual clock starts at 2025-01-01T09:00:00Z.
describe('spec.timeZone', () => {
  it('evaluates the schedule in the named zone', () => {
    const c = newCluster();
    expect(c.apply([
      cronJob('paris', '30 10 * * *', 'Europe/Paris'),
      cronJob('newyork', '0 5 * * *', 'America/New_York'),
      cronJob('utc', '30 10 * * *'),
    ].join('---\n')).ok).toBe(true);
    c.advance(2 * 3600_000);
    const created = (name: string) => c.steps.find((s) => s.actor === 'cronjob-controller' &&
      s.events.some((e) => e.startsWith(`SuccessfulCreate: Created job ${name}-`)));
    // 10:30 in Paris (UTC+1 in January) is 09:30Z; 05:00 in New York (UTC−5) is 10:00Z; 10:30 UTC is 10:30Z
    expect(created('paris')?.time).toBe(30 * 60_000 + 100);
    expect(created('newyork')?.time).toBe(60 * 60_000 + 100);
    expect(created('utc')?.time).toBe(90 * 60_000 + 100);
    const paris = c.get('Job', 'paris-28928730')!;
    expect(paris.metadata.annotations?.['batch.kubernetes.io/cronjob-scheduled-timestamp']).toBe('2025-01-01T10:30:00+01:00');
    expect(c.get('Job', 'newyork-28928760')!.metadata.annotations?.['batch.kubernetes.io/cronjob-scheduled-timestamp'])
      .toBe('2025-01-01T05:00:00-05:00');
    expect((c.get('CronJob', 'paris')!.status as { lastScheduleTime: string }).lastScheduleTime).toBe('2025-01-01T09:30:00Z');
  });

  it('re-times the next run when the schedule changes, without running the old one', () => {
    const c = newCluster();
    c.apply(cronJob('moving', '0 12 * * *'));
    c.advance(10 * 60_000);
    c.apply(cronJob('moving', '20 9 * * *', 'UTC'));
    c.advance(15 * 60_000);
    expect(c.list('Job', 'default').map((j) => j.metadata.name)).toEqual(['moving-28928720']);
  });
});
