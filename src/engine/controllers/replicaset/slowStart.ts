/** upstream controller.SlowStartInitialBatchSize */
export const SLOW_START_INITIAL_BATCH_SIZE = 1;

/** upstream BurstReplicas: at most this many creates or deletes per sync. */
export const BURST_REPLICAS = 500;

/** The batch sizes upstream slowStartBatch tries for `count` calls: 1, 2, 4, … and then the rest. */
export function slowStartBatches(count: number, initial = SLOW_START_INITIAL_BATCH_SIZE): number[] {
  const batches: number[] = [];
  let remaining = count;
  for (let size = Math.min(remaining, initial); size > 0; size = Math.min(2 * size, remaining)) {
    batches.push(size);
    remaining -= size;
  }
  return batches;
}

/**
 * upstream slowStartBatch: runs `fn` in batches of growing size; the first batch with a failure
 * finishes (its calls run "in parallel"), and the batches after it are skipped.
 * Returns the number of successes and the first error.
 */
export function slowStartBatch<E>(count: number, fn: (batchSize: number, indexInBatch: number) => E | undefined,
  initial = SLOW_START_INITIAL_BATCH_SIZE): { successes: number; error?: E } {
  let successes = 0;
  for (const size of slowStartBatches(count, initial)) {
    let error: E | undefined;
    for (let i = 0; i < size; i++) {
      const e = fn(size, i);
      if (e === undefined) successes++;
      else error ??= e;
    }
    if (error !== undefined) return { successes, error };
  }
  return { successes };
}
