import { describe, expect, it } from 'vitest';
import { kubeProxyConfig } from '../../../src/engine/commands/proxyMode';
import { proxyConfig } from '../../../src/engine/proxy/inputs';
import { portEndpoints } from '../../../src/engine/proxy/serviceMap';
import type { KubeObject } from '../../../src/engine/api';
import { slice } from './fixtures';

const configMap = (conf: string) => ({ data: { 'config.conf': conf } }) as unknown as KubeObject;

describe('proxyConfig (ConfigMap kube-system/kube-proxy)', () => {
  it.each([
    ['the bootstrap iptables config', kubeProxyConfig('iptables'), { mode: 'iptables', clusterCIDR: '10.244.0.0/16', scheduler: 'rr', minSyncPeriodMs: 1000 }],
    ['ipvs mode', kubeProxyConfig('ipvs'), { mode: 'ipvs', scheduler: 'rr' }],
    ['another scheduler and sync period', kubeProxyConfig('ipvs').replace('scheduler: ""', 'scheduler: "lc"').replace('minSyncPeriod: 1s', 'minSyncPeriod: 500ms'),
      { scheduler: 'lc', minSyncPeriodMs: 500 }],
    ['another cluster CIDR', kubeProxyConfig('iptables').replace('10.244.0.0/16', '192.168.0.0/16'), { clusterCIDR: '192.168.0.0/16' }],
    ['an empty config', '', { mode: 'iptables', clusterCIDR: '10.244.0.0/16', scheduler: 'rr', minSyncPeriodMs: 1000 }],
  ])('reads %s', (_label, conf, expected) => {
    expect(proxyConfig(configMap(conf))).toMatchObject(expected);
  });
});

describe('portEndpoints (kube-proxy\'s EndpointSlice cache)', () => {
  it('merges slices, matches the port by name and protocol, dedupes and sorts by "ip:port"', () => {
    const a = slice('web', [{ name: 'http', port: 8080 }], [{ ip: '10.244.1.5', node: 'node-1' }, { ip: '10.244.2.9', node: 'node-2' }], 'default', 'aaaaa');
    const b = slice('web', [{ name: 'http', port: 8080 }], [{ ip: '10.244.1.12', node: 'node-1' }, { ip: '10.244.1.5', node: 'node-1' }], 'default', 'bbbbb');
    const other = slice('web', [{ name: 'metrics', port: 9090 }], [{ ip: '10.244.3.3' }], 'default', 'ccccc');
    expect(portEndpoints([a, b, other], 'http', 'TCP').map((e) => e.key)).toEqual(['10.244.1.12:8080', '10.244.1.5:8080', '10.244.2.9:8080']);
    expect(portEndpoints([a, b, other], 'http', 'UDP')).toEqual([]);
  });

  it('reads unset conditions as ready and serving, not terminating', () => {
    const s = slice('web', [{ port: 80 }], [{ ip: '10.244.1.5' }]);
    delete ((s as unknown as { endpoints: { conditions?: unknown }[] }).endpoints[0]).conditions;
    expect(portEndpoints([s], '', 'TCP')[0]).toMatchObject({ ready: true, serving: true, terminating: false });
  });
});
