/**
 * What one Step did, read from the snapshots around it: each object it wrote (once, in the order
 * first written) with its version before and after the Step, and the Events it emitted or
 * repeated (an Event seen again bumps `count` on the existing object, as client-go aggregates).
 */
import type { ClusterView, KubeObject, Step, StepChange } from '../engine/api';
import type { EventObject } from './events';

export interface ObjectRef {
  kind: string;
  name: string;
  namespace?: string;
}

export interface ChangedObject {
  ref: ObjectRef;
  /** Judged from the snapshots: created in this Step, deleted in it, or changed. */
  type: StepChange['type'];
  before?: KubeObject;
  after?: KubeObject;
}

export const objectKey = (ref: ObjectRef): string => `${ref.kind}/${ref.namespace ?? ''}/${ref.name}`;

/** `pod/web-1`, as kubectl names an object (kind lower-cased). */
export const kubectlName = (ref: ObjectRef): string => `${ref.kind.toLowerCase()}/${ref.name}`;

/**
 * The objects `step` wrote, each once. `before` is the view as of the previous Step (undefined
 * for the very first Step), `after` the view as of this one.
 */
export function changedObjects(step: Step, before: ClusterView | undefined, after: ClusterView): ChangedObject[] {
  const seen = new Map<string, StepChange>();
  for (const c of step.changes) seen.set(objectKey(c), c);
  return [...seen.values()].map((c) => {
    const ref: ObjectRef = { kind: c.kind, name: c.name, ...(c.namespace ? { namespace: c.namespace } : {}) };
    const was = before?.get(c.kind, c.name, c.namespace);
    const is = after.get(c.kind, c.name, c.namespace);
    const type: StepChange['type'] = was && is ? 'MODIFIED' : is ? 'ADDED' : was ? 'DELETED' : c.type;
    return { ref, type, ...(was ? { before: was } : {}), ...(is ? { after: is } : {}) };
  });
}

/**
 * The Events written in this Step: new ones and repeated ones (their resourceVersion moved), in
 * the order the Step lists them (`Reason: message`), Events the Step does not list last.
 */
export function emittedEvents(step: Step, before: ClusterView | undefined, after: ClusterView): EventObject[] {
  if (step.events.length === 0) return [];
  const old = new Map<string, string>();
  for (const e of before?.events() ?? []) old.set(e.metadata.uid, e.metadata.resourceVersion);
  const written = (after.events() as EventObject[]).filter((e) => old.get(e.metadata.uid) !== e.metadata.resourceVersion);
  const order = (e: EventObject) => {
    const i = step.events.indexOf(`${e.reason}: ${e.message}`);
    return i < 0 ? step.events.length : i;
  };
  return written.map((e, i) => ({ e, i, o: order(e) })).sort((x, y) => x.o - y.o || x.i - y.i).map(({ e }) => e);
}

/** The object an Event is about, as a reference the store can select. */
export function involvedRef(e: EventObject): ObjectRef | undefined {
  const o = e.involvedObject;
  if (!o?.kind || !o.name) return undefined;
  return { kind: o.kind, name: o.name, ...(o.namespace ? { namespace: o.namespace } : {}) };
}
