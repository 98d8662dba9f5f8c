/**
 * Service validation (ports, type, selector, session affinity, traffic policies, cluster IPs,
 * the NodePort range, external IPs, source ranges, the health-check NodePort, the load-balancer
 * class, topology annotations) and the update rules that allocated cluster IPs and the
 * load-balancer class never change.
 * upstream: pkg/apis/core/validation/validation.go (ValidateService, validateServicePort,
 * ValidateServiceClusterIPsRelatedFields, validateUpgradeDowngradeClusterIPs),
 * pkg/registry/core/service/portallocator (the NodePort range message)
 */
import { type FieldError, duplicate, forbidden, invalid, notSupported, required } from '../errors';
import { isDNS1123Label, nameIsDNS1035Label, nameIsDNSSubdomain } from '../names';
import { goServicePortKey, goStringSlice } from './goTypes';
import { validateLabels, validateObjectMeta } from './objectMeta';
import { validatePortNumOrName } from './probes';
import { isIP, isQualifiedName, isValidPortNum } from './strings';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Obj = Record<string, any>;

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
export const NODE_PORT_RANGE = { min: 30000, max: 32767 };

const isHeadless = (s: Obj): boolean => Array.isArray(s.clusterIPs) && s.clusterIPs.length === 1 && s.clusterIPs[0] === 'None';
const externallyAccessible = (s: Obj): boolean =>
  s.type === 'LoadBalancer' || s.type === 'NodePort' || (s.type === 'ClusterIP' && (s.externalIPs?.length ?? 0) > 0);

function validatePort(p: Obj, requireName: boolean, names: Set<string>, field: string): FieldError[] {
  const errs: FieldError[] = [];
  if (requireName && !p.name) errs.push(required(`${field}.name`));
  else if (p.name) {
    errs.push(...isDNS1123Label(String(p.name)).map((m) => invalid(`${field}.name`, p.name, m)));
    if (names.has(p.name)) errs.push(duplicate(`${field}.name`, p.name));
    else names.add(p.name);
  }
  errs.push(...isValidPortNum(p.port ?? 0).map((m) => invalid(`${field}.port`, p.port ?? 0, m)));
  if (!p.protocol) errs.push(required(`${field}.protocol`));
  else if (!PROTOCOLS.includes(p.protocol)) errs.push(notSupported(`${field}.protocol`, p.protocol, PROTOCOLS));
  errs.push(...validatePortNumOrName(p.targetPort, `${field}.targetPort`));
  if (p.appProtocol != null) errs.push(...isQualifiedName(String(p.appProtocol)).map((m) => invalid(`${field}.appProtocol`, p.appProtocol, m)));
  return errs;
}

