/**
 * ttl-after-finished-controller: deletes a finished Job (Complete or Failed) once
 * ttlSecondsAfterFinished have passed since its terminal condition, with foreground propagation so
 * the garbage collector removes its pods first.
 * upstream: pkg/controller/ttlafterfinished/ttlafterfinished_controller.go
 */
import type { KubeObject } from '../../api';
import { virtualMs } from '../../core/time';
import { keyOf, splitKey } from '../../util/objects';
import type { Controller, ReconcileContext, ReconcileResult } from '../types';
import { finishedCondition, jobSpec } from './jobSpec';

/** upstream needsCleanup: a TTL is set and the Job has finished. */
const needsCleanup = (job: KubeObject) => jobSpec(job).ttlSecondsAfterFinished !== undefined && finishedCondition(job) !== undefined;

/** Virtual ms at which the Job expires, or undefined when it has not finished or has no TTL. */
export function expiresAt(job: KubeObject): number | undefined {
  const cond = finishedCondition(job);
  const ttl = jobSpec(job).ttlSecondsAfterFinished;
  const finishedAt = virtualMs(cond?.lastTransitionTime);
  if (ttl === undefined || finishedAt === undefined) return undefined;
  return finishedAt + ttl * 1000;
}

function processJob(key: string, ctx: ReconcileContext): ReconcileResult | void {
  const { namespace, name } = splitKey(key);
  const job = ctx.get('Job', name, namespace);
  if (!job || job.metadata.deletionTimestamp || !needsCleanup(job)) return;
  const expireAt = expiresAt(job);
  if (expireAt === undefined) return;
  if (expireAt > ctx.now) return { requeueAfter: expireAt - ctx.now };
  const cond = finishedCondition(job)!;
  const ttl = jobSpec(job).ttlSecondsAfterFinished;
  ctx.delete('Job', name, namespace, { propagationPolicy: 'Foreground' },
    `Job ${name} finished (${cond.type}) at ${cond.lastTransitionTime} and ttlSecondsAfterFinished=${ttl} has passed: ` +
    'deleting it with propagationPolicy=Foreground, so the garbage collector deletes its Pods before the Job goes');
}

export const ttlAfterFinishedController: Controller = {
  name: 'ttl-after-finished-controller',
  watches: [{
    kind: 'Job',
    map: (job) => (needsCleanup(job) && !job.metadata.deletionTimestamp ? [keyOf(job)] : []),
  }],
  reconcile: processJob,
};
