/**
 * The `Containers:` / `Init Containers:` sections of `kubectl describe pod`
 * (upstream kubectl `describeContainers` and its helpers).
 */
import type { Container, ContainerState, ContainerStatus, EnvVar, Pod, Probe } from 'kubernetes-types/core/v1';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, type PrefixWriter } from './tabWriter';
import { orNone } from './describeFields';
import { quantityText } from './quantityText';
import { rfc1123z } from './time';
import { resolveFieldRef } from './fieldPath';

function describePorts(c: Container, w: PrefixWriter): void {
  const ports = (c.ports ?? []).map((p) => `${p.containerPort}/${p.protocol ?? 'TCP'}`).join(', ');
  w.write(LEVEL_2, ports.includes(',') ? `Ports:\t${ports}\n` : `Port:\t${orNone(ports)}\n`);
  const hostPorts = (c.ports ?? []).map((p) => `${p.hostPort ?? 0}/${p.protocol ?? 'TCP'}`).join(', ');
  w.write(LEVEL_2, hostPorts.includes(',') ? `Host Ports:\t${hostPorts}\n` : `Host Port:\t${orNone(hostPorts)}\n`);
}

function describeCommand(c: Container, w: PrefixWriter): void {
  for (const [title, items] of [['Command', c.command], ['Args', c.args]] as const) {
    if (!items?.length) continue;
    w.write(LEVEL_2, `${title}:\n`);
    for (const item of items) for (const line of item.split('\n')) w.write(LEVEL_3, `${line}\n`);
  }
}

export function describeState(title: string, state: ContainerState | undefined, w: PrefixWriter): void {
  if (state?.running) {
    w.write(LEVEL_2, `${title}:\tRunning\n`);
    w.write(LEVEL_3, `Started:\t${rfc1123z(state.running.startedAt)}\n`);
  } else if (state?.waiting) {
    w.write(LEVEL_2, `${title}:\tWaiting\n`);
    if (state.waiting.reason) w.write(LEVEL_3, `Reason:\t${state.waiting.reason}\n`);
  } else if (state?.terminated) {
    const t = state.terminated;
    w.write(LEVEL_2, `${title}:\tTerminated\n`);
    if (t.reason) w.write(LEVEL_3, `Reason:\t${t.reason}\n`);
    if (t.message) w.write(LEVEL_3, `Message:\t${t.message}\n`);
    w.write(LEVEL_3, `Exit Code:\t${t.exitCode}\n`);
    if (t.signal) w.write(LEVEL_3, `Signal:\t${t.signal}\n`);
    w.write(LEVEL_3, `Started:\t${rfc1123z(t.startedAt)}\n`);
    w.write(LEVEL_3, `Finished:\t${rfc1123z(t.finishedAt)}\n`);
  } else {
    w.write(LEVEL_2, `${title}:\tWaiting\n`);
  }
}

function describeStatus(s: ContainerStatus, w: PrefixWriter): void {
  describeState('State', s.state, w);
  if (s.lastState?.terminated) describeState('Last State', s.lastState, w);
  w.write(LEVEL_2, `Ready:\t${s.ready ? 'True' : 'False'}\n`);
  w.write(LEVEL_2, `Restart Count:\t${s.restartCount ?? 0}\n`);
}

function describeResources(c: Container, w: PrefixWriter): void {
  for (const [title, list] of [['Limits', c.resources?.limits], ['Requests', c.resources?.requests]] as const) {
    const names = Object.keys(list ?? {}).sort();
    if (names.length) w.write(LEVEL_2, `${title}:\n`);
    for (const name of names) w.write(LEVEL_3, `${name}:\t${quantityText(list![name])}\n`);
  }
}

/** upstream `DescribeProbe`: `http-get http://:80/healthz delay=0s timeout=1s period=10s #success=1 #failure=3`. */
export function probeText(p: Probe): string {
  const attrs = `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 1}s period=${p.periodSeconds ?? 10}s ` +
    `#success=${p.successThreshold ?? 1} #failure=${p.failureThreshold ?? 3}`;
  if (p.exec) return `exec [${(p.exec.command ?? []).join(' ')}] ${attrs}`;
  if (p.httpGet) {
    const host = p.httpGet.host ?? '';
    const port = String(p.httpGet.port ?? '');
    const hostPort = port ? `${host.includes(':') ? `[${host}]` : host}:${port}` : host;
    // Go's url.URL.String() adds the slash a path without one needs after a host
    const path = p.httpGet.path && hostPort && !p.httpGet.path.startsWith('/') ? `/${p.httpGet.path}` : p.httpGet.path ?? '';
    return `http-get ${(p.httpGet.scheme ?? 'HTTP').toLowerCase()}://${hostPort}${path} ${attrs}`;
  }
  if (p.tcpSocket) return `tcp-socket ${p.tcpSocket.host ?? ''}:${p.tcpSocket.port} ${attrs}`;
  if (p.grpc) return `grpc <pod>:${p.grpc.port} ${p.grpc.service ?? ''} ${attrs}`;
  return `unknown ${attrs}`;
}

