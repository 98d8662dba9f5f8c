import { splitKey } from '../../util/objects';
import type { Controller } from '../types';
import { ORPHAN_PREFIX, syncOrphanPod } from './orphanPods';
import { forgetQueueState, queuedSync } from './syncQueue';
import { syncJob } from './syncJob';
import { removeBackoffRecord } from './syncState';
import { jobWatches } from './watches';

/**
 * job-controller: runs every batch/v1 Job to completion or failure (upstream
 * pkg/controller/job). Keys are `namespace/name` of Jobs, and `orphan:namespace/name` of pods
 * whose tracking finalizer no Job will remove.
 */
export const jobController: Controller = {
  name: 'job-controller',
  watches: jobWatches,
  reconcile(key, ctx) {
    if (key.startsWith(ORPHAN_PREFIX)) return syncOrphanPod(ctx, key);
    const { namespace, name } = splitKey(key);
    const job = ctx.get('Job', name, namespace);
    if (!job) {
      forgetQueueState(ctx, key);
      removeBackoffRecord(ctx, key);
      return;
    }
    return queuedSync(ctx, key, job, () => syncJob(ctx, key, job));
  },
};
