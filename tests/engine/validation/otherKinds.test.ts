import { describe, expect, it } from 'vitest';
import { causes } from './fixtures';

const LABEL_MSG = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const CONFIG_KEY_MSG = "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";

const meta = (name: string, namespace?: string) => ({ name, ...(namespace ? { namespace } : {}) });
const pvc = (spec: object) => ({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: meta('data', 'default'), spec });
const pv = (spec: object) => ({ apiVersion: 'v1', kind: 'PersistentVolume', metadata: meta('pv0'), spec });
const hpa = (spec: object) => ({ apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: meta('web', 'default'),
  spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, maxReplicas: 5, ...spec } });
const pdb = (spec: object) => ({ apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: meta('web', 'default'),
  spec: { selector: { matchLabels: { app: 'web' } }, ...spec } });

describe('valid objects of the other kinds', () => {
  it.each<[string, object]>([
    ['Namespace', { apiVersion: 'v1', kind: 'Namespace', metadata: meta('dev') }],
    ['Node', { apiVersion: 'v1', kind: 'Node', metadata: meta('node-1'), spec: { taints: [{ key: 'gpu', value: 'yes', effect: 'NoSchedule' }] } }],
    ['ConfigMap', { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta('cfg', 'default'), data: { 'game.properties': 'x', KEY_1: 'y' } }],
    ['Secret', { apiVersion: 'v1', kind: 'Secret', metadata: meta('s', 'default'), data: { password: 'cGFzcw==' } }],
    ['PVC', pvc({ accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } })],
    ['PV', pv({ capacity: { storage: '5Gi' }, accessModes: ['ReadWriteOnce'], hostPath: { path: '/mnt/data' } })],
    ['StorageClass', { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: meta('fast'), provisioner: 'kubernetes.io/no-provisioner' }],
    ['HPA', hpa({ minReplicas: 1 })],
    ['PDB', pdb({ minAvailable: 2 })],
    ['ClusterRole named with colons', { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: meta('system:reader') }],
    ['Ingress', { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: meta('web', 'default'), spec: {} }],
  ])('%s', (_name, manifest) => {
    expect(causes(manifest)).toEqual([]);
  });
});

describe('invalid objects of the other kinds', () => {
  it.each<[string, object, string[]]>([
    ['Namespace name is a DNS label', { apiVersion: 'v1', kind: 'Namespace', metadata: meta('My_Ns') },
      [`metadata.name: Invalid value: "My_Ns": ${LABEL_MSG}`]],
    ['Node taint effect (reported under metadata.taints)', { apiVersion: 'v1', kind: 'Node', metadata: meta('n1'),
      spec: { taints: [{ key: 'gpu', effect: 'NoRun' }] } },
    ['metadata.taints[0].effect: Unsupported value: "NoRun": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"']],
    ['Node taint effect required', { apiVersion: 'v1', kind: 'Node', metadata: meta('n1'), spec: { taints: [{ key: 'gpu' }] } },
      ['metadata.taints[0].effect: Required value']],
    ['ConfigMap key', { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta('cfg', 'default'), data: { 'bad key': 'x' } },
      [`data[bad key]: Invalid value: "bad key": ${CONFIG_KEY_MSG}`]],
    ['Secret key', { apiVersion: 'v1', kind: 'Secret', metadata: meta('s', 'default'), data: { '..x': 'eA==' } },
      ["data[..x]: Invalid value: \"..x\": must not start with '..'"]],
    ['TLS secret keys', { apiVersion: 'v1', kind: 'Secret', metadata: meta('s', 'default'), type: 'kubernetes.io/tls', data: {} },
      ['data[tls.crt]: Required value', 'data[tls.key]: Required value']],
    ['PVC without access modes or size', pvc({}),
      ['spec.accessModes: Required value: at least 1 access mode is required', 'spec.resources[storage]: Required value']],
    ['PVC access mode', pvc({ accessModes: ['ReadWriteSometimes'], resources: { requests: { storage: '1Gi' } } }),
      ['spec.accessModes: Unsupported value: "ReadWriteSometimes": supported values: "ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"']],
    ['PVC zero size', pvc({ accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '0' } } }),
      ['spec.resources[storage]: Invalid value: "0": must be greater than zero']],
    ['PV without capacity, modes or source', pv({}),
      ['spec.accessModes: Required value', 'spec.capacity: Required value',
        'spec.capacity: Unsupported value: core.ResourceList(nil): supported values: "storage"', 'spec: Required value: must specify a volume type']],
    ['PV reclaim policy', pv({ capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], hostPath: { path: '/d' }, persistentVolumeReclaimPolicy: 'Keep' }),
      ['spec.persistentVolumeReclaimPolicy: Unsupported value: "Keep": supported values: "Delete", "Recycle", "Retain"']],
    ['StorageClass without provisioner', { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: meta('fast') },
      ['provisioner: Required value']],
    ['HPA min above max', hpa({ minReplicas: 6 }), ['spec.maxReplicas: Invalid value: 5: must be greater than or equal to `minReplicas`']],
    ['HPA maxReplicas', hpa({ maxReplicas: 0 }), ['spec.maxReplicas: Invalid value: 0: must be greater than 0',
      'spec.maxReplicas: Invalid value: 0: must be greater than or equal to `minReplicas`']],
    ['HPA minReplicas', hpa({ minReplicas: 0 }), ['spec.minReplicas: Invalid value: 0: must be greater than or equal to 1']],
    ['HPA target ref', hpa({ scaleTargetRef: { kind: 'Deployment' } }), ['spec.scaleTargetRef.name: Required value']],
    ['PDB both set', pdb({ minAvailable: 1, maxUnavailable: 1 }),
      ['spec: Invalid value: policy.PodDisruptionBudgetSpec{...}: minAvailable and maxUnavailable cannot be both set']],
    ['PDB percent', pdb({ minAvailable: '150%' }),
      ['spec.minAvailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"150%"}: must not be greater than 100%']],
    ['RBAC name', { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: meta('a/b', 'default') },
      ["metadata.name: Invalid value: \"a/b\": may not contain '/'"]],
    ['generic kind still validates its name', { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: meta('Web', 'default') },
      ["metadata.name: Invalid value: \"Web\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"]],
  ])('%s', (_name, manifest, expected) => {
    expect(causes(manifest)).toEqual(expected);
  });
});
