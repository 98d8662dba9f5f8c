/** A workload controller of any kind → what its element shows. */
import type { KubeObject } from '../engine/api';
import type { WorkloadData } from './types';
import { batchWorkloadData } from './workloadsBatch';
import { appsWorkloadData, type WorkloadContext } from './workloadsData';

export function workloadData(obj: KubeObject, ctx: WorkloadContext): WorkloadData {
  const data = appsWorkloadData(obj, ctx) ?? batchWorkloadData(obj, ctx);
  if (!data) throw new Error(`not a workload kind: ${obj.kind}`);
  return data;
}
