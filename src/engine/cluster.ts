import type { AddNodeOptions, ApplyResult, Cluster, ClusterOptions, ClusterView, CommandResult, DeleteCommandOptions, DeleteResult,
  DrainOptions, DrainResult, KubeObject, NodeRuntime, ProbeType, ProxyMode, RolloutAction, Step, StepOptions, TrafficSpec } from './api';
import { STEP_HORIZON_MS } from './api';
import { ApiServer } from './apiserver/apiServer';
import { applyManifests } from './apiserver/apply';
import { kindInfo, resolveKindName, type KindInfo } from './apiserver/kinds';
import { kubectlName, notFoundMessage } from './apiserver/messages';
import { rollout as rolloutCommand } from './commands/rollout';
import { setProxyMode as setProxyModeCommand } from './commands/proxyMode';
import { startTraffic as startTrafficCommand, stopTraffic as stopTrafficCommand } from './commands/traffic';
import { scale as scaleObject, setSuspended as setSuspendedObject } from './commands/scale';
import * as faults from './commands/faults';
import { createNodeLease, withRenewTimes } from './controllers/nodelifecycle/lease';
import { newUid } from './apiserver/names';
import { ObjectStore, type WatchEvent } from './apiserver/objectStore';
import { bootstrapCluster, bootstrapMessage } from './bootstrap';
import { createContext, type ContextDeps } from './controllers/context';
import { ControllerSet } from './controllers/controllerSet';
import { builtinControllers } from './controllers/registry';
import type { ReconcileContext } from './controllers/types';
import { Agenda } from './core/agenda';
import { createRandom } from './core/random';
import { StepRecorder } from './core/stepRecorder';
import { EventRecorder } from './events/recorder';
import { createKubelet } from './kubelet/kubelet';
import { createKubeProxy } from './proxy/kubeProxy';
import { RuntimeTables } from './runtime/nodeRuntime';
import { RecordTables } from './runtime/recordTables';

/** The StatusReason kubectl prints for an API error message. */
function errorReason(message: string): string {
  if (message.includes('is forbidden')) return 'Forbidden';
  if (message.includes('the object has been modified')) return 'Conflict';
  if (message.includes(' is invalid')) return 'Invalid';
  return 'NotFound';
}

/** The simulated control plane: an API server, the controllers, the scheduler and one kubelet per Node. */
export class SimulatedCluster implements Cluster {
  private clock = 0;
  private actor = 'kubeadm';
  private returned = 0;
  private readonly rng;
  private readonly recorder = new StepRecorder(() => this.clock);
  private readonly store = new ObjectStore((e) => this.onWrite(e));
  private readonly runtimeTables = new RuntimeTables();
  private readonly recordTables = new RecordTables();
  private readonly memo = new Map<string, unknown>();
  private readonly agenda = new Agenda();
  private readonly controllers: ControllerSet;
  private readonly api: ApiServer;
  private readonly eventRecorder: EventRecorder;
  private readonly listeners = new Set<() => void>();
  private readonly contexts = new Map<string, ReconcileContext>();

  constructor(options: ClusterOptions = {}) {
    this.rng = createRandom(options.seed ?? 1);
    const version = () => this.recorder.version(this.actor);
    this.api = new ApiServer({ store: this.store, rng: this.rng, now: () => this.clock, version });
    this.eventRecorder = new EventRecorder(this.store, () => this.clock, version, () => newUid(this.rng));
    this.controllers = new ControllerSet(this.agenda, this.store, () => this.clock);
    for (const c of builtinControllers()) this.controllers.register(c);
    this.actor = 'kubeadm';
    this.recorder.describe('kubeadm', bootstrapMessage(options.nodes ?? 3));
    bootstrapCluster(this.api, options.nodes ?? 3);
    this.recorder.close();
    this.runDue(0);
    this.returned = this.recorder.steps.length;
  }

  // --- reading -------------------------------------------------------------------------------

  get now(): number {
    return this.clock;
  }

  get stepIndex(): number {
    return this.recorder.steps.length - 1;
  }

  get steps(): readonly Step[] {
    return this.recorder.steps;
  }

  get(kind: string, name: string, namespace?: string): KubeObject | undefined {
    const info = kindInfo(kind) ?? resolveKindName(kind);
    if (!info) return undefined;
    const obj = this.store.get(info.kind, name, info.namespaced ? namespace ?? 'default' : undefined);
    return obj && info.kind === 'Lease' ? this.leases([obj])[0] : obj;
  }

  list(kind: string, namespace?: string): KubeObject[] {
    const info = kindInfo(kind) ?? resolveKindName(kind);
    if (!info) return [];
    const objs = this.store.list(info.kind, info.namespaced ? namespace : undefined);
    return info.kind === 'Lease' ? this.leases(objs) : objs;
  }

  /** Node Leases are renewed every 10s without a write: reading one fills in its last renewal. */
  private leases(objs: KubeObject[], step?: number): KubeObject[] {
    const now = step === undefined ? this.clock : this.recorder.steps[step]?.time ?? 0;
    const node = (name: string) => (step === undefined ? this.store.get('Node', name) : this.store.getAt('Node', name, undefined, step));
    return withRenewTimes(objs, node, this.recordTables.at(faults.HEARTBEATS_TABLE, step), now);
  }

