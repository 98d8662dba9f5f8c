/**
 * PodSpec and PodTemplateSpec validation, in ValidatePodSpec's order.
 * upstream: pkg/apis/core/validation/validation.go (ValidatePodSpec, ValidatePodTemplateSpec)
 */
import { type FieldError, forbidden, invalid, notSupported, required } from '../errors';
import { isDNS1123Label, nameIsDNSSubdomain } from '../names';
import { validateContainers, validateInitContainers } from './containers';
import { validateAnnotations, validateLabels } from './objectMeta';
import { validateAffinity, validateTolerations, validateTopologySpreadConstraints } from './scheduling';
import { validatePodSecurityContext } from './securityContext';
import { inclusiveRangeError, isIP, isQualifiedName } from './strings';
import { validateVolumes } from './volumes';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Obj = Record<string, any>;

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
const MAX_INT32 = 2147483647;

function subdomainField(value: unknown, field: string): FieldError[] {
  if (!value) return [];
  return nameIsDNSSubdomain(String(value), false).map((m) => invalid(field, value, m));
}

function dnsLabelField(value: unknown, field: string): FieldError[] {
  if (!value) return [];
  return isDNS1123Label(String(value)).map((m) => invalid(field, value, m));
}

function validateDNSConfig(spec: Obj, path: string): FieldError[] {
  const cfg = spec.dnsConfig;
  if (spec.dnsPolicy === 'None') {
    if (!cfg) return [required(`${path}.dnsConfig`, 'must provide `dnsConfig` when `dnsPolicy` is None')];
    if (!cfg.nameservers?.length) {
      return [required(`${path}.dnsConfig.nameservers`, 'must provide at least one DNS nameserver when `dnsPolicy` is None')];
    }
  }
  if (!cfg) return [];
  const errs: FieldError[] = [];
  (cfg.nameservers ?? []).forEach((ns: string, i: number) => {
    if (!isIP(String(ns))) errs.push(invalid(`${path}.dnsConfig.nameservers[${i}]`, ns, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'));
  });
  (cfg.searches ?? []).forEach((s: string, i: number) => {
    errs.push(...nameIsDNSSubdomain(String(s).replace(/\.$/, ''), false).map((m) => invalid(`${path}.dnsConfig.searches[${i}]`, String(s).replace(/\.$/, ''), m)));
  });
  (cfg.options ?? []).forEach((o: Obj, i: number) => {
    if (!o?.name) errs.push(required(`${path}.dnsConfig.options[${i}]`, 'must not be empty'));
  });
  return errs;
}

/** hostNetwork pods: hostPort must equal containerPort (templates may leave it 0). */
function hostNetworkPorts(spec: Obj, path: string, isPod: boolean): FieldError[] {
  if (!spec.hostNetwork) return [];
  const errs: FieldError[] = [];
  (Array.isArray(spec.containers) ? spec.containers : []).forEach((c: Obj, i: number) => {
    (c?.ports ?? []).forEach((p: Obj, j: number) => {
      const hp = p?.hostPort ?? 0;
      if ((isPod || hp !== 0) && hp !== p?.containerPort) {
        errs.push(invalid(`${path}.containers[${i}].ports[${j}].hostPort`, hp, 'must match `containerPort` when `hostNetwork` is true'));
      }
    });
  });
  return errs;
}

export function validatePodSpec(spec: Obj | undefined, path: string, isPod: boolean): FieldError[] {
  const s: Obj = spec && typeof spec === 'object' ? spec : {};
  const errs: FieldError[] = [];
  if (s.terminationGracePeriodSeconds == null) errs.push(required(`${path}.terminationGracePeriodSeconds`));
  const gracePeriod = typeof s.terminationGracePeriodSeconds === 'number' ? s.terminationGracePeriodSeconds : undefined;
  const volumes = validateVolumes(s.volumes, `${path}.volumes`);
  errs.push(...volumes.errs);
  const ctx = { volumes: volumes.valid, gracePeriod };
  errs.push(...validateContainers(s.containers, `${path}.containers`, ctx));
  errs.push(...validateInitContainers(s.initContainers, s.containers, `${path}.initContainers`, ctx));
  errs.push(...hostNetworkPorts(s, path, isPod));
  if (!s.restartPolicy) errs.push(required(`${path}.restartPolicy`));
  else if (!RESTART_POLICIES.includes(s.restartPolicy)) errs.push(notSupported(`${path}.restartPolicy`, s.restartPolicy, RESTART_POLICIES));
  if (!s.dnsPolicy) errs.push(required(`${path}.dnsPolicy`));
  else if (!DNS_POLICIES.includes(s.dnsPolicy)) errs.push(notSupported(`${path}.dnsPolicy`, s.dnsPolicy, DNS_POLICIES));
  errs.push(...validateLabels(s.nodeSelector, `${path}.nodeSelector`));
  errs.push(...validatePodSecurityContext(s.securityContext, `${path}.securityContext`));
  (Array.isArray(s.imagePullSecrets) ? s.imagePullSecrets : []).forEach((ref: Obj, i: number) => {
    if (ref && Object.keys(ref).some((k) => k !== 'name')) errs.push(invalid(`${path}.imagePullSecrets[${i}]`, ref, 'only name may be set'));
  });
  errs.push(...validateAffinity(s.affinity, `${path}.affinity`));
  errs.push(...validateDNSConfig(s, path));
  (Array.isArray(s.readinessGates) ? s.readinessGates : []).forEach((g: Obj, i: number) => {
    const type = String(g?.conditionType ?? '');
    errs.push(...isQualifiedName(type).map((m) => invalid(`${path}.readinessGates[${i}].conditionType`, type, m)));
  });
  errs.push(...validateTopologySpreadConstraints(s.topologySpreadConstraints, `${path}.topologySpreadConstraints`));
  errs.push(...subdomainField(s.serviceAccountName, `${path}.serviceAccountName`));
  errs.push(...subdomainField(s.nodeName, `${path}.nodeName`));
  if (s.activeDeadlineSeconds != null && !(s.activeDeadlineSeconds >= 1 && s.activeDeadlineSeconds <= MAX_INT32)) {
    errs.push(invalid(`${path}.activeDeadlineSeconds`, s.activeDeadlineSeconds, inclusiveRangeError(1, MAX_INT32)));
  }
  errs.push(...dnsLabelField(s.hostname, `${path}.hostname`), ...dnsLabelField(s.subdomain, `${path}.subdomain`));
  errs.push(...validateTolerations(s.tolerations, `${path}.tolerations`));
  (Array.isArray(s.hostAliases) ? s.hostAliases : []).forEach((a: Obj, i: number) => {
    if (!isIP(String(a?.ip ?? ''))) errs.push(invalid(`${path}.hostAliases[${i}].ip`, a?.ip ?? '', 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'));
    (a?.hostnames ?? []).forEach((h: string, j: number) => errs.push(...subdomainField(h, `${path}.hostAliases[${i}].hostnames[${j}]`)));
  });
  errs.push(...subdomainField(s.priorityClassName, `${path}.priorityClassName`));
  if (s.runtimeClassName != null) errs.push(...nameIsDNSSubdomain(String(s.runtimeClassName), false).map((m) => invalid(`${path}.runtimeClassName`, s.runtimeClassName, m)));
  if (s.preemptionPolicy != null && s.preemptionPolicy !== 'PreemptLowerPriority' && s.preemptionPolicy !== 'Never') {
    errs.push(notSupported(`${path}.preemptionPolicy`, s.preemptionPolicy, ['PreemptLowerPriority', 'Never']));
  }
  if (s.os != null && s.os.name !== 'linux' && s.os.name !== 'windows') {
    errs.push(notSupported(`${path}.os.name`, s.os?.name ?? '', ['linux', 'windows']));
  }
  return errs;
}

/** ValidatePodTemplateSpec: template labels/annotations, then the spec; no ephemeral containers. */
export function validatePodTemplateSpec(template: Obj | undefined, path: string): FieldError[] {
  const t: Obj = template && typeof template === 'object' ? template : {};
  const errs = [...validateLabels(t.metadata?.labels, `${path}.labels`), ...validateAnnotations(t.metadata?.annotations, `${path}.annotations`)];
  errs.push(...validatePodSpec(t.spec, `${path}.spec`, false));
  if (Array.isArray(t.spec?.ephemeralContainers) && t.spec.ephemeralContainers.length) {
    errs.push(forbidden(`${path}.spec.ephemeralContainers`, 'ephemeral containers not allowed in pod template'));
  }
  return errs;
}
