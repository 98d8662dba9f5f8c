/**
 * The kubelet: what the rest of the engine and the UI use of it. The core registers
 * `createKubelet(node)` for every Node; the UI prints pods with the kubectl column helpers.
 */
export { createKubelet } from './kubelet';
export { podPhase, isSidecar, type PodPhase } from './phase';
export { qosClass, type QOSClass } from './qos';
export { podReadyColumn, podRestartsColumn, podStatusColumn } from './columns';
export { formatGoDuration, humanDuration } from './goDuration';
export { PAUSE_IMAGE } from './nodeImages';
export {
  volumeFilesTable, readPodVolumeFiles, readContainerFiles,
  type PodVolumeFiles, type WrittenVolume, type ContainerView,
} from './volumeFileTable';
export {
  containerEnvTable, readContainerEnv, type ContainerEnvRecord,
} from './containerEnvTable';
export { decodeSecretValue, fieldRefValue, resourceFieldValue, serviceLinkVars, type ResourceFieldResult } from './envValues';
