import type { NodeRuntime, RuntimeContainer, RuntimeSandbox } from '../api';
import type { NodeRuntimeStore } from '../controllers/types';
import { History } from '../core/history';
import { deepFreeze } from '../util/objects';

interface NodeTables {
  sandboxes: History<RuntimeSandbox>;
  containers: History<RuntimeContainer>;
  images: History<string>;
}

/**
 * What each Node's container runtime holds (sandboxes, containers, images), versioned by Step
 * like the API objects, so `runtime(node)` can be read at any past Step.
 */
export class RuntimeTables {
  private readonly nodes = new Map<string, NodeTables>();

  private tables(node: string): NodeTables {
    let t = this.nodes.get(node);
    if (!t) {
      t = { sandboxes: new History(), containers: new History(), images: new History() };
      this.nodes.set(node, t);
    }
    return t;
  }

  private readonly stores = new Map<string, NodeRuntimeStore>();

  /** The runtime of `node` as `actor` writes it (its writes belong to the actor's current Step). */
  store(node: string, actor: string, version: () => number): NodeRuntimeStore {
    const id = `${node}\u0000${actor}`;
    let store = this.stores.get(id);
    if (!store) {
      store = this.createStore(node, version);
      this.stores.set(id, store);
    }
    return store;
  }

  private createStore(node: string, version: () => number): NodeRuntimeStore {
    const t = this.tables(node);
    return {
      sandboxes: () => [...t.sandboxes.values()],
      containers: () => [...t.containers.values()],
      images: () => [...t.images.values()],
      putSandbox: (s) => t.sandboxes.set(s.id, deepFreeze({ ...s }), version()),
      removeSandbox: (id) => t.sandboxes.set(id, undefined, version()),
      putContainer: (c) => t.containers.set(c.id, deepFreeze({ ...c }), version()),
      removeContainer: (id) => t.containers.set(id, undefined, version()),
      addImage: (reference) => {
        if (!t.images.get(reference)) t.images.set(reference, reference, version());
      },
    };
  }

  /** The runtime of `node` as of right after Step `step` (the newest when undefined). */
  at(node: string, step: number | undefined): NodeRuntime {
    const t = this.nodes.get(node);
    if (!t) return { sandboxes: [], containers: [] };
    const pick = <T>(h: History<T>) => (step === undefined ? [...h.values()] : h.valuesAt(step));
    return { sandboxes: pick(t.sandboxes), containers: pick(t.containers) };
  }

  versionCount(): number {
    let n = 0;
    for (const t of this.nodes.values()) n += t.sandboxes.versionCount() + t.containers.versionCount() + t.images.versionCount();
    return n;
  }
}
