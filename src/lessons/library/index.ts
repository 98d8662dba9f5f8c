/**
 * The lesson library, in chapter order. Adding a lesson: write one file next to this one that
 * exports a `Lesson`, and list it here; `tests/lessons/lessons.test.ts` then runs it to its end.
 */
import type { Lesson } from '../types';
import { daemonSet } from './daemonSet';
import { declarativeApi } from './declarativeApi';
import { deploymentRollout } from './deploymentRollout';
import { horizontalPodAutoscaler } from './horizontalPodAutoscaler';
import { jobsAndCronJobs } from './jobsAndCronJobs';
import { namespaces } from './namespaces';
import { persistentStorage } from './persistentStorage';
import { podPauseContainer } from './podPauseContainer';
import { replicaSet } from './replicaSet';
import { serviceDiscovery } from './serviceDiscovery';
import { statefulSet } from './statefulSet';
import { volumes } from './volumes';

export const LESSONS: readonly Lesson[] = [
  declarativeApi,
  podPauseContainer,
  replicaSet,
  deploymentRollout,
  serviceDiscovery,
  volumes,
  persistentStorage,
  namespaces,
  statefulSet,
  daemonSet,
  jobsAndCronJobs,
  horizontalPodAutoscaler,
].sort((a, b) => a.chapter - b.chapter);

export function lessonById(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}
