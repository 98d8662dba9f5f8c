/**
 * Host ports in use on a Node, keyed by host IP then `PROTOCOL/port`.
 * upstream: pkg/scheduler/framework/types.go (HostPortInfo), pkg/scheduler/util (GetHostPorts)
 */
import type { ContainerPort, Pod } from 'kubernetes-types/core/v1';

export type HostPortInfo = Map<string, Set<string>>;

const BIND_ALL = '0.0.0.0';

function sanitize(port: ContainerPort): { ip: string; key: string } {
  return { ip: port.hostIP || BIND_ALL, key: `${port.protocol || 'TCP'}/${port.hostPort}` };
}

/** Ports with a hostPort, of the app containers and of the sidecars (they run all the Pod's life). */
export function hostPortsOf(pod: Pod): ContainerPort[] {
  const out: ContainerPort[] = [];
  for (const c of pod.spec?.initContainers ?? []) {
    if (c.restartPolicy !== 'Always') continue;
    for (const p of c.ports ?? []) if ((p.hostPort ?? 0) > 0) out.push(p);
  }
  for (const c of pod.spec?.containers ?? []) {
    for (const p of c.ports ?? []) if ((p.hostPort ?? 0) > 0) out.push(p);
  }
  return out;
}

export function addHostPorts(info: HostPortInfo, pod: Pod): void {
  for (const port of hostPortsOf(pod)) {
    const { ip, key } = sanitize(port);
    let set = info.get(ip);
    if (!set) info.set(ip, (set = new Set()));
    set.add(key);
  }
}

/**
 * upstream CheckConflict: 0.0.0.0 conflicts with the same protocol/port on any IP;
 * a specific IP conflicts with itself and with 0.0.0.0.
 */
export function hostPortConflicts(info: HostPortInfo, port: ContainerPort): boolean {
  if ((port.hostPort ?? 0) <= 0) return false;
  const { ip, key } = sanitize(port);
  if (ip === BIND_ALL) {
    for (const set of info.values()) if (set.has(key)) return true;
    return false;
  }
  return [BIND_ALL, ip].some((k) => info.get(k)?.has(key) ?? false);
}