  events(): KubeObject[] {
    return this.store.list('Event');
  }

  runtime(node: string): NodeRuntime {
    return this.runtimeTables.at(node, undefined);
  }

  table<T = unknown>(name: string): [string, T][] {
    return this.recordTables.at<T>(name, undefined);
  }

  at(stepIndex: number): ClusterView {
    const steps = this.recorder.steps;
    const i = Math.max(0, Math.min(stepIndex, steps.length - 1));
    const store = this.store;
    const tables = this.runtimeTables;
    const records = this.recordTables;
    const resolve = (kind: string) => kindInfo(kind) ?? resolveKindName(kind);
    return {
      now: steps[i]?.time ?? 0,
      stepIndex: i,
      get: (kind, name, namespace) => {
        const info = resolve(kind);
        const obj = info ? store.getAt(info.kind, name, info.namespaced ? namespace ?? 'default' : undefined, i) : undefined;
        return obj && info?.kind === 'Lease' ? this.leases([obj], i)[0] : obj;
      },
      list: (kind, namespace) => {
        const info = resolve(kind);
        const objs = info ? store.listAt(info.kind, info.namespaced ? namespace : undefined, i) : [];
        return info?.kind === 'Lease' ? this.leases(objs, i) : objs;
      },
      events: () => store.listAt('Event', undefined, i),
      runtime: (node) => tables.at(node, i),
      table: <T>(name: string) => records.at<T>(name, i),
    };
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  nextActionTime(): number | undefined {
    return this.agenda.peekTime();
  }

  /** Stored versions of objects and runtime records (a measure of memory use). */
  versionCount(): number {
    return this.store.versionCount() + this.runtimeTables.versionCount() + this.recordTables.versionCount();
  }

  // --- commands --------------------------------------------------------------------------------

  apply(yaml: string): ApplyResult {
    const result = applyManifests(yaml, {
      store: this.store, ctx: this.context('kubectl'), rng: this.rng, closeStep: () => this.recorder.close(),
      createAdmitted: (admitted, message) => {
        this.recorder.beforePrimary();
        const before = this.store.revisionNow;
        this.api.createAdmitted(admitted);
        if (this.store.revisionNow !== before) this.recorder.afterPrimary(message);
      },
    });
    this.recorder.close();
    this.returned = this.recorder.steps.length;
    this.notify();
    return result;
  }

  delete(kind: string, name: string, namespace?: string, options: DeleteCommandOptions = {}): DeleteResult {
    return this.command(kind, name, namespace, (ctx, info) => {
      const message = `${kubectlName(info, name).replace('/', ' "')}" deleted`;
      const result = ctx.delete(info.kind, name, info.namespaced ? namespace ?? 'default' : undefined, options, message);
      return result.ok ? { ok: true, message } : { ok: false, message: `Error from server (${errorReason(result.message)}): ${result.message}` };
    }, false);
  }

  scale(kind: string, name: string, replicas: number, namespace?: string): CommandResult {
    return this.command(kind, name, namespace, (ctx, info, obj) => scaleObject(ctx, info, obj!, replicas));
  }

  rollout(action: RolloutAction, kind: string, name: string, namespace?: string, options: { toRevision?: number } = {}): CommandResult {
    return this.command(kind, name, namespace, (ctx, info, obj) => rolloutCommand(ctx, action, info, obj!, options));
  }

  setSuspended(kind: string, name: string, suspended: boolean, namespace?: string): CommandResult {
    return this.command(kind, name, namespace, (ctx, info, obj) => setSuspendedObject(ctx, info, obj!, suspended));
  }

  setProxyMode(mode: ProxyMode): CommandResult {
    return this.run('kubectl', (ctx) => setProxyModeCommand(ctx, mode));
  }

  startTraffic(spec: TrafficSpec): CommandResult & { id?: string } {
    return this.run('user', (ctx) => startTrafficCommand(ctx, spec));
  }

  stopTraffic(id: string): CommandResult {
    return this.run('user', (ctx) => stopTrafficCommand(ctx, id));
  }

  killContainer(pod: string, container: string, namespace?: string, exitCode = 137): CommandResult {
    return this.run('user', (ctx) => faults.killContainer(ctx, pod, container, namespace, exitCode));
  }

  failProbe(pod: string, container: string, probe: ProbeType, failing: boolean, namespace?: string): CommandResult {
    return this.run('user', (ctx) => faults.failProbe(ctx, pod, container, probe, failing, namespace));
  }

  exhaustMemory(pod: string, container: string, namespace?: string): CommandResult {
    return this.run('user', (ctx) => faults.exhaustMemory(ctx, pod, container, namespace));
  }

  stopKubelet(node: string): CommandResult {
    return this.run('user', (ctx) => faults.stopKubelet(ctx, node));
  }

  startKubelet(node: string): CommandResult {
    return this.run('user', (ctx) => faults.startKubelet(ctx, node));
  }

  cordon(node: string): CommandResult {
    return this.run('kubectl', (ctx) => faults.setUnschedulable(ctx, node, true));
  }

  uncordon(node: string): CommandResult {
    return this.run('kubectl', (ctx) => faults.setUnschedulable(ctx, node, false));
  }

  drain(node: string, options: DrainOptions = {}): DrainResult {
    return this.run('kubectl', (ctx) => faults.drain(ctx, node, options));
  }

  addNode(name?: string, options: AddNodeOptions = {}): CommandResult {
    return this.run('user', (ctx) => faults.addNode(ctx, name, options));
  }

  removeNode(name: string): CommandResult {
    return this.run('kubectl', (ctx) => faults.removeNode(ctx, name));
  }

  /** Runs a command as `actor`, its writes becoming Steps. */
  private run<R extends CommandResult>(actor: string, body: (ctx: ReconcileContext) => R): R {
    const result = body(this.context(actor));
    this.recorder.close();
    this.returned = this.recorder.steps.length;
    this.notify();
    return result;
  }

  /** Runs a kubectl command as one or more `kubectl` Steps. */
  private command(kind: string, name: string, namespace: string | undefined,
    run: (ctx: ReconcileContext, info: KindInfo, obj: KubeObject | undefined) => CommandResult, needsObject = true): CommandResult {
    const info = kindInfo(kind) ?? resolveKindName(kind);
    if (!info) return { ok: false, message: `error: the server doesn't have a resource type "${kind}"` };
    const obj = this.store.get(info.kind, name, info.namespaced ? namespace ?? 'default' : undefined);
    if (needsObject && !obj) return { ok: false, message: `Error from server (NotFound): ${notFoundMessage(info.kind, name)}` };
    return this.run('kubectl', (ctx) => run(ctx, info, obj));
  }

  step(options?: StepOptions): Step | undefined {
    const within = options?.withinMs ?? STEP_HORIZON_MS;
    if (!Number.isFinite(within) || within < 0) throw new RangeError(`step(): withinMs must be a finite number >= 0, not ${within}`);
    const limit = this.clock + within;
    while (this.returned >= this.recorder.steps.length) {
      const next = this.agenda.peekTime();
      if (next === undefined || next > limit) return undefined;
      this.runOne();
    }
    const step = this.recorder.steps[this.returned++];
    this.notify();
    return step;
  }

  advance(ms: number): Step[] {
    const from = this.recorder.steps.length;
    this.runDue(this.clock + Math.max(0, ms));
    this.returned = this.recorder.steps.length;
    this.notify();
    return this.recorder.steps.slice(from);
  }

  // --- the control loop ------------------------------------------------------------------------

  /** Runs everything due up to `until`, then leaves the clock there. */
  private runDue(until: number): void {
    for (;;) {
      const next = this.agenda.peekTime();
      if (next === undefined || next > until) break;
      this.runOne();
    }
    this.clock = Math.max(this.clock, until);
  }

  private runOne(): void {
    const entry = this.agenda.pop();
    if (!entry) return;
    this.clock = Math.max(this.clock, entry.time);
    const controller = this.controllers.get(entry.actor);
    if (!controller) return;
    this.actor = controller.name;
    const ctx = this.context(controller.name);
    let requeueAfter: number | undefined;
    try {
      requeueAfter = controller.reconcile(entry.key, ctx)?.requeueAfter;
    } catch (error) {
      // upstream: utilruntime.HandleError logs it and the key is retried with back-off
      this.recorder.close();
      ctx.describe(`Error syncing "${entry.key}": ${error instanceof Error ? error.message : String(error)}`);
      requeueAfter = undefined;
    }
    this.recorder.close();
    if (requeueAfter !== undefined) this.agenda.add(controller.name, entry.key, this.clock + Math.max(0, requeueAfter));
  }

  private context(actor: string): ReconcileContext {
    this.actor = actor;
    let ctx = this.contexts.get(actor);
    if (!ctx) {
      const deps: ContextDeps = {
        now: () => this.clock, rng: this.rng, store: this.store, api: this.api, steps: this.recorder,
        events: this.eventRecorder, runtime: this.runtimeTables, memo: this.memo, tables: this.recordTables,
        wake: (target, key) => void this.agenda.add(target, key, this.clock),
      };
      ctx = createContext(actor, deps);
      this.contexts.set(actor, ctx);
    }
    return ctx;
  }

  private onWrite(event: WatchEvent): void {
    this.recorder.noteChange(event);
    if (event.object.kind === 'Node') {
      const name = event.object.metadata.name;
      if (event.type === 'ADDED') this.controllers.register(createKubelet(name));
      if (event.type === 'DELETED') this.controllers.unregister(`kubelet/${name}`);
      if (event.type === 'ADDED') this.controllers.register(createKubeProxy(name));
      if (event.type === 'DELETED') this.controllers.unregister(`kube-proxy/${name}`);
    }
    this.controllers.dispatch(event);
    if (event.type === 'ADDED' && event.object.kind === 'Node') {
      createNodeLease(this.store, event.object, this.clock, this.recorder.version(this.actor));
    }
  }

  private notify(): void {
    for (const l of this.listeners) l();
  }
}
