import { describe, expect, it } from 'vitest';
import { renderIpsets, renderIpvs, renderKubeIpvs0 } from '../../../src/engine/proxy/ipvs';
import { buildProxyModel } from '../../../src/engine/proxy/model';
import { servicePortInfos } from '../../../src/engine/proxy/serviceMap';
import type { KubeObject } from '../../../src/engine/api';
import { service, slice } from './fixtures';

const THREE = [{ ip: '10.244.1.5', node: 'node-1' }, { ip: '10.244.1.12', node: 'node-1' }, { ip: '10.244.2.7', node: 'node-2' }];

function model(svc: KubeObject, slices: KubeObject[], node = 'node-1') {
  return buildProxyModel({ mode: 'ipvs', node, nodeIPs: ['172.18.0.2'], clusterCIDR: '10.244.0.0/16', servicePorts: servicePortInfos(svc, slices) });
}

describe('renderIpvs', () => {
  it('prints `ipvsadm -Ln` for a 3-endpoint Service as §10 shows it (real servers in address order)', () => {
    const svc = service('web', { clusterIP: '10.96.120.15', ports: [{ port: 80, targetPort: 8080, protocol: 'TCP' }] });
    expect(renderIpvs(model(svc, [slice('web', [{ port: 8080 }], THREE)]))).toBe([
      'IP Virtual Server version 1.2.1 (size=4096)',
      'Prot LocalAddress:Port Scheduler Flags',
      '  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn',
      'TCP  10.96.120.15:80 rr',
      '  -> 10.244.1.5:8080              Masq    1      0          0',
      '  -> 10.244.1.12:8080             Masq    1      0          0',
      '  -> 10.244.2.7:8080              Masq    1      0          0',
      '',
    ].join('\n'));
  });

  it('adds a virtual server per Node address for a NodePort, persistence for ClientIP affinity, and sorts TCP before UDP', () => {
    const svc = service('web', { type: 'NodePort', clusterIP: '10.96.120.15', sessionAffinity: 'ClientIP',
      sessionAffinityConfig: { clientIP: { timeoutSeconds: 600 } }, externalTrafficPolicy: 'Cluster',
      ports: [{ name: 'http', port: 80, protocol: 'TCP', nodePort: 30080 }, { name: 'dns', port: 53, protocol: 'UDP', nodePort: 30053 }] });
    const sl = slice('web', [{ name: 'http', port: 8080 }, { name: 'dns', port: 5353, protocol: 'UDP' }], THREE.slice(0, 1));
    const text = renderIpvs(model(svc, [sl])).split('\n').filter((l) => !l.startsWith('  ->') && l);
    expect(text.slice(2)).toEqual([
      'TCP  10.96.120.15:80 rr persistent 600',
      'TCP  172.18.0.2:30080 rr persistent 600',
      'UDP  10.96.120.15:53 rr persistent 600',
      'UDP  172.18.0.2:30053 rr persistent 600',
    ]);
  });

  it('keeps a virtual server without real servers when there are no endpoints', () => {
    const svc = service('web', { clusterIP: '10.96.120.15', ports: [{ port: 80, protocol: 'TCP' }] });
    const text = renderIpvs(model(svc, [slice('web', [{ port: 80 }], [])]));
    expect(text.endsWith('TCP  10.96.120.15:80 rr\n')).toBe(true);
  });

  it('binds every VIP to kube-ipvs0 and lists kube-proxy\'s ipsets', () => {
    const svc = service('web', { type: 'NodePort', clusterIP: '10.96.120.15', externalTrafficPolicy: 'Cluster',
      ports: [{ port: 80, protocol: 'TCP', nodePort: 30080 }] });
    const m = model(svc, [slice('web', [{ port: 8080 }], THREE)]);
    expect(renderKubeIpvs0(m)).toContain('    inet 10.96.120.15/32 scope global kube-ipvs0\n');
    const sets = renderIpsets(m);
    expect(sets).toContain('Name: KUBE-CLUSTER-IP\nType: hash:ip,port\nNumber of entries: 1\nMembers:\n10.96.120.15,tcp:80\n');
    expect(sets).toContain('Name: KUBE-NODE-PORT-TCP\nType: bitmap:port\nNumber of entries: 1\nMembers:\n30080\n');
    // hairpin entries only for this Node's endpoints
    expect(sets).toContain('10.244.1.5,tcp:8080,10.244.1.5');
    expect(sets).not.toContain('10.244.2.7,tcp:8080');
  });
});
