import type { KubeObject } from '../api';
import type { ApiServer } from '../apiserver/apiServer';
import type { ObjectStore } from '../apiserver/objectStore';
import type { Random } from '../core/random';
import type { StepRecorder } from '../core/stepRecorder';
import type { EventRecorder } from '../events/recorder';
import type { RuntimeTables } from '../runtime/nodeRuntime';
import type { RecordTables } from '../runtime/recordTables';
import type { Memo, ReconcileContext, WriteResult } from './types';

export interface ContextDeps {
  now(): number;
  rng: Random;
  store: ObjectStore;
  api: ApiServer;
  steps: StepRecorder;
  events: EventRecorder;
  runtime: RuntimeTables;
  memo: Map<string, unknown>;
  tables: RecordTables;
  wake(actor: string, key: string): void;
}

/** The component name that Events carry for an actor (`kubelet/node-1` reports as `kubelet`). */
export function eventComponent(actor: string): string {
  if (actor.startsWith('kubelet/')) return 'kubelet';
  if (actor === 'kube-scheduler') return 'default-scheduler';
  return actor;
}

/** The ReconcileContext an actor's reconcile (or kubectl) works through. */
export function createContext(actor: string, deps: ContextDeps): ReconcileContext {
  const version = () => deps.steps.version(actor);
  const primary = (write: () => WriteResult, message?: string): WriteResult => {
    deps.steps.beforePrimary();
    const before = deps.store.revisionNow;
    const result = write();
    if (deps.store.revisionNow !== before) deps.steps.afterPrimary(message);
    return result;
  };
  const memo: Memo = {
    get: <T>(key: string) => deps.memo.get(`${actor}|${key}`) as T | undefined,
    set: (key, value) => void deps.memo.set(`${actor}|${key}`, value),
    delete: (key) => void deps.memo.delete(`${actor}|${key}`),
  };
  return {
    get now() {
      return deps.now();
    },
    rng: deps.rng,
    actor,
    get: (kind, name, namespace) => deps.store.get(kind, name, namespace),
    list: (kind, namespace, fieldSelector) => deps.store.list(kind, namespace, fieldSelector),
    create: (obj, message) => primary(() => deps.api.create(obj), message),
    update: (obj, message) => primary(() => deps.api.update(obj), message),
    updateStatus: (obj, message) => primary(() => deps.api.updateStatus(obj), message),
    delete: (kind, name, namespace, options, message) => primary(() => deps.api.delete(kind, name, namespace, options), message),
    event: (involved: KubeObject, type, reason, message, options = {}) => {
      version();
      deps.events.record(involved, type, reason, message,
        { component: options.component ?? eventComponent(actor), host: options.host }, options.fieldPath);
      deps.steps.noteEvent(`${reason}: ${message}`);
    },
    describe: (message) => deps.steps.describe(actor, message),
    runtime: (node) => deps.runtime.store(node, actor, version),
    table: (name) => deps.tables.table(name, version),
    wake: (target, key) => deps.wake(target, key),
    memo,
  };
}
