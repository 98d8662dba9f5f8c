import { describe, expect, it } from 'vitest';
import { causes, service } from '../validation/fixtures';

describe('Service validation gaps (upstream ValidateService)', () => {
  it.each<[string, object, string[]]>([
    ['externalIPs may not be loopback', service({ externalIPs: ['127.0.0.1'] }),
      ['spec.externalIPs[0]: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)']],
    ['externalIPs may not be unspecified', service({ externalIPs: ['0.0.0.0'] }),
      ['spec.externalIPs[0]: Invalid value: "0.0.0.0": may not be unspecified (0.0.0.0)']],
    ['externalIPs may not be link-local', service({ externalIPs: ['169.254.1.1'] }),
      ['spec.externalIPs[0]: Invalid value: "169.254.1.1": may not be in the link-local range (169.254.0.0/16, fe80::/10)']],
    ['source ranges must be CIDRs', service({ type: 'LoadBalancer', loadBalancerSourceRanges: ['10.0.0.0/8', '10.0.0.1'] }),
      ['spec.LoadBalancerSourceRanges[1]: Invalid value: "10.0.0.1": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)']],
    ['the source-ranges annotation only for LoadBalancer', service({}, { annotations: { 'service.beta.kubernetes.io/load-balancer-source-ranges': '10.0.0.0/8' } }),
      ["metadata.annotations[service.beta.kubernetes.io/load-balancer-source-ranges]: Forbidden: may only be used when `type` is 'LoadBalancer'"]],
    ['healthCheckNodePort only with LoadBalancer + Local', service({ type: 'NodePort', healthCheckNodePort: 31000 }),
      ["spec.healthCheckNodePort: Invalid value: 31000: may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"]],
    ['loadBalancerClass only with LoadBalancer', service({ loadBalancerClass: 'example.com/lb' }),
      ["spec.loadBalancerClass: Forbidden: may only be used when `type` is 'LoadBalancer'"]],
    ['topology annotations must agree', service({}, { annotations: { 'service.kubernetes.io/topology-aware-hints': 'Auto',
      'service.kubernetes.io/topology-mode': 'Disabled' } }),
    ['metadata.annotations[service.kubernetes.io/topology-mode]: Invalid value: "Disabled": must match annotations[service.kubernetes.io/topology-aware-hints] when both are specified']],
  ])('%s', (_name, manifest, expected) => {
    expect(causes(manifest)).toEqual(expected);
  });

  it('accepts what upstream accepts', () => {
    expect(causes(service({ externalIPs: ['192.168.10.10'] }))).toEqual([]);
    expect(causes(service({ type: 'LoadBalancer', loadBalancerSourceRanges: [' 10.0.0.0/8 '], loadBalancerClass: 'example.com/lb',
      externalTrafficPolicy: 'Local', healthCheckNodePort: 31000 }))).toEqual([]);
  });

  it('keeps the load-balancer class fixed while the Service stays a LoadBalancer', () => {
    const old = service({ type: 'LoadBalancer', loadBalancerClass: 'example.com/a', clusterIP: '10.96.0.50', clusterIPs: ['10.96.0.50'] });
    const next = service({ type: 'LoadBalancer', loadBalancerClass: 'example.com/b', clusterIP: '10.96.0.50', clusterIPs: ['10.96.0.50'] });
    expect(causes(next, old)).toEqual(['spec.loadBalancerClass: Invalid value: "example.com/b": may not change once set']);
  });
});
