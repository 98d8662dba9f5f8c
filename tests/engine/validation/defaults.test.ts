import { describe, expect, it } from 'vitest';
import { applyDefaults, canonicalQuantity, imageTag } from '../../../src/engine/apiserver/defaults';
import { UID, container, cronJob, job, pod, service } from './fixtures';

const DEFAULTED_CONTAINER = {
  name: 'web', image: 'nginx', imagePullPolicy: 'Always', terminationMessagePath: '/dev/termination-log',
  terminationMessagePolicy: 'File', resources: {},
};
const DEFAULTED_TEMPLATE_SPEC = {
  containers: [DEFAULTED_CONTAINER], restartPolicy: 'Always', dnsPolicy: 'ClusterFirst', schedulerName: 'default-scheduler',
  securityContext: {}, terminationGracePeriodSeconds: 30,
};

describe('applyDefaults: Deployment', () => {
  const bare = {
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' },
    spec: {
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } },
    },
  };

  it('fills every default a learner sees in get -o yaml', () => {
    expect(applyDefaults(bare)).toEqual({
      apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' },
      spec: {
        replicas: 1,
        selector: { matchLabels: { app: 'web' } },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
        revisionHistoryLimit: 10,
        progressDeadlineSeconds: 600,
        template: { metadata: { labels: { app: 'web' }, creationTimestamp: null }, spec: DEFAULTED_TEMPLATE_SPEC },
      },
    });
  });

  it('never mutates its input', () => {
    const before = JSON.stringify(bare);
    applyDefaults(bare);
    expect(JSON.stringify(bare)).toBe(before);
  });

  it('keeps what the user set', () => {
    const out = applyDefaults({ ...bare, spec: { ...bare.spec, replicas: 0, strategy: { type: 'Recreate' } } });
    expect(out.spec.replicas).toBe(0);
    expect(out.spec.strategy).toEqual({ type: 'Recreate' });
  });

  it('does not copy limits into requests in a template (upstream: Pods only)', () => {
    const out = applyDefaults({ ...bare, spec: { ...bare.spec, template: { ...bare.spec.template,
      spec: { containers: [{ name: 'web', image: 'nginx', resources: { limits: { cpu: '1' } } }] } } } });
    expect(out.spec.template.spec.containers[0].resources).toEqual({ limits: { cpu: '1' } });
    expect(out.spec.template.spec.enableServiceLinks).toBeUndefined();
  });
});

