/** Engine scenarios shared by the network and HPA projection tests (and the graph traffic layer's). */
import { createCluster, type Cluster } from '../../src/engine';

export const webDeployment = (replicas = 3, cpu = '100m') => `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: app
        image: registry.k8s.io/e2e-test-images/agnhost:2.39
        args: [netexec, --http-port=8080]
        resources: {requests: {cpu: ${cpu}}}
`;

export const webService = (extra = '') => `apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{port: 80, targetPort: 8080}]${extra}
`;

/** Turns unready ~10s after it starts: /healthz answers 500 from then on. */
export const flakyPod = (name: string) => `apiVersion: v1
kind: Pod
metadata: {name: ${name}, labels: {app: web}}
spec:
  containers:
  - name: app
    image: registry.k8s.io/liveness
    args: [/server]
    readinessProbe:
      httpGet: {path: /healthz, port: 8080}
      periodSeconds: 1
      failureThreshold: 1
`;

export const cpuHpa = (target = 50, max = 10) => `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: web}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
  minReplicas: 1
  maxReplicas: ${max}
  metrics:
  - type: Resource
    resource: {name: cpu, target: {type: Utilization, averageUtilization: ${target}}}
`;

export const join = (...docs: string[]) => docs.join('---\n');

/** Runs until `done` holds, at most `maxMs` of virtual time. */
export function runUntil(c: Cluster, done: () => boolean, maxMs = 120_000): void {
  const deadline = c.now + maxMs;
  while (!done()) {
    if (c.now >= deadline) throw new Error(`not reached within ${maxMs} ms of virtual time`);
    if (!c.step()) c.advance(1000);
  }
}

/** Every kube-proxy has programmed `n` endpoints for default/web. */
export function proxiesReady(c: Cluster, n: number): boolean {
  return c.list('Node').every((node) => {
    const rules = new Map(c.table<{ model: { services: { name: string; clusterEndpoints: string[] }[] } }>(`kube-proxy/${node.metadata.name}`)).get('rules');
    return rules?.model.services.some((s) => s.name === 'default/web' && s.clusterEndpoints.length === n) ?? false;
  });
}

/** A cluster with `docs` applied and default/web served by `endpoints` ready Pods on every Node, at a whole second. */
export function servedCluster(docs: string, endpoints: number): Cluster {
  const c = createCluster();
  const applied = c.apply(docs);
  if (!applied.ok) throw new Error(JSON.stringify(applied.errors));
  runUntil(c, () => proxiesReady(c, endpoints), 120_000);
  c.advance((1000 - (c.now % 1000)) % 1000);
  return c;
}

/** Indexes of the Steps the traffic generator recorded, from `from` on. */
export function trafficSteps(c: Cluster, from = 0): number[] {
  const out: number[] = [];
  for (let i = from; i < c.steps.length; i++) if (c.steps[i].actor === 'traffic-generator') out.push(i);
  return out;
}
