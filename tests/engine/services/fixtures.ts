/** Manifests and readers shared by the Service, EndpointSlice, load-balancer and DNS tests. */
import type { Endpoint, EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { Cluster, ClusterView, KubeObject } from '../../../src/engine';

/* eslint-disable @typescript-eslint/no-explicit-any */
export type Obj = Record<string, any>;

/** A Deployment `name` of busybox Pods labelled app=<app> whose readiness is the file /tmp/ready. */
interface DeploymentOptions { name?: string; app?: string; replicas?: number; ports?: string; command?: string }

export function deploymentYaml(options: DeploymentOptions = {}): string {
  const { name = 'web', replicas = 2, ports = '[{containerPort: 8080, name: http}]', command = 'touch /tmp/ready; sleep 3600' } = options;
  const app = options.app ?? name;
  return `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: ${app}}}
  template:
    metadata: {labels: {app: ${app}}}
    spec:
      containers:
      - name: app
        image: busybox:1.36
        command: ["sh", "-c", "${command}"]
        ports: ${ports}
        readinessProbe:
          exec: {command: ["cat", "/tmp/ready"]}
          periodSeconds: 2
`;
}

interface ServiceOptions { name?: string; app?: string; spec?: string; ports?: string; labels?: string }

export function serviceYaml(options: ServiceOptions = {}): string {
  const { name = 'web', spec = '', ports = '[{port: 80, targetPort: http}]', labels = '{}' } = options;
  const app = options.app ?? name;
  return `apiVersion: v1
kind: Service
metadata: {name: ${name}, labels: ${labels}}
spec:
  selector: {app: ${app}}
  ports: ${ports}
${spec}`;
}

/** The EndpointSlices the endpointslice-controller manages for a Service, in name order. */
export function slicesOf(c: Pick<ClusterView, 'list'>, service: string, namespace = 'default'): (EndpointSlice & KubeObject)[] {
  return (c.list('EndpointSlice', namespace) as (EndpointSlice & KubeObject)[])
    .filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === service)
    .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
}

export const endpointsOf = (c: Pick<ClusterView, 'list'>, service: string): Endpoint[] =>
  slicesOf(c, service).flatMap((s) => s.endpoints ?? []);

/** The endpoint of a Pod (by name) in the Service's slices. */
export const endpointFor = (c: Pick<ClusterView, 'list'>, service: string, pod: string) =>
  endpointsOf(c, service).find((e) => e.targetRef?.name === pod);

export const podsOf = (c: Pick<ClusterView, 'list'>, app: string) =>
  c.list('Pod').filter((p) => p.metadata.labels?.app === app).sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));

export const isPodReady = (pod: KubeObject | undefined) =>
  ((pod?.status as Obj | undefined)?.conditions ?? []).some((x: Obj) => x.type === 'Ready' && x.status === 'True');

export const podIP = (pod: KubeObject | undefined) => (pod?.status as Obj | undefined)?.podIP as string | undefined;

export const eventsFor = (c: Cluster, kind: string, name: string) =>
  c.events().filter((e) => (e as Obj).involvedObject?.kind === kind && (e as Obj).involvedObject?.name === name) as Obj[];

export function applyOk(c: Cluster, yaml: string): void {
  const r = c.apply(yaml);
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
}