function clusterIPFields(s: Obj): FieldError[] {
  if (s.type === 'ExternalName') return [];
  const errs: FieldError[] = [];
  const ips: string[] = Array.isArray(s.clusterIPs) ? s.clusterIPs : [];
  if (s.clusterIP) {
    if (!ips.length) errs.push(required('spec.clusterIPs'));
    else if (ips[0] !== s.clusterIP) errs.push(invalid('spec.clusterIPs', goStringSlice(ips), 'first value must match `clusterIP`'));
  } else if (ips.length) {
    errs.push(invalid('spec.clusterIPs', goStringSlice(ips), 'must be empty when `clusterIP` is not specified'));
  }
  (s.ipFamilies ?? []).forEach((f: string, i: number) => {
    if (f !== 'IPv4' && f !== 'IPv6') errs.push(notSupported(`spec.ipFamilies[${i}]`, f, ['IPv4', 'IPv6']));
    if ((s.ipFamilies as string[]).indexOf(f) < i) errs.push(duplicate(`spec.ipFamilies[${i}]`, f));
  });
  if (s.ipFamilyPolicy != null && !['SingleStack', 'PreferDualStack', 'RequireDualStack'].includes(s.ipFamilyPolicy)) {
    errs.push(notSupported('spec.ipFamilyPolicy', s.ipFamilyPolicy, ['PreferDualStack', 'RequireDualStack', 'SingleStack']));
  }
  ips.forEach((ip, i) => {
    if (i === 0 && ip === 'None') {
      if (ips.length > 1) errs.push(invalid('spec.clusterIPs', goStringSlice(ips), "'None' must be the first and only value"));
      return;
    }
    if (!isIP(ip)) errs.push(invalid(`spec.clusterIPs[${i}]`, ip, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'));
  });
  if (ips.length > 2) errs.push(invalid('spec.clusterIPs', goStringSlice(ips), 'may only hold up to 2 values'));
  return errs;
}

function typeSpecific(s: Obj): FieldError[] {
  const errs: FieldError[] = [];
  if (s.type === 'LoadBalancer' && isHeadless(s)) errs.push(invalid('spec.clusterIPs[0]', 'None', "may not be set to 'None' for LoadBalancer services"));
  if (s.type === 'NodePort' && isHeadless(s)) errs.push(invalid('spec.clusterIPs[0]', 'None', "may not be set to 'None' for NodePort services"));
  if (s.type === 'ExternalName') {
    if (s.clusterIPs?.length) errs.push(forbidden('spec.clusterIPs', 'may not be set for ExternalName services'));
    if (s.ipFamilies?.length) errs.push(forbidden('spec.ipFamilies', 'may not be set for ExternalName services'));
    if (s.ipFamilyPolicy != null) errs.push(forbidden('spec.ipFamilyPolicy', 'may not be set for ExternalName services'));
    const cname = String(s.externalName ?? '').replace(/\.$/, '');
    if (cname) errs.push(...nameIsDNSSubdomain(cname, false).map((m) => invalid('spec.externalName', cname, m)));
    else errs.push(required('spec.externalName'));
  }
  return errs;
}

function portUniqueness(s: Obj, ports: Obj[]): FieldError[] {
  const errs: FieldError[] = [];
  if (s.type === 'ClusterIP') {
    ports.forEach((p, i) => { if (p?.nodePort) errs.push(forbidden(`spec.ports[${i}].nodePort`, "may not be used when `type` is 'ClusterIP'")); });
  }
  const nodePorts = new Set<string>();
  const keys = new Set<string>();
  ports.forEach((p, i) => {
    if (p?.nodePort) {
      const k = `${p.protocol}/${p.nodePort}`;
      if (nodePorts.has(k)) errs.push(duplicate(`spec.ports[${i}].nodePort`, p.nodePort));
      nodePorts.add(k);
    }
    const key = `${p?.protocol}/${p?.port}`;
    if (keys.has(key)) errs.push(duplicate(`spec.ports[${i}]`, goServicePortKey(p?.protocol ?? '', p?.port ?? 0)));
    keys.add(key);
  });
  return errs;
}

function trafficPolicies(s: Obj): FieldError[] {
  const errs: FieldError[] = [];
  if (s.allocateLoadBalancerNodePorts != null && s.type !== 'LoadBalancer') {
    errs.push(forbidden('spec.allocateLoadBalancerNodePorts', "may only be used when `type` is 'LoadBalancer'"));
  }
  if (s.type === 'LoadBalancer' && s.allocateLoadBalancerNodePorts == null) errs.push(required('allocateLoadBalancerNodePorts'));
  if (!externallyAccessible(s)) {
    if (s.externalTrafficPolicy) errs.push(invalid('spec.externalTrafficPolicy', s.externalTrafficPolicy, 'may only be set for externally-accessible services'));
  } else if (!s.externalTrafficPolicy) errs.push(required('spec.externalTrafficPolicy'));
  else if (s.externalTrafficPolicy !== 'Cluster' && s.externalTrafficPolicy !== 'Local') {
    errs.push(notSupported('spec.externalTrafficPolicy', s.externalTrafficPolicy, ['Cluster', 'Local']));
  }
  errs.push(...healthCheckNodePort(s));
  if (s.internalTrafficPolicy == null && ['NodePort', 'LoadBalancer', 'ClusterIP'].includes(s.type)) errs.push(required('spec.internalTrafficPolicy'));
  if (s.internalTrafficPolicy != null && s.internalTrafficPolicy !== 'Cluster' && s.internalTrafficPolicy !== 'Local') {
    errs.push(notSupported('spec.internalTrafficPolicy', s.internalTrafficPolicy, ['Cluster', 'Local']));
  }
  return errs;
}

/** upstream: the port allocator (REST storage) rejects NodePorts outside --service-node-port-range. */
function nodePortRange(ports: Obj[]): FieldError[] {
  return ports.flatMap((p, i) => (p?.nodePort && (p.nodePort < NODE_PORT_RANGE.min || p.nodePort > NODE_PORT_RANGE.max)
    ? [invalid(`spec.ports[${i}].nodePort`, p.nodePort,
      `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_RANGE.min}-${NODE_PORT_RANGE.max}`)] : []));
}

const SOURCE_RANGES_ANNOTATION = 'service.beta.kubernetes.io/load-balancer-source-ranges';
const TOPOLOGY_HINTS_ANNOTATION = 'service.kubernetes.io/topology-aware-hints';
const TOPOLOGY_MODE_ANNOTATION = 'service.kubernetes.io/topology-mode';
const CIDR_MSG = 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)';

/** netutils.ParseCIDRSloppy's acceptance: an IP, a slash, a prefix length that fits the family. */
function isCIDR(value: string): boolean {
  const [ip, bits, ...rest] = value.split('/');
  if (rest.length || bits === undefined || !/^\d{1,3}$/.test(bits) || !isIP(ip)) return false;
  return Number(bits) <= (ip.includes(':') ? 128 : 32);
}

/** upstream ValidateNonSpecialIP: externalIPs may not be unspecified, loopback or link-local. */
function nonSpecialIP(ip: string, field: string): FieldError[] {
  const v4 = ip.includes(':') ? undefined : ip.split('.').map(Number);
  const lower = ip.toLowerCase();
  const errs: FieldError[] = [];
  if (v4 ? v4.every((n) => n === 0) : /^[0:]+$/.test(lower)) errs.push(invalid(field, ip, `may not be unspecified (${ip})`));
  if (v4 ? v4[0] === 127 : lower === '::1') errs.push(invalid(field, ip, 'may not be in the loopback range (127.0.0.0/8, ::1/128)'));
  if (v4 ? v4[0] === 169 && v4[1] === 254 : /^fe[89ab]/.test(lower)) {
    errs.push(invalid(field, ip, 'may not be in the link-local range (169.254.0.0/16, fe80::/10)'));
  }
  if (v4 ? v4[0] === 224 && v4[1] === 0 && v4[2] === 0 : lower.startsWith('ff02:')) {
    errs.push(invalid(field, ip, 'may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)'));
  }
  return errs;
}

/** upstream: spec.loadBalancerSourceRanges (or the legacy annotation) only for LoadBalancer, each a CIDR. */
function sourceRanges(obj: Obj, s: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const ranges: string[] = Array.isArray(s.loadBalancerSourceRanges) ? s.loadBalancerSourceRanges : [];
  if (ranges.length) {
    if (s.type !== 'LoadBalancer') errs.push(forbidden('spec.LoadBalancerSourceRanges', "may only be used when `type` is 'LoadBalancer'"));
    ranges.forEach((r, i) => {
      const value = String(r).trim();
      if (!isCIDR(value)) errs.push(invalid(`spec.LoadBalancerSourceRanges[${i}]`, value, CIDR_MSG));
    });
    return errs;
  }
  const annotation = obj.metadata?.annotations?.[SOURCE_RANGES_ANNOTATION];
  if (annotation === undefined) return errs;
  const field = `metadata.annotations[${SOURCE_RANGES_ANNOTATION}]`;
  if (s.type !== 'LoadBalancer') errs.push(forbidden(field, "may only be used when `type` is 'LoadBalancer'"));
  const value = String(annotation).trim();
  if (value) for (const cidr of value.split(',')) if (!isCIDR(cidr.trim())) errs.push(invalid(field, cidr.trim(), CIDR_MSG));
  return errs;
}

/** upstream: the deprecated topology-aware-hints annotation and topology-mode must agree when both are set. */
function topologyAnnotations(obj: Obj): FieldError[] {
  const a: Obj = obj.metadata?.annotations ?? {};
  if (!(TOPOLOGY_HINTS_ANNOTATION in a) || !(TOPOLOGY_MODE_ANNOTATION in a) || a[TOPOLOGY_HINTS_ANNOTATION] === a[TOPOLOGY_MODE_ANNOTATION]) return [];
  return [invalid(`metadata.annotations[${TOPOLOGY_MODE_ANNOTATION}]`, a[TOPOLOGY_MODE_ANNOTATION],
    `must match annotations[${TOPOLOGY_HINTS_ANNOTATION}] when both are specified`)];
}

/**
 * upstream validateLoadBalancerClassField: only LoadBalancer Services name a class, it is a
 * qualified name, and it may not change while the Service stays a LoadBalancer.
 */
function loadBalancerClass(s: Obj, old?: Obj): FieldError[] {
  const errs: FieldError[] = [];
  if (old && old.type === 'LoadBalancer' && s.type === 'LoadBalancer' && (old.loadBalancerClass ?? null) !== (s.loadBalancerClass ?? null)) {
    errs.push(invalid('spec.loadBalancerClass', s.loadBalancerClass ?? null, 'may not change once set'));
  }
  if (s.loadBalancerClass == null) return errs;
  if (s.type === 'LoadBalancer') {
    errs.push(...isQualifiedName(String(s.loadBalancerClass)).map((m) => invalid('spec.loadBalancerClass', s.loadBalancerClass, m)));
  } else errs.push(forbidden('spec.loadBalancerClass', "may only be used when `type` is 'LoadBalancer'"));
  return errs;
}

/** upstream: healthCheckNodePort belongs to LoadBalancer Services with externalTrafficPolicy Local. */
function healthCheckNodePort(s: Obj): FieldError[] {
  const port = s.healthCheckNodePort ?? 0;
  const needed = s.type === 'LoadBalancer' && s.externalTrafficPolicy === 'Local';
  if (!needed) {
    return port ? [invalid('spec.healthCheckNodePort', port,
      "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'")] : [];
  }
  // the Required case is not checked: here addresses (and this port) are allocated after validation
  return port ? isValidPortNum(port).map((m) => invalid('spec.healthCheckNodePort', port, m)) : [];
}

export function validateService(obj: Obj, old?: Obj): FieldError[] {
  const s: Obj = obj.spec ?? {};
  const ports: Obj[] = Array.isArray(s.ports) ? s.ports : [];
  // upstream ValidateServiceCreate checks the load-balancer class first; updates check it against the old spec
  const errs = old ? [] : loadBalancerClass(s);
  errs.push(...validateObjectMeta(obj.metadata, true, nameIsDNS1035Label));
  errs.push(...topologyAnnotations(obj));
  if (!ports.length && !isHeadless(s) && s.type !== 'ExternalName') errs.push(required('spec.ports'));
  errs.push(...typeSpecific(s));
  const names = new Set<string>();
  ports.forEach((p, i) => errs.push(...validatePort(p ?? {}, ports.length > 1, names, `spec.ports[${i}]`)));
  if (s.selector != null) errs.push(...validateLabels(s.selector, 'spec.selector'));
  if (!s.sessionAffinity) errs.push(required('spec.sessionAffinity'));
  else if (s.sessionAffinity !== 'ClientIP' && s.sessionAffinity !== 'None') {
    errs.push(notSupported('spec.sessionAffinity', s.sessionAffinity, ['ClientIP', 'None']));
  }
  const timeout = s.sessionAffinityConfig?.clientIP?.timeoutSeconds;
  if (s.sessionAffinity === 'ClientIP' && timeout != null && (timeout <= 0 || timeout > 86400)) {
    errs.push(invalid('spec.sessionAffinityConfig.clientIP.timeoutSeconds', timeout, 'must be greater than 0 and less than 86400'));
  }
  if (s.sessionAffinity === 'None' && s.sessionAffinityConfig != null) {
    errs.push(forbidden('spec.sessionAffinityConfig', 'must not be set when session affinity is None'));
  }
  errs.push(...clusterIPFields(s));
  (s.externalIPs ?? []).forEach((ip: string, i: number) => {
    if (!isIP(String(ip))) errs.push(invalid(`spec.externalIPs[${i}]`, ip, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'));
    else errs.push(...nonSpecialIP(String(ip), `spec.externalIPs[${i}]`));
  });
  if (!s.type) errs.push(required('spec.type'));
  else if (!TYPES.includes(s.type)) errs.push(notSupported('spec.type', s.type, TYPES));
  errs.push(...portUniqueness(s, ports));
  errs.push(...sourceRanges(obj, s));
  errs.push(...trafficPolicies(s));
  errs.push(...nodePortRange(ports));
  return errs;
}

/** Allocated cluster IPs may not change (switching to or from ExternalName aside). */
export function validateServiceUpdate(obj: Obj, old: Obj): FieldError[] {
  const s: Obj = obj.spec ?? {};
  const o: Obj = old.spec ?? {};
  const classErrs = loadBalancerClass(s, o);
  if (s.type === 'ExternalName' || o.type === 'ExternalName') return classErrs;
  if (isHeadless(o) && isHeadless(s)) return classErrs;
  const next: string[] = s.clusterIPs ?? [];
  const prev: string[] = o.clusterIPs ?? [];
  const errs: FieldError[] = classErrs;
  if (prev.length === next.length) {
    prev.forEach((ip, i) => { if (ip !== next[i]) errs.push(invalid(`spec.clusterIPs[${i}]`, goStringSlice(s.clusterIPs), 'may not change once set')); });
  } else if (prev.length > next.length) {
    if (!next.length) errs.push(invalid('spec.clusterIPs[0]', goStringSlice(s.clusterIPs), 'primary clusterIP can not be unset'));
    else if (next[0] !== prev[0]) errs.push(invalid('spec.clusterIPs[0]', goStringSlice(s.clusterIPs), 'may not change once set'));
  } else if (prev.length && next[0] !== prev[0]) {
    errs.push(invalid('spec.clusterIPs[0]', goStringSlice(s.clusterIPs), 'may not change once set'));
  }
  return errs;
}
