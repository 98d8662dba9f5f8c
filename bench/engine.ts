/**
 * Engine benchmarks, in plain Node: 1,000 Pods over 100 Nodes to Running, time per Step, and
 * memory per 1,000 Steps. Prints one JSON line for bench/run.mjs.
 */
import { performance } from 'node:perf_hooks';
import { createCluster, type Cluster } from '../src/engine';
import { localizeStepMessage } from '../src/i18n/stepText';

function podsManifest(count: number): string {
  const docs: string[] = [];
  for (let i = 0; i < count; i++) {
    docs.push(`apiVersion: v1
kind: Pod
metadata:
  name: load-${i}
  labels:
    app: load
spec:
  containers:
  - name: app
    image: nginx:1.27
    resources:
      requests:
        cpu: 100m
        memory: 64Mi
`);
  }
  return docs.join('---\n');
}

function nodesManifest(count: number): string {
  const docs: string[] = [];
  for (let i = 4; i <= count; i++) docs.push(`apiVersion: v1\nkind: Node\nmetadata:\n  name: node-${i}\n`);
  return docs.join('---\n');
}

function allRunning(cluster: Cluster): boolean {
  return cluster.list('Pod').every((p) => (p.status as { phase?: string }).phase === 'Running');
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function scale(pods: number, nodes: number) {
  const cluster = createCluster({ seed: 1, nodes: 3 });
  if (nodes > 3) cluster.apply(nodesManifest(nodes));
  cluster.advance(5_000);
  const text = podsManifest(pods);
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const stepsBefore = cluster.steps.length;
  const t0 = performance.now();
  const applied = cluster.apply(text);
  if (!applied.ok) throw new Error(applied.errors[0].message);
  const applyMs = performance.now() - t0;
  let guard = 0;
  while (!allRunning(cluster)) {
    cluster.advance(1_000);
    if (++guard > 600) throw new Error('pods did not reach Running in 10 virtual minutes');
  }
  const ms = performance.now() - t0;
  const steps = cluster.steps.length - stepsBefore;
  gc();
  const heapAfter = process.memoryUsage().heapUsed;
  const t1 = performance.now();
  let reads = 0;
  for (let i = 0; i < cluster.steps.length; i += Math.max(1, Math.floor(cluster.steps.length / 50))) {
    reads += cluster.at(i).list('Pod').length;
  }
  const atMs = (performance.now() - t1) / 50;
  // the timeline in Chinese: every Step message of the run worded in zh-CN (memoised per message)
  const t2 = performance.now();
  for (const step of cluster.steps) localizeStepMessage(step.message, 'zh-CN');
  const usPerZhMessage = ((performance.now() - t2) * 1000) / cluster.steps.length;
  return {
    pods, nodes, steps, virtualSeconds: cluster.now / 1000,
    msToRunning: Math.round(ms),
    msApply: Math.round(applyMs),
    usPerStep: Math.round((ms * 1000) / steps),
    heapMBPer1000Steps: Math.round(((heapAfter - heapBefore) / steps) * 1000 / 1e6 * 100) / 100,
    msPerPastListOfPods: Math.round(atMs * 100) / 100,
    usPerStepMessageInChinese: Math.round(usPerZhMessage * 10) / 10,
    reads,
  };
}

function deploymentManifest(replicas: number, image: string): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: big
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: big
  template:
    metadata:
      labels:
        app: big
    spec:
      containers:
      - name: app
        image: ${image}
        resources:
          requests:
            cpu: 100m
            memory: 64Mi
`;
}

function rolledOut(cluster: Cluster, replicas: number): boolean {
  const status = (cluster.get('Deployment', 'big')?.status ?? {}) as Record<string, number>;
  return status.updatedReplicas === replicas && status.availableReplicas === replicas && status.replicas === replicas;
}

/** A rollout of a `replicas`-replica Deployment over `nodes` Nodes: engine time from the image change to done. */
function rollout(replicas: number, nodes: number) {
  const cluster = createCluster({ seed: 1, nodes: 3 });
  if (nodes > 3) cluster.apply(nodesManifest(nodes));
  cluster.apply(deploymentManifest(replicas, 'nginx:1.26'));
  const t0 = performance.now();
  let guard = 0;
  while (!rolledOut(cluster, replicas)) {
    cluster.advance(5_000);
    if (++guard > 2_000) throw new Error('the Deployment did not become available');
  }
  const createMs = performance.now() - t0;
  const steps0 = cluster.steps.length;
  const virtual0 = cluster.now;
  const t1 = performance.now();
  cluster.apply(deploymentManifest(replicas, 'nginx:1.27'));
  cluster.advance(1_000);
  while (!rolledOut(cluster, replicas)) {
    cluster.advance(5_000);
    if (++guard > 4_000) throw new Error('the rollout did not complete');
  }
  return {
    replicas, nodes, msToCreate: Math.round(createMs), msToRollOut: Math.round(performance.now() - t1),
    rolloutSteps: cluster.steps.length - steps0, rolloutVirtualSeconds: Math.round((cluster.now - virtual0) / 1000),
  };
}

const pods = Number(process.env.BENCH_PODS ?? 1000);
const nodes = Number(process.env.BENCH_NODES ?? 100);
// the first run in a fresh process includes compiling the engine (JIT); a second one shows steady speed
const cold = scale(pods, nodes);
const warm = scale(pods, nodes);
const deployment = rollout(Number(process.env.BENCH_REPLICAS ?? 1000), nodes);
console.log(JSON.stringify({ engine: { ...warm, coldMsToRunning: cold.msToRunning, coldUsPerStepMessageInChinese: cold.usPerStepMessageInChinese, rollout: deployment } }));
