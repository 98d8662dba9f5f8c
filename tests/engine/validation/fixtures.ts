/** Small manifests and a "default then validate" helper shared by the validation tests. */
import { applyDefaults } from '../../../src/engine/apiserver/defaults';
import { fieldErrorText } from '../../../src/engine/apiserver/errors';
import { validateObject } from '../../../src/engine/apiserver/validation';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Obj = Record<string, any>;

export const UID = '0b9c6a3e-4d2f-4e1a-9b7c-2f5d8e1a3c4b';

/** The API server's causes for `obj` (defaulted first, as the server does), as text lines. */
export function causes(obj: Obj, old?: Obj): string[] {
  const next = applyDefaults(obj, { uid: UID });
  const prev = old && applyDefaults(old, { uid: UID });
  return validateObject(next, prev).map(fieldErrorText);
}

export const container = (over: Obj = {}): Obj => ({ name: 'app', image: 'nginx:1.25', ...over });

export function pod(spec: Obj = {}, meta: Obj = {}): Obj {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default', ...meta }, spec: { containers: [container()], ...spec } };
}

export function deployment(spec: Obj = {}, templateSpec: Obj = {}, meta: Obj = {}): Obj {
  return {
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default', ...meta },
    spec: {
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [container()], ...templateSpec } },
      ...spec,
    },
  };
}

export function workload(kind: string, spec: Obj = {}, templateSpec: Obj = {}): Obj {
  return { ...deployment(kind === 'StatefulSet' ? { serviceName: 'web', ...spec } : spec, templateSpec), kind };
}

export function job(spec: Obj = {}, templateSpec: Obj = {}, meta: Obj = {}): Obj {
  return {
    apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'pi', namespace: 'default', ...meta },
    spec: { template: { spec: { containers: [container()], restartPolicy: 'Never', ...templateSpec } }, ...spec },
  };
}

export function cronJob(spec: Obj = {}, meta: Obj = {}): Obj {
  return {
    apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'hello', namespace: 'default', ...meta },
    spec: {
      schedule: '*/1 * * * *',
      jobTemplate: { spec: { template: { spec: { containers: [container()], restartPolicy: 'OnFailure' } } } },
      ...spec,
    },
  };
}

export function service(spec: Obj = {}, meta: Obj = {}): Obj {
  return {
    apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default', ...meta },
    spec: { selector: { app: 'web' }, ports: [{ port: 80 }], ...spec },
  };
}
