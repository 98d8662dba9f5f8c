/** Small builders for scheduler tests: Nodes and Pods as the API server would store them. */
import type { Container, Node, Pod, PodSpec, Taint } from 'kubernetes-types/core/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { createRandom } from '../../../src/engine/core/random';
import { buildNodeInfos } from '../../../src/engine/scheduler/framework';
import { schedulePod, type ScheduleResult } from '../../../src/engine/scheduler/schedule';

export interface NodeOptions {
  cpu?: string;
  memory?: string;
  pods?: string;
  labels?: Record<string, string>;
  taints?: Taint[];
  unschedulable?: boolean;
  images?: { names: string[]; sizeBytes: number }[];
}

export function makeNode(name: string, o: NodeOptions = {}): Node {
  const capacity = { cpu: o.cpu ?? '4', memory: o.memory ?? '8Gi', pods: o.pods ?? '110' };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, ...o.labels } },
    spec: { taints: o.taints, unschedulable: o.unschedulable },
    status: { capacity, allocatable: capacity, images: o.images },
  };
}

export function container(name: string, requests?: Record<string, string>, limits?: Record<string, string>): Container {
  return { name, image: 'nginx:1.25', resources: { requests, limits } };
}

export function makePod(name: string, spec: Partial<PodSpec> = {}, labels?: Record<string, string>): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', labels, uid: `uid-${name}` },
    spec: { containers: [container('app')], ...spec },
    status: { phase: spec.nodeName ? 'Running' : 'Pending' },
  };
}

/** A pod requesting cpu/memory, optionally bound to a node. */
export function podWith(name: string, requests: Record<string, string>, extra: Partial<PodSpec> = {}, labels?: Record<string, string>): Pod {
  return makePod(name, { containers: [container('app', requests)], ...extra }, labels);
}

export interface RunOptions {
  seed?: number;
  spreadSelectors?: LabelSelector[];
}

export function run(pod: Pod, nodes: Node[], pods: Pod[] = [], o: RunOptions = {}): ScheduleResult {
  return schedulePod({
    pod,
    nodes: buildNodeInfos(nodes, pods),
    rng: createRandom(o.seed ?? 1),
    spreadSelectors: o.spreadSelectors ?? [],
  });
}

export function expectFailure(result: ScheduleResult) {
  if (result.ok) throw new Error(`expected a scheduling failure, got node ${result.node}`);
  return result;
}

export function expectSuccess(result: ScheduleResult) {
  if (!result.ok) throw new Error(`expected the pod to be scheduled, got: ${result.message}`);
  return result;
}
