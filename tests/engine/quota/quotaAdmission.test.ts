import { describe, expect, it } from 'vitest';
import { cluster, ok, pod, quota, refusal } from './quotaFixtures';

describe('ResourceQuota admission', () => {
  it('refuses a Pod that would pass a compute limit, with the exact exceeded-quota message', () => {
    const c = cluster();
    ok(c, quota('compute-quota', { 'requests.cpu': '4' }));
    ok(c, pod('first', '{requests: {cpu: "3"}}'));
    expect(refusal(c, pod('x', '{requests: {cpu: "2"}}'))).toBe('Error from server (Forbidden): pods "x" is forbidden: ' +
      'exceeded quota: compute-quota, requested: requests.cpu=2, used: requests.cpu=3, limited: requests.cpu=4');
    ok(c, pod('fits', '{requests: {cpu: "1"}}'));
  });

  it('lists every exceeded resource, in name order, with memory in its binary form', () => {
    const c = cluster();
    ok(c, quota('mem', { 'requests.memory': '1Gi', 'limits.memory': '1Gi', pods: '10' }));
    ok(c, pod('a', '{requests: {memory: 768Mi}, limits: {memory: 768Mi}}'));
    expect(refusal(c, pod('b', '{requests: {memory: 512Mi}, limits: {memory: 512Mi}}'))).toBe(
      'Error from server (Forbidden): pods "b" is forbidden: exceeded quota: mem, requested: limits.memory=512Mi,requests.memory=512Mi, ' +
      'used: limits.memory=768Mi,requests.memory=768Mi, limited: limits.memory=1Gi,requests.memory=1Gi');
  });

  it('requires every container to state what a cpu/memory quota tracks', () => {
    const c = cluster();
    ok(c, quota('compute', { 'limits.cpu': '2', 'requests.memory': '1Gi' }));
    expect(refusal(c, pod('bare'))).toBe('Error from server (Forbidden): pods "bare" is forbidden: ' +
      'failed quota: compute: must specify limits.cpu for: app; requests.memory for: app');
    const twoContainers = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: two\nspec:\n  containers:\n' +
      '  - { name: web, image: nginx:1.27, resources: { limits: { cpu: 500m, memory: 128Mi } } }\n' +
      '  - { name: log, image: busybox:1.36, command: [sleep, "3600"], resources: { requests: { memory: 64Mi } } }\n';
    expect(refusal(c, twoContainers)).toBe('Error from server (Forbidden): pods "two" is forbidden: failed quota: compute: must specify limits.cpu for: log');
  });

  it('counts objects: pods, services, node ports, load balancers, configmaps, claims, count/deployments.apps', () => {
    const c = cluster();
    ok(c, quota('objects', {
      pods: '1', services: '3', 'services.nodeports': '1', 'services.loadbalancers': '0', configmaps: '2',
      persistentvolumeclaims: '1', 'count/deployments.apps': '1',
    }));
    ok(c, pod('one'));
    expect(refusal(c, pod('two'))).toBe('Error from server (Forbidden): pods "two" is forbidden: ' +
      'exceeded quota: objects, requested: pods=1, used: pods=1, limited: pods=1');
    const svc = (name: string, type: string, ports = '[{ port: 80 }]') =>
      `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  type: ${type}\n  selector: { app: x }\n  ports: ${ports}\n`;
    ok(c, svc('np', 'NodePort'));
    expect(refusal(c, svc('np2', 'NodePort'))).toBe('Error from server (Forbidden): services "np2" is forbidden: ' +
      'exceeded quota: objects, requested: services.nodeports=1, used: services.nodeports=1, limited: services.nodeports=1');
    expect(refusal(c, svc('lb', 'LoadBalancer\n  allocateLoadBalancerNodePorts: false'))).toBe('Error from server (Forbidden): services "lb" is forbidden: ' +
      'exceeded quota: objects, requested: services.loadbalancers=1, used: services.loadbalancers=0, limited: services.loadbalancers=0');
    // kube-root-ca.crt already uses one of the two configmaps
    ok(c, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n');
    expect(refusal(c, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n')).toBe('Error from server (Forbidden): configmaps "b" is forbidden: ' +
      'exceeded quota: objects, requested: configmaps=1, used: configmaps=2, limited: configmaps=2');
    const claim = (name: string) => `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: ${name}\nspec:\n` +
      '  accessModes: [ReadWriteOnce]\n  resources: { requests: { storage: 1Gi } }\n';
    ok(c, claim('data'));
    expect(refusal(c, claim('more'))).toContain('persistentvolumeclaims "more" is forbidden: exceeded quota: objects, ' +
      'requested: persistentvolumeclaims=1, used: persistentvolumeclaims=1, limited: persistentvolumeclaims=1');
    const deploy = (name: string) => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  replicas: 0\n` +
      `  selector: { matchLabels: { app: ${name} } }\n  template:\n    metadata: { labels: { app: ${name} } }\n` +
      '    spec: { containers: [{ name: app, image: nginx:1.27 }] }\n';
    ok(c, deploy('web'));
    expect(refusal(c, deploy('api'))).toBe('Error from server (Forbidden): deployments.apps "api" is forbidden: ' +
      'exceeded quota: objects, requested: count/deployments.apps=1, used: count/deployments.apps=1, limited: count/deployments.apps=1');
  });

  it('charges a Service update that turns it into a NodePort', () => {
    const c = cluster();
    ok(c, quota('ports', { 'services.nodeports': '1' }));
    const svc = (type: string, ports: string) =>
      `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: ${type}\n  selector: { app: x }\n  ports: ${ports}\n`;
    ok(c, svc('ClusterIP', '[{ name: a, port: 80 }, { name: b, port: 81 }]'));
    expect(refusal(c, svc('NodePort', '[{ name: a, port: 80 }, { name: b, port: 81 }]'))).toBe('Error from server (Forbidden): ' +
      'services "web" is forbidden: exceeded quota: ports, requested: services.nodeports=2, used: services.nodeports=0, limited: services.nodeports=1');
  });

  it('applies scoped quotas only to the Pods in scope', () => {
    const c = cluster();
    ok(c, quota('best-effort', { pods: '1' }, '  scopes: [BestEffort]\n'));
    ok(c, quota('long-running', { pods: '2' }, '  scopes: [NotTerminating, NotBestEffort]\n'));
    ok(c, quota('batch', { pods: '1' }, '  scopes: [Terminating]\n'));
    ok(c, pod('be1'));
    expect(refusal(c, pod('be2'))).toBe('Error from server (Forbidden): pods "be2" is forbidden: ' +
      'exceeded quota: best-effort, requested: pods=1, used: pods=1, limited: pods=1');
    ok(c, pod('b1', '{requests: {cpu: 100m}}'));
    ok(c, pod('b2', '{requests: {cpu: 100m}}'));
    expect(refusal(c, pod('b3', '{requests: {cpu: 100m}}'))).toBe('Error from server (Forbidden): pods "b3" is forbidden: ' +
      'exceeded quota: long-running, requested: pods=1, used: pods=2, limited: pods=2');
    // a Pod with activeDeadlineSeconds is Terminating-scoped, so only `batch` counts it
    ok(c, pod('t1', '{requests: {cpu: 100m}}', '  activeDeadlineSeconds: 600\n'));
    expect(refusal(c, pod('t2', '{requests: {cpu: 100m}}', '  activeDeadlineSeconds: 600\n'))).toBe('Error from server (Forbidden): ' +
      'pods "t2" is forbidden: exceeded quota: batch, requested: pods=1, used: pods=1, limited: pods=1');
  });

  it('ignores quotas of other namespaces', () => {
    const c = cluster();
    ok(c, 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team\n');
    ok(c, quota('none', { pods: '0' }).replace('metadata:\n', 'metadata:\n  namespace: team\n'));
    ok(c, pod('free'));
    expect(refusal(c, pod('blocked').replace('metadata:\n', 'metadata:\n  namespace: team\n'))).toBe('Error from server (Forbidden): ' +
      'pods "blocked" is forbidden: exceeded quota: none, requested: pods=1, used: pods=0, limited: pods=0');
  });
});
