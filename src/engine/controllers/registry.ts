import { schedulerController } from '../scheduler/schedulerController';
import { nodeIpamController } from './nodeIpamController';
import { nodeLifecycleController } from './nodeLifecycleController';
import { taintEvictionController } from './nodelifecycle/taintEvictionController';
import { disruptionController } from './disruption/disruptionController';
import { drainActor } from '../commands/faults/drainActor';
import { podGcController } from './podGcController';
import { rootCaCertPublisher, serviceAccountController } from './serviceAccountController';
import { garbageCollector } from './garbagecollector/garbageCollector';
import { replicaSetController, replicationControllerController } from './replicaset/replicaSetController';
import { deploymentController } from './deployment/deploymentController';
import { statefulSetController } from './statefulset/statefulSetController';
import { daemonSetController } from './daemonset/daemonSetController';
import { trafficGenerator } from '../traffic/trafficGenerator';
import { metricsServer } from '../metrics/metricsServer';
import { horizontalPodAutoscalerController } from './podautoscaler/horizontalPodAutoscalerController';
import { jobController } from './job/jobController';
import { ttlAfterFinishedController } from './job/ttlAfterFinishedController';
import { cronJobController } from './cronjob/cronJobController';
import { endpointSliceController } from './endpointslice/endpointSliceController';
import { endpointsController } from './endpoints/endpointsController';
import { endpointSliceMirroringController } from './endpoints/endpointSliceMirroringController';
import { serviceController } from './service/serviceController';
import { volumeControllers } from './volume';
import { namespaceController } from './namespace/namespaceController';
import { resourceQuotaController } from './resourcequota/resourceQuotaController';
import type { Controller } from './types';

/**
 * Every control-plane actor that runs from the start, in one list (kube-controller-manager's
 * controller set plus the scheduler). Kubelets are added per Node as Nodes appear.
 */
export function builtinControllers(): Controller[] {
  const controllers: Controller[] = [
    schedulerController,
    nodeIpamController,
    nodeLifecycleController,
    serviceAccountController,
    rootCaCertPublisher,
    podGcController,
    replicaSetController, replicationControllerController, garbageCollector,
    deploymentController,
    jobController, ttlAfterFinishedController, cronJobController,
    statefulSetController, daemonSetController,
    trafficGenerator, metricsServer,
    horizontalPodAutoscalerController,
    endpointSliceController, endpointsController, endpointSliceMirroringController, serviceController,
    ...volumeControllers,
    namespaceController, resourceQuotaController,
    taintEvictionController, disruptionController, drainActor,
  ];
  const names = new Set<string>();
  for (const c of controllers) {
    if (names.has(c.name)) throw new Error(`controller ${c.name} is listed twice`);
    names.add(c.name);
  }
  return controllers;
}
