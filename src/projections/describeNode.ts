/** `kubectl describe node`, line for line (upstream kubectl `describeNode`, `describeNodeResource`). */
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { Lease } from 'kubernetes-types/coordination/v1';
import { parseQuantity } from '../engine/util/quantity';
import { LEVEL_0, LEVEL_1, PrefixWriter } from './tabWriter';
import { printAnnotations, printLabels, printTaints } from './describeFields';
import { describeEvents, type EventObject } from './events';
import { podAmounts } from './podResources';
import { canonicalQuantity, quantityText, type Amount } from './quantityText';
import { rfc1123z, since } from './time';

const ROLE_PREFIX = 'node-role.kubernetes.io/';

/** upstream `findNodeRoles`: `node-role.kubernetes.io/<role>` keys and the `kubernetes.io/role` value. */
export function nodeRoles(node: Node): string[] {
  const roles = new Set<string>();
  for (const [key, value] of Object.entries(node.metadata?.labels ?? {})) {
    if (key.startsWith(ROLE_PREFIX) && key.length > ROLE_PREFIX.length) roles.add(key.slice(ROLE_PREFIX.length));
    else if (key === 'kubernetes.io/role' && value) roles.add(value);
  }
  return [...roles].sort();
}

function describeLease(lease: Lease | undefined, w: PrefixWriter): void {
  w.write(LEVEL_0, 'Lease:\n');
  w.write(LEVEL_1, `HolderIdentity:\t${lease?.spec?.holderIdentity ?? '<unset>'}\n`);
  w.write(LEVEL_1, `AcquireTime:\t${lease?.spec?.acquireTime ? rfc1123z(lease.spec.acquireTime) : '<unset>'}\n`);
  w.write(LEVEL_1, `RenewTime:\t${lease?.spec?.renewTime ? rfc1123z(lease.spec.renewTime) : '<unset>'}\n`);
}

function describeNodeStatus(node: Node, w: PrefixWriter): void {
  const conditions = node.status?.conditions ?? [];
  if (conditions.length) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
    w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const c of conditions) {
      w.write(LEVEL_1, `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} ` +
        `\t${c.reason ?? ''} \t${c.message ?? ''}\n`);
    }
  }
  w.write(LEVEL_0, 'Addresses:\n');
  for (const a of node.status?.addresses ?? []) w.write(LEVEL_1, `${a.type}:\t${a.address}\n`);
  for (const [title, list] of [['Capacity', node.status?.capacity], ['Allocatable', node.status?.allocatable]] as const) {
    const names = Object.keys(list ?? {}).sort();
    if (names.length === 0) continue;
    w.write(LEVEL_0, `${title}:\n`);
    for (const name of names) w.write(LEVEL_0, `  ${name}:\t${quantityText(list![name])}\n`);
  }
  const info = node.status?.nodeInfo;
  w.write(LEVEL_0, 'System Info:\n');
  const infoLines: [string, string | undefined][] = [
    ['Machine ID', info?.machineID], ['System UUID', info?.systemUUID], ['Boot ID', info?.bootID],
    ['Kernel Version', info?.kernelVersion], ['OS Image', info?.osImage], ['Operating System', info?.operatingSystem],
    ['Architecture', info?.architecture], ['Container Runtime Version', info?.containerRuntimeVersion],
    ['Kubelet Version', info?.kubeletVersion], ['Kube-Proxy Version', info?.kubeProxyVersion],
  ];
  for (const [label, value] of infoLines) w.write(LEVEL_0, `  ${label}:\t${value ?? ''}\n`);
  if (node.spec?.podCIDR) w.write(LEVEL_0, `PodCIDR:\t${node.spec.podCIDR}\n`);
  if (node.spec?.podCIDRs?.length) w.write(LEVEL_0, `PodCIDRs:\t${node.spec.podCIDRs.join(',')}\n`);
  if (node.spec?.providerID) w.write(LEVEL_0, `ProviderID:\t${node.spec.providerID}\n`);
}

