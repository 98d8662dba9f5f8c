import type { Controller } from '../types';
import { syncDeployment } from './syncDeployment';
import { deploymentWatches } from './watches';

/**
 * deployment-controller: rolls each Deployment's Pods from ReplicaSet to ReplicaSet (RollingUpdate
 * or Recreate), scales them proportionally, keeps revisions and history, and reports progress.
 */
export const deploymentController: Controller = {
  name: 'deployment-controller',
  watches: deploymentWatches,
  reconcile: syncDeployment,
};
