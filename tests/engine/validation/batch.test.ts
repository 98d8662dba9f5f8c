import { describe, expect, it } from 'vitest';
import { cronScheduleError } from '../../../src/engine/apiserver/validation/cron';
import { UID, causes, cronJob, job } from './fixtures';

describe('Job', () => {
  it('accepts a typical job (selector generated from the uid)', () => {
    expect(causes(job())).toEqual([]);
  });

  it.each<[string, object, string[]]>([
    ['restartPolicy unset (§13.14)', job({}, { restartPolicy: undefined }),
      ['spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"']],
    ['restartPolicy Always', job({}, { restartPolicy: 'Always' }),
      ['spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"']],
    ['negative counts', job({ completions: -1, parallelism: -2, backoffLimit: -3 }),
      ['spec.parallelism: Invalid value: -2: must be greater than or equal to 0',
        'spec.completions: Invalid value: -1: must be greater than or equal to 0',
        'spec.backoffLimit: Invalid value: -3: must be greater than or equal to 0']],
    ['completionMode', job({ completionMode: 'Sometimes' }),
      ['spec.completionMode: Unsupported value: "Sometimes": supported values: "NonIndexed", "Indexed"']],
    ['Indexed needs completions', job({ completionMode: 'Indexed', parallelism: 2 }),
      ['spec.completions: Required value: when completion mode is Indexed']],
    ['manual selector must match', job({ manualSelector: true, selector: { matchLabels: { app: 'x' } } }),
      ['spec.template.metadata.labels: Invalid value: map[string]string(nil): `selector` does not match template `labels`']],
    ['user selector without manualSelector', job({ selector: { matchLabels: { app: 'x' } } }, {}),
      [`spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"x", "batch.kubernetes.io/controller-uid":"${UID}"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: \`selector\` not auto-generated`,
        `spec.template.metadata.labels: Invalid value: map[string]string{"batch.kubernetes.io/controller-uid":"${UID}", "batch.kubernetes.io/job-name":"pi", "controller-uid":"${UID}", "job-name":"pi"}: \`selector\` does not match template \`labels\``]],
  ])('%s', (_name, manifest, expected) => {
    expect(causes(manifest)).toEqual(expected);
  });
});

describe('CronJob', () => {
  it('accepts a typical cronjob', () => {
    expect(causes(cronJob())).toEqual([]);
    expect(causes(cronJob({ schedule: '@hourly', timeZone: 'Europe/Berlin' }))).toEqual([]);
  });

  it.each<[string, object, string[]]>([
    ['missing schedule', cronJob({ schedule: undefined }), ['spec.schedule: Required value']],
    ['unparseable schedule', cronJob({ schedule: 'x' }), ['spec.schedule: Invalid value: "x": expected exactly 5 fields, found 1: [x]']],
    ['out of range', cronJob({ schedule: '61 * * * *' }), ['spec.schedule: Invalid value: "61 * * * *": end of range (61) above maximum (59): 61']],
    ['concurrencyPolicy', cronJob({ concurrencyPolicy: 'Sometimes' }),
      ['spec.concurrencyPolicy: Unsupported value: "Sometimes": supported values: "Allow", "Forbid", "Replace"']],
    ['timeZone', cronJob({ timeZone: 'Mars/Olympus' }), ['spec.timeZone: Invalid value: "Mars/Olympus": unknown time zone Mars/Olympus']],
    ['TZ in schedule', cronJob({ schedule: 'TZ=UTC 0 * * * *' }),
      ['spec.schedule: Invalid value: "TZ=UTC 0 * * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead']],
    ['job template restartPolicy', cronJob({ jobTemplate: { spec: { template: { spec: { containers: [{ name: 'a', image: 'b' }] } } } } }),
      ['spec.jobTemplate.spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"']],
    ['name over 52 characters', cronJob({}, { name: 'c'.repeat(53) }),
      [`metadata.name: Invalid value: "${'c'.repeat(53)}": must be no more than 52 characters`]],
  ])('%s', (_name, manifest, expected) => {
    expect(causes(manifest)).toEqual(expected);
  });
});

describe('cron schedule parsing (robfig/cron ParseStandard)', () => {
  const anyZone = () => true;
  it.each<[string, string | undefined]>([
    ['*/5 * * * *', undefined], ['0 0 1 jan *', undefined], ['0 9-17 * * mon-fri', undefined], ['@daily', undefined],
    ['@every 1h30m', undefined], ['0 0 * * 7', 'end of range (7) above maximum (6): 7'],
    ['0 0 0 * *', 'beginning of range (0) below minimum (1): 0'], ['a * * * *', 'failed to parse int from a: strconv.Atoi: parsing "a": invalid syntax'],
    ['5-1 * * * *', 'beginning of range (5) beyond end of range (1): 5-1'], ['*/0 * * * *', 'step of range should be a positive number: */0'],
    ['1-2-3 * * * *', 'too many hyphens: 1-2-3'], ['@sometimes', 'unrecognized descriptor: @sometimes'],
    ['* * * *', 'expected exactly 5 fields, found 4: [* * * *]'], ['', 'empty spec string'],
  ])('%j', (spec, error) => {
    expect(cronScheduleError(spec, anyZone)).toBe(error);
  });
});