function describeProbes(c: Container, w: PrefixWriter): void {
  if (c.livenessProbe) w.write(LEVEL_2, `Liveness:\t${probeText(c.livenessProbe)}\n`);
  if (c.readinessProbe) w.write(LEVEL_2, `Readiness:\t${probeText(c.readinessProbe)}\n`);
  if (c.startupProbe) w.write(LEVEL_2, `Startup:\t${probeText(c.startupProbe)}\n`);
}

function describeEnvFrom(c: Container, w: PrefixWriter): void {
  w.write(LEVEL_2, 'Environment Variables from:\n');
  for (const e of c.envFrom ?? []) {
    const ref = e.configMapRef ?? e.secretRef;
    const from = e.configMapRef ? 'ConfigMap' : e.secretRef ? 'Secret' : '';
    const optional = ref?.optional === true;
    const source = e.prefix ? `${from} with prefix '${e.prefix}'` : from;
    w.write(LEVEL_3, `${ref?.name ?? ''}\t${source}\tOptional: ${optional}\n`);
  }
}

function envValue(e: EnvVar, c: Container, pod: Pod | undefined): string {
  const from = e.valueFrom!;
  if (from.fieldRef) {
    // upstream: templates have no Pod to resolve against, so the value is left empty
    const value = pod ? resolveFieldRef(pod, from.fieldRef.fieldPath) : '';
    return `${value} (${from.fieldRef.apiVersion ?? 'v1'}:${from.fieldRef.fieldPath})`;
  }
  if (from.resourceFieldRef) {
    const resource = from.resourceFieldRef.resource;
    const [kind, name] = resource.split('.') as ['limits' | 'requests', string];
    let value = quantityText(c.resources?.[kind]?.[name] ?? '0');
    if (value === '0' && (resource === 'limits.cpu' || resource === 'limits.memory')) value = 'node allocatable';
    return `${value} (${resource})`;
  }
  if (from.secretKeyRef) {
    const r = from.secretKeyRef;
    return `<set to the key '${r.key}' in secret '${r.name ?? ''}'>\tOptional: ${r.optional === true}`;
  }
  if (from.configMapKeyRef) {
    const r = from.configMapKeyRef;
    return `<set to the key '${r.key}' of config map '${r.name ?? ''}'>\tOptional: ${r.optional === true}`;
  }
  return '';
}

function describeEnv(c: Container, pod: Pod | undefined, w: PrefixWriter): void {
  w.write(LEVEL_2, c.env?.length ? 'Environment:\n' : 'Environment:\t<none>\n');
  for (const e of c.env ?? []) {
    if (!e.valueFrom) {
      (e.value ?? '').split('\n').forEach((line, i) => w.write(LEVEL_3, i === 0 ? `${e.name}:\t${line}\n` : `\t${line}\n`));
    } else {
      w.write(LEVEL_3, `${e.name}:\t${envValue(e, c, pod)}\n`);
    }
  }
}

function describeMounts(c: Container, w: PrefixWriter): void {
  const mounts = [...(c.volumeMounts ?? [])].sort((a, b) => (a.mountPath < b.mountPath ? -1 : a.mountPath > b.mountPath ? 1 : 0));
  w.write(LEVEL_2, mounts.length ? 'Mounts:\n' : 'Mounts:\t<none>\n');
  for (const m of mounts) {
    const flags = [m.readOnly ? 'ro' : 'rw', ...(m.subPath ? [`path=${JSON.stringify(m.subPath)}`] : [])];
    w.write(LEVEL_3, `${m.mountPath} from ${m.name} (${flags.join(',')})\n`);
  }
  if (c.volumeDevices?.length) {
    w.write(LEVEL_2, 'Devices:\n');
    for (const d of c.volumeDevices) w.write(LEVEL_3, `${d.devicePath} from ${d.name}\n`);
  }
}

/**
 * `Containers:` (or `Init Containers:`) with each container's image, ports, state, resources,
 * probes, env and mounts. Pod templates pass no Pod and `space` = '  ' (upstream indents the
 * title by it and the container names by one more space).
 */
export function describeContainers(title: string, containers: Container[], statuses: ContainerStatus[] | undefined,
  pod: Pod | undefined, w: PrefixWriter, space = ''): void {
  w.write(LEVEL_0, `${space}${title}:${containers.length ? '' : ' <none>'}\n`);
  const byName = new Map((statuses ?? []).map((s) => [s.name, s]));
  for (const c of containers) {
    const status = byName.get(c.name);
    w.write(LEVEL_1, `${space ? ' ' : ''}${c.name}:\n`);
    if (status) w.write(LEVEL_2, `Container ID:\t${status.containerID ?? ''}\n`);
    w.write(LEVEL_2, `Image:\t${c.image ?? ''}\n`);
    if (status) w.write(LEVEL_2, `Image ID:\t${status.imageID ?? ''}\n`);
    describePorts(c, w);
    describeCommand(c, w);
    if (status) describeStatus(status, w);
    describeResources(c, w);
    describeProbes(c, w);
    if (c.envFrom?.length) describeEnvFrom(c, w);
    describeEnv(c, pod, w);
    describeMounts(c, w);
  }
}
