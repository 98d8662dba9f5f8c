/**
 * The message catalogs: one file per area of the UI, each holding the English messages and their
 * Simplified Chinese translations side by side (a key missing in Chinese is a type error there).
 * Keys are `area.name`; Kubernetes terms (Pod, Node, Deployment, kubelet…) stay in English in both.
 */
import type { Messages } from '../types';
import { canvas } from './canvas';
import { common } from './common';
import { editor } from './editor';
import { graph } from './graph';
import { inspector } from './inspector';
import { shell } from './shell';
import { timeline } from './timeline';
import { stepDetail } from './stepDetail';
import { timelineFilters } from './timelineFilters';
import { actions } from './actions';
import { container } from './container';
import { rollout } from './rollout';
import { network } from './network';
import { hpa } from './hpa';
import { classroom } from './classroom';
import { faults } from './faults';
import { namespaces } from './namespaces';

/** Every area, for tests that check the areas do not share a key. */
export const AREAS = {
  common, shell, editor, canvas, graph, timeline, inspector,
  stepDetail, timelineFilters, actions, container, rollout, network, hpa, classroom, faults, namespaces,
} as const;

export const en = {
  ...common.en, ...shell.en, ...editor.en, ...canvas.en, ...graph.en, ...timeline.en, ...inspector.en,
  ...stepDetail.en, ...timelineFilters.en, ...actions.en, ...container.en, ...rollout.en, ...network.en, ...hpa.en, ...classroom.en, ...faults.en, ...namespaces.en,
} as const;

export const zh: Messages<typeof en> = {
  ...common.zh, ...shell.zh, ...editor.zh, ...canvas.zh, ...graph.zh, ...timeline.zh, ...inspector.zh,
  ...stepDetail.zh, ...timelineFilters.zh, ...actions.zh, ...container.zh, ...rollout.zh, ...network.zh, ...hpa.zh, ...classroom.zh, ...faults.zh, ...namespaces.zh,
};
