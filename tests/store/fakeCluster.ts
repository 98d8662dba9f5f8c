import type { ApplyResult, Cluster, ClusterView, KubeObject, Step } from '../../src/engine/api';

/**
 * A stand-in for the engine that records calls: every successful apply is one `kubectl` Step
 * and leaves `followUps` Steps pending; text containing `BROKEN` fails like a validation error.
 */
export class FakeCluster implements Cluster {
  readonly steps: Step[] = [];
  readonly applied: string[] = [];
  pending = 0;
  now = 0;
  private listeners = new Set<() => void>();

  /** Index of the next recorded Step that step() has not returned yet. */
  private returned = 0;

  constructor(
    readonly followUps = 3,
    readonly batch = 1,
  ) {}

  get stepIndex() {
    return this.steps.length - 1;
  }

  apply(yaml: string): ApplyResult {
    if (yaml.includes('BROKEN')) {
      return { ok: false, errors: [{ message: 'The Pod "p" is invalid: spec.containers[0].image: Required value', line: 2, column: 3, document: 0 }] };
    }
    this.applied.push(yaml);
    this.record('kubectl', 'apply');
    this.pending += this.followUps;
    this.emit();
    return { ok: true, results: [{ kind: 'Deployment', name: 'web', namespace: 'default', action: 'created' }] };
  }

  delete(kind: string, name: string) {
    this.record('kubectl', `delete ${kind} ${name}`);
    this.emit();
    return { ok: true, message: `${kind.toLowerCase()} "${name}" deleted` };
  }

  scale(kind: string, name: string, replicas: number) {
    this.record('kubectl', `scale ${kind} ${name} --replicas=${replicas}`);
    this.emit();
    return { ok: true, message: `${kind.toLowerCase()}/${name} scaled` };
  }

  rollout(action: string, kind: string, name: string) {
    this.record('kubectl', `rollout ${action} ${kind} ${name}`);
    this.emit();
    return { ok: true, message: `${kind.toLowerCase()}/${name} ${action}` };
  }

  setSuspended(kind: string, name: string, suspended: boolean) {
    this.record('kubectl', `patch ${kind} ${name} suspend=${suspended}`);
    this.emit();
    return { ok: true, message: `${kind.toLowerCase()}/${name} patched` };
  }

  /**
   * Like the engine: one pending action may record `batch` Steps at once, and step() hands the
   * recorded Steps out one at a time (so `steps` can run ahead of what step() has returned).
   */
  step(): Step | undefined {
    if (this.returned >= this.steps.length) {
      if (this.pending === 0) return undefined;
      this.pending -= 1;
      this.now += 1000;
      for (let i = 0; i < this.batch; i++) this.record('controller', `action ${this.steps.length}`);
    }
    const step = this.steps[this.returned++];
    this.emit();
    return step;
  }

  advance(): Step[] {
    const out: Step[] = [];
    for (let s = this.step(); s; s = this.step()) out.push(s);
    return out;
  }

  nextActionTime() {
    return this.pending > 0 || this.returned < this.steps.length ? this.now + 1000 : undefined;
  }

  at(stepIndex: number): ClusterView {
    return { ...this.emptyView(), now: this.steps[stepIndex].time, stepIndex };
  }

  get(): KubeObject | undefined {
    return undefined;
  }
  list(): KubeObject[] {
    return [];
  }
  events(): KubeObject[] {
    return [];
  }
  runtime() {
    return { sandboxes: [], containers: [] };
  }

  table<T>(): [string, T][] {
    return [];
  }

  setProxyMode(mode: string) {
    this.record('kubectl', `set proxy mode ${mode}`);
    return { ok: true, message: 'configmap/kube-proxy edited' };
  }

  startTraffic() {
    return { ok: true, message: 'traffic-1', id: 'traffic-1' };
  }

  stopTraffic() {
    return { ok: true, message: 'stopped' };
  }

  killContainer(pod: string, container: string) {
    return this.user(`kill container ${container} of ${pod}`);
  }

  failProbe(pod: string, container: string, probe: string, failing: boolean) {
    return this.user(`${failing ? 'fail' : 'recover'} ${probe} probe of ${pod}/${container}`);
  }

  exhaustMemory(pod: string, container: string) {
    return this.user(`exhaust memory of ${pod}/${container}`);
  }

  stopKubelet(node: string) {
    return this.user(`stop kubelet on ${node}`);
  }

  startKubelet(node: string) {
    return this.user(`start kubelet on ${node}`);
  }

  cordon(node: string) {
    return this.user(`cordon ${node}`);
  }

  uncordon(node: string) {
    return this.user(`uncordon ${node}`);
  }

  drain(node: string) {
    return { ...this.user(`drain ${node}`), lines: [`node/${node} drained`] };
  }

  addNode(name = 'node-4') {
    return this.user(`add node ${name}`);
  }

  removeNode(name: string) {
    return this.user(`remove node ${name}`);
  }

  private user(message: string) {
    this.record('user', message);
    return { ok: true, message };
  }

  subscribe(listener: () => void) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get listenerCount() {
    return this.listeners.size;
  }

  private emptyView(): ClusterView {
    return { now: this.now, stepIndex: this.stepIndex, get: () => undefined, list: () => [], events: () => [], runtime: () => this.runtime(), table: () => [] };
  }

  private record(actor: string, message: string): Step {
    const step: Step = { index: this.steps.length, time: this.now, actor, message, changes: [], events: [] };
    this.steps.push(step);
    if (actor === 'kubectl') this.returned = this.steps.length;
    return step;
  }

  private emit() {
    for (const l of this.listeners) l();
  }
}

/** An in-memory localStorage. */
export function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
  };
}
