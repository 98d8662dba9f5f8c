/**
 * Containers (regular and init): names, image, ports, env, mounts, pull policy, resources,
 * probes and lifecycle, in upstream's order so multi-cause messages list causes the same way.
 * upstream: pkg/apis/core/validation/validation.go (validateContainerCommon, validateContainers,
 * validateInitContainers, validateContainerPorts, ValidateVolumeMounts, AccumulateUniqueHostPorts)
 */
import { type FieldError, duplicate, forbidden, invalid, notFound, notSupported, required } from '../errors';
import { isDNS1123Label } from '../names';
import { validateEnv, validateEnvFrom } from './env';
import { validateLifecycle, validateProbes } from './probes';
import { validateResourceRequirements } from './resources';
import { validateSecurityContext } from './securityContext';
import { isValidPortName, isValidPortNum } from './strings';
import { validateLocalDescendingPath } from './volumes';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Obj = Record<string, any>;

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const PROPAGATIONS = ['Bidirectional', 'HostToContainer', 'None'];

export interface ContainerContext {
  volumes: Map<string, Obj>;
  gracePeriod: number | undefined;
}

function validatePorts(ports: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  (Array.isArray(ports) ? ports : []).forEach((p: Obj, i) => {
    const field = `${path}[${i}]`;
    if (p?.name) {
      const msgs = isValidPortName(String(p.name));
      if (msgs.length) errs.push(...msgs.map((m) => invalid(`${field}.name`, p.name, m)));
      else if (names.has(p.name)) errs.push(duplicate(`${field}.name`, p.name));
      else names.add(p.name);
    }
    if (!p?.containerPort) errs.push(required(`${field}.containerPort`));
    else errs.push(...isValidPortNum(p.containerPort).map((m) => invalid(`${field}.containerPort`, p.containerPort, m)));
    if (p?.hostPort) errs.push(...isValidPortNum(p.hostPort).map((m) => invalid(`${field}.hostPort`, p.hostPort, m)));
    if (!p?.protocol) errs.push(required(`${field}.protocol`));
    else if (!PROTOCOLS.includes(p.protocol)) errs.push(notSupported(`${field}.protocol`, p.protocol, PROTOCOLS));
  });
  return errs;
}

function validateVolumeMounts(c: Obj, path: string, volumes: Map<string, Obj>): FieldError[] {
  const errs: FieldError[] = [];
  const mountPoints = new Set<string>();
  (Array.isArray(c.volumeMounts) ? c.volumeMounts : []).forEach((m: Obj, i: number) => {
    const field = `${path}[${i}]`;
    const name = String(m?.name ?? '');
    const mountPath = String(m?.mountPath ?? '');
    if (!name) errs.push(required(`${field}.name`));
    if (!volumes.has(name)) errs.push(notFound(`${field}.name`, name));
    if (!mountPath) errs.push(required(`${field}.mountPath`));
    if (mountPoints.has(mountPath)) errs.push(invalid(`${field}.mountPath`, mountPath, 'must be unique'));
    mountPoints.add(mountPath);
    // upstream quirk: subPath errors name the list, not the item (fldPath.Child("subPath"))
    if (m?.subPath) errs.push(...validateLocalDescendingPath(String(m.subPath), `${path}.subPath`));
    if (m?.subPathExpr) {
      if (m.subPath) errs.push(invalid(`${field}.subPathExpr`, m.subPathExpr, 'subPathExpr and subPath are mutually exclusive'));
      errs.push(...validateLocalDescendingPath(String(m.subPathExpr), `${path}.subPathExpr`));
    }
    if (m?.mountPropagation != null) {
      if (!PROPAGATIONS.includes(m.mountPropagation)) errs.push(notSupported(`${path}.mountPropagation`, m.mountPropagation, PROPAGATIONS));
      if (m.mountPropagation === 'Bidirectional' && c.securityContext?.privileged !== true) {
        errs.push(forbidden(`${path}.mountPropagation`, 'Bidirectional mount propagation is available only to privileged containers'));
      }
    }
  });
  return errs;
}

