import type { Step, StepChange } from '../api';
import type { WatchEvent } from '../apiserver/objectStore';

interface Group {
  index: number;
  actor: string;
  time: number;
  message?: string;
  described?: string;
  changes: StepChange[];
  events: string[];
  hasPrimary: boolean;
}

/**
 * Cuts the writes of the control plane into Steps: one API object write per Step, with the Events
 * and runtime records that go with it. The Step index is fixed when its first write happens, so
 * every version stored during the Step is tagged with it.
 */
export class StepRecorder {
  readonly steps: Step[] = [];
  private group: Group | undefined;

  constructor(private readonly now: () => number) {}

  /** The index of the Step being written, opening one for `actor` if none is. */
  version(actor: string): number {
    if (!this.group) {
      this.group = { index: this.steps.length, actor, time: this.now(), changes: [], events: [], hasPrimary: false };
    }
    return this.group.index;
  }

  /** Before an API object write: a Step already holding one is closed first. */
  beforePrimary(): void {
    if (this.group?.hasPrimary) this.close();
  }

  /** After an API object write that changed something. */
  afterPrimary(message?: string): void {
    const g = this.group;
    if (!g) return;
    g.hasPrimary = true;
    if (message && !g.message) g.message = message;
  }

  describe(actor: string, message: string): void {
    this.version(actor);
    this.group!.described = message;
  }

  noteChange(event: WatchEvent): void {
    if (!this.group) return;
    const { kind, metadata } = event.object;
    if (kind === 'Event') return;
    this.group.changes.push({ type: event.type, kind, name: metadata.name,
      ...(metadata.namespace ? { namespace: metadata.namespace } : {}) });
  }

  noteEvent(text: string): void {
    this.group?.events.push(text);
  }

  get open(): boolean {
    return this.group !== undefined;
  }

  close(): Step | undefined {
    const g = this.group;
    if (!g) return undefined;
    this.group = undefined;
    const step: Step = {
      index: g.index,
      time: g.time,
      actor: g.actor,
      message: g.message ?? g.described ?? autoMessage(g),
      changes: g.changes,
      events: g.events,
    };
    this.steps.push(step);
    return step;
  }
}

function autoMessage(g: Group): string {
  const c = g.changes[0];
  if (c) {
    const verb = c.type === 'ADDED' ? 'Created' : c.type === 'DELETED' ? 'Deleted' : 'Updated';
    return `${verb} ${c.kind} ${c.namespace ? `${c.namespace}/` : ''}${c.name}`;
  }
  return g.events[0] ?? 'Updated the container runtime';
}
