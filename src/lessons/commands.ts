/**
 * Lesson commands: run one on a Cluster through the engine's public commands, and print the
 * command line a learner would type for it (kubectl, or what the simulator offers instead).
 */
import type { Cluster, CommandResult } from '../engine/api';
import type { LessonCommand } from './types';

/** What running one command printed, under the command line it stands for. */
export interface CommandOutcome {
  line: string;
  ok: boolean;
  message: string;
}

type DeleteCommand = Extract<LessonCommand, { type: 'delete' }>;

const nsFlag = (ns: string | undefined) => (ns && ns !== 'default' ? ` -n ${ns}` : '');

/** The command as typed: `kubectl scale deployment/web --replicas=5`. */
export function commandLine(cmd: LessonCommand): string {
  switch (cmd.type) {
    case 'scale':
      return `kubectl scale ${cmd.kind.toLowerCase()}/${cmd.name}${nsFlag(cmd.namespace)} --replicas=${cmd.replicas}`;
    case 'delete': {
      const what = cmd.name ?? `-l ${Object.entries(cmd.selector ?? {}).map(([k, v]) => `${k}=${v}`).join(',')}`;
      return deleteLine(cmd, what);
    }
    case 'rollout':
      return `kubectl rollout ${cmd.action} ${cmd.kind.toLowerCase()}/${cmd.name}${nsFlag(cmd.namespace)}`
        + (cmd.toRevision ? ` --to-revision=${cmd.toRevision}` : '');
    case 'setSuspended':
      return `kubectl patch ${cmd.kind.toLowerCase()} ${cmd.name}${nsFlag(cmd.namespace)} -p '{"spec":{"suspend":${cmd.suspended}}}'`;
    case 'setProxyMode':
      return `kubectl -n kube-system edit configmap kube-proxy   # mode: "${cmd.mode}"`;
    case 'startTraffic': {
      const s = cmd.spec;
      return `# send ${s.ratePerSecond} requests/s to Service ${s.namespace ?? 'default'}/${s.service}${s.via && s.via !== 'ClusterIP' ? ` via ${s.via}` : ''}`;
    }
    case 'stopTraffic':
      return `# stop ${cmd.id}`;
  }
}

function deleteLine(cmd: DeleteCommand, what: string): string {
  const cascade = cmd.propagationPolicy && cmd.propagationPolicy !== 'Background' ? ` --cascade=${cmd.propagationPolicy.toLowerCase()}` : '';
  const grace = cmd.gracePeriodSeconds !== undefined ? ` --grace-period=${cmd.gracePeriodSeconds}` : '';
  return `kubectl delete ${cmd.kind.toLowerCase()} ${what}${nsFlag(cmd.namespace)}${cascade}${grace}`;
}

/**
 * Runs the command; an unexpected exception becomes a failed outcome (as the store's commands
 * do). A delete by selector names the objects it found in its line, as the learner would.
 */
export function runCommand(cluster: Cluster, cmd: LessonCommand): CommandOutcome {
  try {
    if (cmd.type === 'delete' && cmd.name === undefined) return deleteSelected(cluster, cmd);
    return { line: commandLine(cmd), ...dispatch(cluster, cmd) };
  } catch (err) {
    return { line: commandLine(cmd), ok: false, message: `internal error: ${err instanceof Error ? err.message : String(err)}` };
  }
}

/** `kubectl delete <kind> -l <selector>`: every live match in name order (the first `limit`). */
function deleteSelected(cluster: Cluster, cmd: DeleteCommand): CommandOutcome {
  const selector = cmd.selector ?? {};
  const names = cluster.list(cmd.kind, cmd.namespace ?? 'default')
    .filter((o) => !o.metadata.deletionTimestamp && Object.entries(selector).every(([k, v]) => o.metadata.labels?.[k] === v))
    .map((o) => o.metadata.name)
    .sort()
    .slice(0, cmd.limit ?? Infinity);
  if (names.length === 0) return { line: commandLine(cmd), ok: false, message: `No resources found in ${cmd.namespace ?? 'default'} namespace.` };
  const results = names.map((name) => dispatch(cluster, { ...cmd, name }));
  const line = cmd.limit !== undefined ? deleteLine(cmd, names.join(' ')) : commandLine(cmd);
  return { line, ok: results.every((r) => r.ok), message: results.map((r) => r.message).join('\n') };
}

function dispatch(cluster: Cluster, cmd: LessonCommand): CommandResult {
  switch (cmd.type) {
    case 'scale':
      return cluster.scale(cmd.kind, cmd.name, cmd.replicas, cmd.namespace);
    case 'delete':
      return cluster.delete(cmd.kind, cmd.name ?? '', cmd.namespace, {
        ...(cmd.propagationPolicy ? { propagationPolicy: cmd.propagationPolicy } : {}),
        ...(cmd.gracePeriodSeconds !== undefined ? { gracePeriodSeconds: cmd.gracePeriodSeconds } : {}),
      });
    case 'rollout':
      return cluster.rollout(cmd.action, cmd.kind, cmd.name, cmd.namespace, cmd.toRevision ? { toRevision: cmd.toRevision } : {});
    case 'setSuspended':
      return cluster.setSuspended(cmd.kind, cmd.name, cmd.suspended, cmd.namespace);
    case 'setProxyMode':
      return cluster.setProxyMode(cmd.mode);
    case 'startTraffic':
      return cluster.startTraffic(cmd.spec);
    case 'stopTraffic':
      return cluster.stopTraffic(cmd.id);
  }
}