/** Rules every container kind shares (validateContainerCommon). */
function validateContainerCommon(c: Obj, path: string, ctx: ContainerContext): FieldError[] {
  const errs: FieldError[] = [];
  if (!c.name) errs.push(required(`${path}.name`));
  else errs.push(...isDNS1123Label(String(c.name)).map((m) => invalid(`${path}.name`, c.name, m)));
  if (!c.image) errs.push(required(`${path}.image`));
  const tmp = c.terminationMessagePolicy;
  if (!tmp) errs.push(required(`${path}.terminationMessagePolicy`));
  else if (tmp !== 'File' && tmp !== 'FallbackToLogsOnError') {
    errs.push(notSupported(`${path}.terminationMessagePolicy`, tmp, ['File', 'FallbackToLogsOnError']));
  }
  errs.push(...validatePorts(c.ports, `${path}.ports`));
  errs.push(...validateEnv(c.env, `${path}.env`));
  errs.push(...validateEnvFrom(c.envFrom, `${path}.envFrom`));
  errs.push(...validateVolumeMounts(c, `${path}.volumeMounts`, ctx.volumes));
  if (!c.imagePullPolicy) errs.push(required(`${path}.imagePullPolicy`));
  else if (!PULL_POLICIES.includes(c.imagePullPolicy)) errs.push(notSupported(`${path}.imagePullPolicy`, c.imagePullPolicy, PULL_POLICIES));
  errs.push(...validateResourceRequirements(c.resources, `${path}.resources`));
  errs.push(...validateSecurityContext(c.securityContext, `${path}.securityContext`));
  return errs;
}

/** Host ports must not collide (protocol/hostIP/port) within the given containers. */
function hostPortConflicts(containers: Obj[], path: string, indexOf: (i: number) => number): FieldError[] {
  const seen = new Set<string>();
  const errs: FieldError[] = [];
  containers.forEach((c, ci) => {
    (Array.isArray(c?.ports) ? c.ports : []).forEach((p: Obj, pi: number) => {
      if (!p?.hostPort) return;
      const key = `${p.protocol ?? ''}/${p.hostIP ?? ''}/${p.hostPort}`;
      if (seen.has(key)) errs.push(duplicate(`${path}[${indexOf(ci)}].ports[${pi}].hostPort`, key));
      seen.add(key);
    });
  });
  return errs;
}

export function validateContainers(containers: unknown, path: string, ctx: ContainerContext): FieldError[] {
  if (!Array.isArray(containers) || containers.length === 0) return [required(path)];
  const errs: FieldError[] = [];
  const names = new Set<string>();
  containers.forEach((c: Obj, i) => {
    const field = `${path}[${i}]`;
    const ctr = c && typeof c === 'object' ? c : {};
    errs.push(...validateContainerCommon(ctr, field, ctx));
    if (names.has(ctr.name)) errs.push(duplicate(`${field}.name`, ctr.name ?? ''));
    else names.add(ctr.name);
    errs.push(...validateLifecycle(ctr.lifecycle, `${field}.lifecycle`, ctx.gracePeriod));
    errs.push(...validateProbes(ctr, field));
    if (ctr.restartPolicy != null) errs.push(forbidden(`${field}.restartPolicy`, 'may not be set for non-init containers'));
  });
  errs.push(...hostPortConflicts(containers, path, (i) => i));
  return errs;
}

const INIT_ONLY = 'may not be set for init containers without restartPolicy=Always';

/** Init containers: names unique across both lists; only sidecars (restartPolicy Always) take probes and hooks. */
export function validateInitContainers(init: unknown, regular: unknown, path: string, ctx: ContainerContext): FieldError[] {
  if (!Array.isArray(init)) return [];
  const errs: FieldError[] = [];
  const names = new Set<string>((Array.isArray(regular) ? regular : []).map((c: Obj) => c?.name));
  init.forEach((c: Obj, i) => {
    const field = `${path}[${i}]`;
    const ctr = c && typeof c === 'object' ? c : {};
    errs.push(...validateContainerCommon(ctr, field, ctx));
    const sidecar = ctr.restartPolicy === 'Always';
    if (ctr.restartPolicy != null && !sidecar) errs.push(notSupported(`${field}.restartPolicy`, ctr.restartPolicy, ['Always']));
    if (names.has(ctr.name)) errs.push(duplicate(`${field}.name`, ctr.name ?? ''));
    else if (ctr.name) names.add(ctr.name);
    // upstream checks each init container alone, so its ports are reported under index 0
    errs.push(...hostPortConflicts([ctr], path, () => 0));
    if (sidecar) {
      errs.push(...validateLifecycle(ctr.lifecycle, `${field}.lifecycle`, ctx.gracePeriod), ...validateProbes(ctr, field));
    } else {
      for (const key of ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe']) {
        if (ctr[key] != null) errs.push(forbidden(`${field}.${key}`, INIT_ONLY));
      }
    }
  });
  return errs;
}
