/** `kubectl describe service` (upstream kubectl `describeService`, `formatEndpointSlices`). */
import type { Service, ServicePort } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { LEVEL_0, PrefixWriter } from './tabWriter';
import { printAnnotations, printLabels } from './describeFields';
import { describeEvents, type EventObject } from './events';
import type { DescribeSources } from './describeWorkloads';

const MAX_ENDPOINTS = 3;

/** Ready endpoints of one Service port: `10.244.1.5:80,10.244.2.7:80 + 2 more...`, or `<none>`. */
export function endpointsText(slices: EndpointSlice[], portName: string): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  let count = 0;
  for (const slice of slices) {
    for (const port of slice.ports ?? []) {
      if (port.name !== undefined && port.name !== null && port.name !== portName) continue;
      for (const ep of slice.endpoints ?? []) {
        if (ep.conditions?.ready === false) continue;
        for (const address of ep.addresses) {
          const host = address.includes(':') ? `[${address}]` : address;
          if (count < MAX_ENDPOINTS) list.push(`${host}:${port.port ?? ''}`);
          count += 1;
        }
      }
    }
  }
  const more = count > MAX_ENDPOINTS ? ` + ${count - MAX_ENDPOINTS} more...` : '';
  return list.join(',') + more;
}

function describePort(sp: ServicePort, slices: EndpointSlice[], w: PrefixWriter): void {
  const name = sp.name || '<unset>';
  const protocol = sp.protocol ?? 'TCP';
  w.write(LEVEL_0, `Port:\t${name}\t${sp.port}/${protocol}\n`);
  w.write(LEVEL_0, `TargetPort:\t${sp.targetPort ?? sp.port}/${protocol}\n`);
  if (sp.nodePort) w.write(LEVEL_0, `NodePort:\t${name}\t${sp.nodePort}/${protocol}\n`);
  w.write(LEVEL_0, `Endpoints:\t${endpointsText(slices, sp.name ?? '')}\n`);
}

export function describeService(svc: Service, sources: DescribeSources, events: readonly EventObject[], now: number): string {
  const w = new PrefixWriter();
  const spec = svc.spec ?? {};
  w.write(LEVEL_0, `Name:\t${svc.metadata?.name ?? ''}\n`);
  w.write(LEVEL_0, `Namespace:\t${svc.metadata?.namespace ?? ''}\n`);
  printLabels(w, 'Labels', svc.metadata?.labels);
  printAnnotations(w, 'Annotations', svc.metadata?.annotations);
  const selector = Object.keys(spec.selector ?? {}).sort().map((k) => `${k}=${spec.selector![k]}`).join(',');
  w.write(LEVEL_0, `Selector:\t${selector || '<none>'}\n`);
  w.write(LEVEL_0, `Type:\t${spec.type ?? ''}\n`);
  if (spec.ipFamilyPolicy) w.write(LEVEL_0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
  w.write(LEVEL_0, `IP Families:\t${spec.ipFamilies?.length ? spec.ipFamilies.join(',') : '<none>'}\n`);
  w.write(LEVEL_0, `IP:\t${spec.clusterIP ?? ''}\n`);
  w.write(LEVEL_0, `IPs:\t${spec.clusterIPs?.length ? spec.clusterIPs.join(',') : '<none>'}\n`);
  if (spec.externalIPs?.length) w.write(LEVEL_0, `External IPs:\t${spec.externalIPs.join(',')}\n`);
  if (spec.loadBalancerIP) w.write(LEVEL_0, `IP:\t${spec.loadBalancerIP}\n`);
  const ingress = (svc.status?.loadBalancer?.ingress ?? []).map((i) => i.ip || i.hostname).filter(Boolean);
  if (ingress.length) w.write(LEVEL_0, `LoadBalancer Ingress:\t${ingress.join(', ')}\n`);
  const slices = (sources.list('EndpointSlice', svc.metadata?.namespace) as unknown as EndpointSlice[])
    .filter((s) => s.metadata?.labels?.['kubernetes.io/service-name'] === svc.metadata?.name);
  for (const sp of spec.ports ?? []) describePort(sp, slices, w);
  w.write(LEVEL_0, `Session Affinity:\t${spec.sessionAffinity ?? ''}\n`);
  if (spec.externalTrafficPolicy) w.write(LEVEL_0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
  if (spec.healthCheckNodePort) w.write(LEVEL_0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`);
  if (spec.internalTrafficPolicy) w.write(LEVEL_0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
  describeEvents(w, events, now);
  return w.toString();
}