describe('applyDefaults: Pod', () => {
  it('defaults the spec, containers, ports and probes', () => {
    const out = applyDefaults(pod({
      containers: [container({
        ports: [{ containerPort: 80 }],
        resources: { limits: { cpu: '500m', memory: '128Mi' }, requests: { cpu: '250m' } },
        livenessProbe: { httpGet: { port: 80 } },
        readinessProbe: { tcpSocket: { port: 80 }, periodSeconds: 5 },
      })],
    }));
    const c = out.spec.containers[0];
    expect(c.ports).toEqual([{ containerPort: 80, protocol: 'TCP' }]);
    expect(c.resources).toEqual({ limits: { cpu: '500m', memory: '128Mi' }, requests: { cpu: '250m', memory: '128Mi' } });
    expect(c.livenessProbe).toEqual({ httpGet: { port: 80, path: '/', scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10,
      successThreshold: 1, failureThreshold: 3 });
    expect(c.readinessProbe.periodSeconds).toBe(5);
    expect(c.imagePullPolicy).toBe('IfNotPresent');
    expect(out.spec).toMatchObject({ restartPolicy: 'Always', dnsPolicy: 'ClusterFirst', schedulerName: 'default-scheduler',
      securityContext: {}, terminationGracePeriodSeconds: 30, enableServiceLinks: true });
  });

  it('defaults volumes: emptyDir when no source, 420 modes, hostPath type', () => {
    const out = applyDefaults(pod({ volumes: [{ name: 'a' }, { name: 'b', configMap: { name: 'cfg' } },
      { name: 'c', secret: { secretName: 's' } }, { name: 'd', hostPath: { path: '/data' } }] }));
    expect(out.spec.volumes).toEqual([
      { name: 'a', emptyDir: {} }, { name: 'b', configMap: { name: 'cfg', defaultMode: 420 } },
      { name: 'c', secret: { secretName: 's', defaultMode: 420 } }, { name: 'd', hostPath: { path: '/data', type: '' } },
    ]);
  });

  it('aliases the deprecated serviceAccount field', () => {
    expect(applyDefaults(pod({ serviceAccount: 'builder' })).spec).toMatchObject({ serviceAccountName: 'builder', serviceAccount: 'builder' });
  });

  it('treats a negative grace period as 1 on Pods only', () => {
    expect(applyDefaults(pod({ terminationGracePeriodSeconds: -5 })).spec.terminationGracePeriodSeconds).toBe(1);
    const tpl = applyDefaults({ kind: 'ReplicaSet', metadata: { name: 'x' }, spec: { template: { spec: { terminationGracePeriodSeconds: -5 } } } });
    expect(tpl.spec.template.spec.terminationGracePeriodSeconds).toBe(-5);
  });

  it('sets hostPort = containerPort on hostNetwork pods', () => {
    const out = applyDefaults(pod({ hostNetwork: true, containers: [container({ ports: [{ containerPort: 8080 }] })] }));
    expect(out.spec.containers[0].ports[0].hostPort).toBe(8080);
  });
});

describe('imagePullPolicy rule', () => {
  it.each<[string, string]>([
    ['nginx', 'latest'], ['nginx:latest', 'latest'], ['nginx:1.25', '1.25'], ['localhost:5000/web', 'latest'],
    ['registry.k8s.io/pause:3.9', '3.9'], ['nginx@sha256:abc', ''], ['nginx:1.25@sha256:abc', '1.25'], ['Nginx', ''], ['', ''],
  ])('%s has tag %j', (image, tag) => {
    expect(imageTag(image)).toBe(tag);
  });

  it.each<[string, string]>([['nginx', 'Always'], ['nginx:latest', 'Always'], ['nginx:1.25', 'IfNotPresent'], ['busybox@sha256:abc', 'IfNotPresent']])(
    '%s → %s', (image, policy) => {
      expect(applyDefaults(pod({ containers: [container({ image })] })).spec.containers[0].imagePullPolicy).toBe(policy);
    });
});

describe('canonical quantities (SetDefaults_ResourceList)', () => {
  it.each<[unknown, string]>([
    ['500m', '500m'], ['0.5', '500m'], ['1.5', '1500m'], [2, '2'], ['1000', '1k'], ['1500', '1500'], ['2000m', '2'],
    ['1024Mi', '1Gi'], ['0.5Gi', '512Mi'], ['1536Mi', '1536Mi'], ['1.5Ki', '1536'], ['100Mi', '100Mi'], ['128974848', '128974848'],
    ['129e6', '129e6'], ['129M', '129M'], ['1e3', '1e3'], ['0.0001', '1m'], ['0', '0'], ['1G', '1G'], ['-1', '-1'], ['1 core', '1 core'],
  ])('%j → %s', (input, expected) => {
    expect(canonicalQuantity(input)).toBe(expected);
  });

  it('applies to container resources', () => {
    const out = applyDefaults(pod({ containers: [container({ resources: { limits: { cpu: 0.5, memory: '1024Mi' } } })] }));
    expect(out.spec.containers[0].resources).toEqual({ limits: { cpu: '500m', memory: '1Gi' }, requests: { cpu: '500m', memory: '1Gi' } });
  });
});

describe('applyDefaults: other workloads', () => {
  it('ReplicaSet, StatefulSet, DaemonSet', () => {
    const tpl = { metadata: { labels: { app: 'x' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } };
    const rs = applyDefaults({ kind: 'ReplicaSet', metadata: { name: 'x' }, spec: { template: tpl } });
    expect(rs.spec.replicas).toBe(1);
    const sts = applyDefaults({ kind: 'StatefulSet', metadata: { name: 'x' }, spec: { template: tpl, volumeClaimTemplates: [
      { metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }] } });
    expect(sts.spec).toMatchObject({
      replicas: 1, podManagementPolicy: 'OrderedReady', revisionHistoryLimit: 10,
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
    });
    expect(sts.spec.volumeClaimTemplates[0]).toEqual({
      apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'www', creationTimestamp: null },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, volumeMode: 'Filesystem' },
      status: { phase: 'Pending' },
    });
    const ds = applyDefaults({ kind: 'DaemonSet', metadata: { name: 'x' }, spec: { template: tpl } });
    expect(ds.spec).toMatchObject({ revisionHistoryLimit: 10, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } } });
  });

  it('ReplicationController takes selector and labels from its template', () => {
    const rc = applyDefaults({ kind: 'ReplicationController', metadata: { name: 'x' },
      spec: { template: { metadata: { labels: { app: 'x' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } } } });
    expect(rc.spec.selector).toEqual({ app: 'x' });
    expect(rc.metadata.labels).toEqual({ app: 'x' });
    expect(rc.spec.replicas).toBe(1);
  });

  it('Job: counts, policies and the selector and labels generated from the uid', () => {
    const out = applyDefaults(job(), { uid: UID });
    expect(out.spec).toMatchObject({ completions: 1, parallelism: 1, backoffLimit: 6, completionMode: 'NonIndexed', suspend: false,
      podReplacementPolicy: 'TerminatingOrFailed', selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': UID } } });
    const labels = { 'batch.kubernetes.io/controller-uid': UID, 'batch.kubernetes.io/job-name': 'pi', 'controller-uid': UID, 'job-name': 'pi' };
    expect(out.spec.template.metadata.labels).toEqual(labels);
    expect(out.metadata.labels).toEqual(labels);
  });

  it('Job: parallelism alone; podFailurePolicy switches the replacement policy; manualSelector skips generation', () => {
    expect(applyDefaults(job({ completions: 5 }), { uid: UID }).spec.parallelism).toBe(1);
    expect(applyDefaults(job({ parallelism: 3 }), { uid: UID }).spec.completions).toBeUndefined();
    expect(applyDefaults(job({ podFailurePolicy: { rules: [] } }), { uid: UID }).spec.podReplacementPolicy).toBe('Failed');
    const manual = applyDefaults(job({ manualSelector: true, selector: { matchLabels: { a: 'b' } } }), { uid: UID });
    expect(manual.spec.selector).toEqual({ matchLabels: { a: 'b' } });
  });

  it('CronJob', () => {
    const out = applyDefaults(cronJob());
    expect(out.spec).toMatchObject({ concurrencyPolicy: 'Allow', suspend: false, successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1 });
    expect(out.spec.jobTemplate.metadata).toEqual({ creationTimestamp: null });
    expect(out.spec.jobTemplate.spec.template.spec.dnsPolicy).toBe('ClusterFirst');
    expect(out.spec.jobTemplate.spec.backoffLimit).toBeUndefined();
  });
});

describe('applyDefaults: Service and the rest', () => {
  it('Service ClusterIP', () => {
    const out = applyDefaults(service({ ports: [{ port: 80 }, { name: 'b', port: 8080, targetPort: 'http' }] }));
    expect(out.spec).toEqual({ selector: { app: 'web' }, type: 'ClusterIP', sessionAffinity: 'None', internalTrafficPolicy: 'Cluster',
      ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }, { name: 'b', port: 8080, targetPort: 'http', protocol: 'TCP' }] });
  });

  it('Service NodePort, LoadBalancer, ClientIP, ExternalName', () => {
    expect(applyDefaults(service({ type: 'NodePort' })).spec.externalTrafficPolicy).toBe('Cluster');
    expect(applyDefaults(service({ type: 'LoadBalancer' })).spec).toMatchObject({ externalTrafficPolicy: 'Cluster', allocateLoadBalancerNodePorts: true });
    expect(applyDefaults(service({ sessionAffinity: 'ClientIP' })).spec.sessionAffinityConfig).toEqual({ clientIP: { timeoutSeconds: 10800 } });
    const ext = applyDefaults(service({ type: 'ExternalName', externalName: 'example.com', ports: [] })).spec;
    expect(ext.internalTrafficPolicy).toBeUndefined();
    expect(applyDefaults(service({ clusterIP: 'None' })).spec.clusterIPs).toEqual(['None']);
  });

  it('Namespace, Secret, PV, PVC, StorageClass, HPA, NetworkPolicy, PriorityClass', () => {
    const ns = applyDefaults({ kind: 'Namespace', metadata: { name: 'dev' } });
    expect(ns.metadata.labels).toEqual({ 'kubernetes.io/metadata.name': 'dev' });
    expect(ns.spec).toEqual({ finalizers: ['kubernetes'] });
    expect(applyDefaults({ kind: 'Secret', metadata: { name: 's' }, stringData: { user: 'admin', pw: 'pä' } })).toEqual(
      { kind: 'Secret', metadata: { name: 's' }, type: 'Opaque', data: { user: 'YWRtaW4=', pw: 'cMOk' } });
    const pv = applyDefaults({ kind: 'PersistentVolume', metadata: { name: 'pv' }, spec: { capacity: { storage: '10Gi' }, hostPath: { path: '/d' } } });
    expect(pv.spec).toMatchObject({ persistentVolumeReclaimPolicy: 'Retain', volumeMode: 'Filesystem', hostPath: { path: '/d', type: '' } });
    const pvc = applyDefaults({ kind: 'PersistentVolumeClaim', metadata: { name: 'c' }, spec: { resources: { requests: { storage: '1024Mi' } } } });
    expect(pvc.spec).toMatchObject({ volumeMode: 'Filesystem', resources: { requests: { storage: '1Gi' } } });
    expect(pvc.status).toEqual({ phase: 'Pending' });
    expect(applyDefaults({ kind: 'StorageClass', metadata: { name: 'fast' }, provisioner: 'x' })).toMatchObject(
      { reclaimPolicy: 'Delete', volumeBindingMode: 'Immediate' });
    const hpa = applyDefaults({ apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'h' }, spec: { maxReplicas: 5 } });
    expect(hpa.spec).toMatchObject({ minReplicas: 1, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }] });
    const hpaBehavior = applyDefaults({ apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'h' },
      spec: { maxReplicas: 5, behavior: { scaleDown: { stabilizationWindowSeconds: 60 } } } });
    expect(hpaBehavior.spec.behavior.scaleDown).toEqual({ stabilizationWindowSeconds: 60, selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] });
    expect(hpaBehavior.spec.behavior.scaleUp.policies).toHaveLength(2);
    const np = applyDefaults({ kind: 'NetworkPolicy', metadata: { name: 'n' }, spec: { podSelector: {}, egress: [{ ports: [{ port: 53 }] }] } });
    expect(np.spec.policyTypes).toEqual(['Ingress', 'Egress']);
    expect(np.spec.egress[0].ports[0].protocol).toBe('TCP');
    expect(applyDefaults({ kind: 'PriorityClass', metadata: { name: 'p' }, value: 10 }).preemptionPolicy).toBe('PreemptLowerPriority');
  });
});
