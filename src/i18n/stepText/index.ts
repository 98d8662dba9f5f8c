/**
 * Every Step message pattern, by actor or area. Clause patterns translate the parts a message
 * embeds (the `why` of a scale, one item of a list); they are tried before the message patterns
 * when a clause is translated, and never for a whole message.
 */
import { daemonSetClauses, daemonSetMessages } from './daemonSet';
import { deploymentClauses, deploymentMessages } from './deployment';
import { endpointsClauses, endpointsMessages } from './endpoints';
import { faultClauses, faultMessages } from './faults';
import { hpaClauses, hpaMessages } from './hpa';
import { jobClauses, jobMessages } from './job';
import { fallbackMessages, kubectlMessages } from './kubectl';
import { kubeletClauses, kubeletMessages } from './kubelet';
import { lifecycleMessages } from './lifecycle';
import { networkClauses, networkMessages } from './network';
import { nodeClauses, nodeMessages } from './nodes';
import type { Rule } from './patternTable';
import { replicaSetClauses, replicaSetMessages } from './replicaSet';
import { schedulerMessages } from './scheduler';
import { statefulSetClauses, statefulSetMessages } from './statefulSet';
import { storageClauses, storageMessages } from './storage';
import { volumeFilesClauses, volumeFilesMessages } from './volumeFiles';

/** Whole Step messages, by area; a message may also be embedded in another one. */
export const MESSAGE_RULES: readonly Rule[] = [
  ...deploymentMessages,
  ...replicaSetMessages,
  ...statefulSetMessages,
  ...daemonSetMessages,
  ...jobMessages,
  ...kubeletMessages,
  ...volumeFilesMessages,
  ...schedulerMessages,
  ...endpointsMessages,
  ...networkMessages,
  ...nodeMessages,
  ...faultMessages,
  ...hpaMessages,
  ...storageMessages,
  ...lifecycleMessages,
  ...kubectlMessages,
];

/** Tried last, and only on a whole message: the recorder's own wording, and a bare `Reason: message` Event. */
export const FALLBACK_RULES: readonly Rule[] = fallbackMessages;

export const CLAUSE_RULES: readonly Rule[] = [
  ...deploymentClauses,
  ...replicaSetClauses,
  ...statefulSetClauses,
  ...daemonSetClauses,
  ...jobClauses,
  ...kubeletClauses,
  ...volumeFilesClauses,
  ...endpointsClauses,
  ...networkClauses,
  ...nodeClauses,
  ...faultClauses,
  ...hpaClauses,
  ...storageClauses,
];
