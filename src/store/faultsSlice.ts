/**
 * Faults and Node actions from the UI (context menu, inspector): kill a container, make a probe
 * fail, exhaust memory, stop/start a kubelet, cordon/uncordon/drain/add/remove a Node, delete a
 * Pod. Like `commandsSlice`, each calls one engine command on the cluster as it is now, keeps its
 * output in `lastCommand` (shown by the inspector's command output), and on success moves the
 * cursor to the newest Step and follows it.
 */
import type { AddNodeOptions, Cluster, CommandResult, DrainOptions, ProbeType } from '../engine/api';
import type { CommandOutcome } from './commandsSlice';
import type { ObjectRef, SliceGet, SliceSet } from './types';

/** A container of a Pod. */
export interface ContainerRef {
  pod: string;
  container: string;
  namespace?: string;
}

export interface FaultsSlice {
  /** The container's main process dies with `exitCode` (137 = SIGKILL, the default). */
  killContainer(target: ContainerRef, exitCode?: number): CommandResult;
  /** Makes the container's probe fail (`failing`), or answer as the app does again. */
  failProbe(target: ContainerRef, probe: ProbeType, failing: boolean): CommandResult;
  /** The container allocates memory without end (OOMKilled at its limit). */
  exhaustMemory(target: ContainerRef): CommandResult;
  stopKubelet(node: string): CommandResult;
  startKubelet(node: string): CommandResult;
  cordon(node: string): CommandResult;
  uncordon(node: string): CommandResult;
  /** `kubectl drain`; the output shown is the lines printed so far. */
  drain(node: string, options?: DrainOptions): CommandResult;
  addNode(name?: string, options?: AddNodeOptions): CommandResult;
  removeNode(name: string): CommandResult;
  /** `kubectl delete pod <name> [--grace-period=N]`. */
  deletePod(pod: string, namespace?: string, gracePeriodSeconds?: number): CommandResult;
}

const nsFlag = (ns?: string): string => (ns && ns !== 'default' ? ` -n ${ns}` : '');

/** The command lines the actions stand for (the faults are not kubectl commands: they say what happens). */
export const faultLines = {
  kill: (t: ContainerRef, code: number) => `kill container ${t.container} of pod/${t.pod}${nsFlag(t.namespace)} (exit code ${code})`,
  probe: (t: ContainerRef, probe: ProbeType, failing: boolean) =>
    `${failing ? 'fail' : 'recover'} ${probe} probe of container ${t.container} in pod/${t.pod}${nsFlag(t.namespace)}`,
  memory: (t: ContainerRef) => `exhaust memory of container ${t.container} in pod/${t.pod}${nsFlag(t.namespace)}`,
  kubelet: (node: string, start: boolean) => `systemctl ${start ? 'start' : 'stop'} kubelet   # on ${node}`,
  cordon: (node: string, on: boolean) => `kubectl ${on ? 'cordon' : 'uncordon'} ${node}`,
  drain: (node: string, o: DrainOptions = {}) => `kubectl drain ${node}` +
    (o.ignoreDaemonSets ? ' --ignore-daemonsets' : '') + (o.deleteEmptyDirData ? ' --delete-emptydir-data' : '') + (o.force ? ' --force' : ''),
  addNode: (name?: string) => `add node${name ? ` ${name}` : ''}   # a machine joins, its kubelet registers it`,
  removeNode: (name: string) => `kubectl delete node ${name}`,
  deletePod: (pod: string, ns?: string, grace?: number) =>
    `kubectl delete pod ${pod}${nsFlag(ns)}${grace !== undefined ? ` --grace-period=${grace}` : ''}`,
};

const podRef = (t: ContainerRef): ObjectRef => ({ kind: 'Pod', name: t.pod, namespace: t.namespace ?? 'default' });
const nodeRef = (name: string): ObjectRef => ({ kind: 'Node', name });

export function createFaultsSlice(set: SliceSet, get: SliceGet): FaultsSlice {
  /** Runs one engine command; an unexpected exception is shown as output instead of breaking the page. */
  const run = (ref: ObjectRef, command: string, body: (cluster: Cluster) => CommandResult): CommandResult => {
    const { cluster, lastCommand: previous } = get();
    let result: CommandResult;
    try {
      result = body(cluster);
    } catch (err) {
      result = { ok: false, message: `internal error: ${err instanceof Error ? err.message : String(err)}` };
    }
    // ids count on from whatever printed last (the commands slice shares lastCommand)
    const lastCommand: CommandOutcome = { id: (previous?.id ?? 0) + 1, command, ok: result.ok, message: result.message, ref, cluster };
    set(result.ok ? { lastCommand, cursor: cluster.steps.length - 1, following: true } : { lastCommand });
    return result;
  };
  return {
    killContainer: (t, exitCode = 137) => run(podRef(t), faultLines.kill(t, exitCode),
      (c) => c.killContainer(t.pod, t.container, t.namespace, exitCode)),
    failProbe: (t, probe, failing) => run(podRef(t), faultLines.probe(t, probe, failing),
      (c) => c.failProbe(t.pod, t.container, probe, failing, t.namespace)),
    exhaustMemory: (t) => run(podRef(t), faultLines.memory(t), (c) => c.exhaustMemory(t.pod, t.container, t.namespace)),
    stopKubelet: (node) => run(nodeRef(node), faultLines.kubelet(node, false), (c) => c.stopKubelet(node)),
    startKubelet: (node) => run(nodeRef(node), faultLines.kubelet(node, true), (c) => c.startKubelet(node)),
    cordon: (node) => run(nodeRef(node), faultLines.cordon(node, true), (c) => c.cordon(node)),
    uncordon: (node) => run(nodeRef(node), faultLines.cordon(node, false), (c) => c.uncordon(node)),
    drain: (node, options = {}) => run(nodeRef(node), faultLines.drain(node, options), (c) => {
      const r = c.drain(node, options);
      return { ok: r.ok, message: r.lines.length ? r.lines.join('\n') : r.message };
    }),
    addNode: (name, options = {}) => run(nodeRef(name ?? ''), faultLines.addNode(name), (c) => c.addNode(name || undefined, options)),
    removeNode: (name) => run(nodeRef(name), faultLines.removeNode(name), (c) => c.removeNode(name)),
    deletePod: (pod, namespace, grace) => run({ kind: 'Pod', name: pod, namespace: namespace ?? 'default' },
      faultLines.deletePod(pod, namespace, grace),
      (c) => c.delete('Pod', pod, namespace, grace === undefined ? {} : { gracePeriodSeconds: grace })),
  };
}
