import type { KubeObject } from '../api';
import type { ObjectStore, WatchEvent } from '../apiserver/objectStore';
import type { Agenda } from '../core/agenda';
import type { Controller, WatchSpec } from './types';

/**
 * The registered actors and their watches, indexed by kind. A write becomes watch events; each
 * watch maps the object to keys, and the keys join the actor's queue at the current virtual time.
 */
export class ControllerSet {
  private readonly byName = new Map<string, Controller>();
  private readonly byKind = new Map<string, { controller: Controller; watch: WatchSpec }[]>();

  constructor(
    private readonly agenda: Agenda,
    private readonly store: ObjectStore,
    private readonly now: () => number,
  ) {}

  /** Adds an actor; like an informer's initial list, it is handed every object it watches. */
  register(controller: Controller): void {
    if (this.byName.has(controller.name)) throw new Error(`controller ${controller.name} is registered twice`);
    this.byName.set(controller.name, controller);
    for (const watch of controller.watches) {
      const list = this.byKind.get(watch.kind) ?? [];
      list.push({ controller, watch });
      this.byKind.set(watch.kind, list);
      for (const obj of this.store.list(watch.kind)) this.enqueue(controller, watch.map(obj, undefined, this.store));
    }
  }

  unregister(name: string): void {
    const controller = this.byName.get(name);
    if (!controller) return;
    this.byName.delete(name);
    for (const [kind, list] of this.byKind) this.byKind.set(kind, list.filter((w) => w.controller !== controller));
    this.agenda.removeActor(name);
  }

  get(name: string): Controller | undefined {
    return this.byName.get(name);
  }

  dispatch(event: WatchEvent): void {
    const watchers = this.byKind.get(event.object.kind);
    if (!watchers) return;
    const old: KubeObject | undefined = event.type === 'DELETED' ? undefined : event.old;
    for (const { controller, watch } of watchers) this.enqueue(controller, watch.map(event.object, old, this.store));
  }

  private enqueue(controller: Controller, keys: string[]): void {
    for (const key of keys) this.agenda.add(controller.name, key, this.now());
  }
}