/** `100m (2%)`: the amount and its share of allocatable, truncated like Go's int64(). */
function share(amount: Amount | undefined, allocatable: number, milli: boolean): string {
  const value = amount?.value ?? 0;
  const scaled = milli ? Math.round(value * 1000) : value;
  const total = milli ? Math.round(allocatable * 1000) : allocatable;
  const percent = total ? Math.trunc((scaled / total) * 100) : 0;
  return `${canonicalQuantity(value, amount?.format)} (${percent}%)`;
}

function describeNodeResource(node: Node, pods: Pod[], w: PrefixWriter, now: number): void {
  const alloc = node.status?.allocatable && Object.keys(node.status.allocatable).length ? node.status.allocatable : node.status?.capacity ?? {};
  const cpu = parseQuantity(alloc.cpu) ?? 0;
  const memory = parseQuantity(alloc.memory) ?? 0;
  const storage = parseQuantity(alloc['ephemeral-storage']) ?? 0;
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(LEVEL_1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(LEVEL_1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const totals = { requests: new Map<string, Amount>(), limits: new Map<string, Amount>() };
  for (const pod of pods) {
    const req = podAmounts(pod, 'requests');
    const lim = podAmounts(pod, 'limits');
    for (const [into, from] of [[totals.requests, req], [totals.limits, lim]] as const) {
      for (const [k, v] of from) into.set(k, { value: (into.get(k)?.value ?? 0) + v.value, format: into.get(k)?.format ?? v.format });
    }
    w.write(LEVEL_1, `${pod.metadata?.namespace ?? ''}\t${pod.metadata?.name ?? ''}\t\t${share(req.get('cpu'), cpu, true)}\t` +
      `${share(lim.get('cpu'), cpu, true)}\t${share(req.get('memory'), memory, false)}\t${share(lim.get('memory'), memory, false)}\t` +
      `${since(pod.metadata?.creationTimestamp, now)}\n`);
  }
  w.write(LEVEL_0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(LEVEL_1, 'Resource\tRequests\tLimits\n');
  w.write(LEVEL_1, '--------\t--------\t------\n');
  const rows: [string, number, boolean][] = [['cpu', cpu, true], ['memory', memory, false], ['ephemeral-storage', storage, false]];
  for (const name of Object.keys(alloc).filter((k) => k.startsWith('hugepages-')).sort()) rows.push([name, parseQuantity(alloc[name]) ?? 0, false]);
  for (const [name, total, milli] of rows) {
    w.write(LEVEL_1, `${name}\t${share(totals.requests.get(name), total, milli)}\t${share(totals.limits.get(name), total, milli)}\n`);
  }
}

/** upstream: describe lists the Node's Pods that are not Succeeded or Failed (Terminating ones included). */
export function nonTerminatedPods(node: Node, pods: readonly Pod[]): Pod[] {
  return pods.filter((p) => p.spec?.nodeName === node.metadata?.name &&
    p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
}

/** The describe text of a Node with its Pods and Events, with ages at `now` (epoch ms). */
export function describeNode(node: Node, pods: readonly Pod[], events: readonly EventObject[], now: number,
  lease?: Lease): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${node.metadata?.name ?? ''}\n`);
  const roles = nodeRoles(node);
  w.write(LEVEL_0, `Roles:\t${roles.length ? roles.join(',') : '<none>'}\n`);
  printLabels(w, 'Labels', node.metadata?.labels);
  printAnnotations(w, 'Annotations', node.metadata?.annotations);
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(node.metadata?.creationTimestamp)}\n`);
  printTaints(w, 'Taints', node.spec?.taints);
  w.write(LEVEL_0, `Unschedulable:\t${node.spec?.unschedulable === true}\n`);
  describeLease(lease, w);
  describeNodeStatus(node, w);
  describeNodeResource(node, nonTerminatedPods(node, pods), w, now);
  describeEvents(w, events, now);
  return w.toString();
}
