/** Platform scenarios for the Step-message coverage test: Services and traffic, HPA, storage, config, namespaces, quota. */
import { apply, deployment, run, type Scenario } from './stepTextWorkloads';

const service = (name: string, type: string, extra = '') => `apiVersion: v1
kind: Service
metadata: {name: ${name}}
spec:
  type: ${type}
  selector: {app: web}
  ports: [{name: http, port: 80, targetPort: 8080}]
${extra}`;

const agnhost = (name: string, replicas: number) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
      containers:
      - name: app
        image: registry.k8s.io/e2e-test-images/agnhost:2.39
        args: [netexec, --http-port=8080]
        resources: {requests: {cpu: 100m}}
        readinessProbe: {httpGet: {path: /, port: 8080}, periodSeconds: 2}
`;

const pv = (name: string, policy: string, extra = '') => `apiVersion: v1
kind: PersistentVolume
metadata: {name: ${name}}
spec:
  capacity: {storage: 2Gi}
  accessModes: [ReadWriteOnce]
  storageClassName: ""
  persistentVolumeReclaimPolicy: ${policy}
  hostPath: {path: /tmp/${name}}
${extra}`;

const pvc = (name: string, cls: string | undefined, size = '1Gi', extra = '') => `apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: ${name}}
spec:
  accessModes: [ReadWriteOnce]
  resources: {requests: {storage: ${size}}}
${cls === undefined ? '' : `  storageClassName: "${cls}"\n`}${extra}`;

const podWith = (name: string, spec: string) => `apiVersion: v1
kind: Pod
metadata: {name: ${name}}
spec:
${spec}`;

export const PLATFORM: Scenario[] = [
  { name: 'Services of every type, endpoints, kube-proxy modes, traffic, load balancers', run(c) {
    apply(c, [agnhost('web', 3), service('web', 'ClusterIP'), service('nodeport', 'NodePort'),
      service('lb', 'LoadBalancer'), service('headless', 'ClusterIP', '  clusterIP: None\n'),
      'apiVersion: v1\nkind: Service\nmetadata: {name: ext}\nspec: {type: ExternalName, externalName: example.com}\n',
      'apiVersion: v1\nkind: Service\nmetadata: {name: db}\nspec: {ports: [{name: pg, port: 5432}]}\n',
      'apiVersion: v1\nkind: Endpoints\nmetadata: {name: db}\nsubsets: [{addresses: [{ip: 10.0.0.5}, {ip: 10.0.0.6}], ports: [{name: pg, port: 5432}]}]\n',
    ].join('---\n'));
    run(c, 40_000);
    const t1 = c.startTraffic({ service: 'web', ratePerSecond: 20 });
    const t2 = c.startTraffic({ service: 'nodeport', via: 'NodePort', from: { node: 'node-2' }, ratePerSecond: 5 });
    const t3 = c.startTraffic({ service: 'lb', via: 'LoadBalancer', ratePerSecond: 5 });
    run(c, 5_000);
    c.setProxyMode('ipvs');
    c.scale('Deployment', 'web', 1);
    run(c, 20_000);
    c.setProxyMode('iptables');
    c.scale('Deployment', 'web', 0);
    run(c, 10_000);
    apply(c, service('lb', 'ClusterIP'));
    c.delete('Endpoints', 'db');
    run(c, 10_000);
    for (const t of [t1, t2, t3]) if (t.id) c.stopTraffic(t.id);
    c.delete('Service', 'web');
    c.delete('Service', 'nodeport');
    run(c, 10_000);
  } },
  { name: 'HPA scales a Deployment out under load and back in after the stabilization window', run(c) {
    apply(c, [agnhost('php', 1), service('php', 'ClusterIP').replace('app: web', 'app: php'), `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: php}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: php}
  minReplicas: 1
  maxReplicas: 5
  metrics: [{type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: 50}}}]
  behavior:
    scaleUp: {policies: [{type: Pods, value: 2, periodSeconds: 30}]}
`, `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: missing}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: nope}
  maxReplicas: 3
  metrics: [{type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: 50}}}]
`].join('---\n'));
    run(c, 60_000);
    const load = c.startTraffic({ service: 'php', ratePerSecond: 60 });
    run(c, 300_000);
    if (load.id) c.stopTraffic(load.id);
    run(c, 420_000);
    c.delete('HorizontalPodAutoscaler', 'php');
    c.delete('HorizontalPodAutoscaler', 'missing');
    run(c, 20_000);
  } },
  { name: 'Storage: static PVs and reclaim policies, WaitForFirstConsumer, expansion, ephemeral volumes', run(c) {
    apply(c, [pv('keep', 'Retain'), pv('gone', 'Delete'), pv('reuse', 'Recycle'), pvc('a', ''), pvc('b', ''), pvc('c', ''),
      pvc('none', '', '50Gi'), pvc('lazy', 'later'), `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata: {name: growable}
provisioner: rancher.io/local-path
volumeBindingMode: WaitForFirstConsumer
allowVolumeExpansion: true
`, pvc('grow', 'growable'), podWith('user', `  containers: [{name: app, image: nginx:1.27, volumeMounts: [{name: d, mountPath: /d}]}]
  volumes:
  - {name: d, persistentVolumeClaim: {claimName: grow}}
  - name: scratch
    ephemeral:
      volumeClaimTemplate:
        spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
`)].join('---\n'));
    run(c, 60_000);
    apply(c, pvc('grow', 'growable', '5Gi'));
    run(c, 30_000);
    for (const name of ['a', 'b', 'c']) c.delete('PersistentVolumeClaim', name);
    run(c, 60_000);
    apply(c, 'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: later}\nprovisioner: rancher.io/local-path\nvolumeBindingMode: Immediate\n');
    run(c, 30_000);
    c.delete('Pod', 'user');
    c.delete('PersistentVolumeClaim', 'grow');
    run(c, 60_000);
  } },
  { name: 'ConfigMap and Secret errors in env and volumes, then fixed', run(c) {
    apply(c, [`apiVersion: v1
kind: ConfigMap
metadata: {name: cfg}
data: {level: debug}
`, podWith('env-missing', '  containers: [{name: app, image: nginx:1.27, envFrom: [{configMapRef: {name: settings}}]}]\n'),
    podWith('key-missing', '  containers: [{name: app, image: nginx:1.27, env: [{name: L, valueFrom: {configMapKeyRef: {name: cfg, key: nope}}}]}]\n'),
    podWith('secret-missing', '  containers: [{name: app, image: nginx:1.27, env: [{name: P, valueFrom: {secretKeyRef: {name: creds, key: password}}}]}]\n'),
    podWith('vol-missing', '  containers: [{name: app, image: nginx:1.27, volumeMounts: [{name: c, mountPath: /c}]}]\n  volumes: [{name: c, configMap: {name: absent}}]\n'),
    ].join('---\n'));
    run(c, 30_000);
    apply(c, 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\ndata: {A: "1"}\n---\napiVersion: v1\nkind: Secret\nmetadata: {name: creds}\nstringData: {password: s3cret}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: absent}\ndata: {x: "1"}\n');
    run(c, 60_000);
  } },
  { name: 'Namespace deletion, quota rejection, limit ranges, PodDisruptionBudgets, garbage collection', run(c) {
    apply(c, `apiVersion: v1
kind: Namespace
metadata: {name: shop}
---
apiVersion: v1
kind: ResourceQuota
metadata: {name: compute}
spec: {hard: {pods: "2", requests.cpu: "1"}}
---
apiVersion: v1
kind: LimitRange
metadata: {name: defaults}
spec: {limits: [{type: Container, default: {cpu: 200m}, defaultRequest: {cpu: 100m}}]}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: budget}
spec: {minAvailable: 2, selector: {matchLabels: {app: web}}}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: owner}
`);
    apply(c, deployment('web', 3).replace('metadata: {name: web}', 'metadata: {name: web, namespace: shop}') + '---\n' + deployment('web', 4));
    run(c, 40_000);
    const owner = c.get('ConfigMap', 'owner')!;
    apply(c, `apiVersion: v1
kind: ConfigMap
metadata:
  name: child
  ownerReferences: [{apiVersion: v1, kind: ConfigMap, name: owner, uid: ${owner.metadata.uid}}]
`);
    c.delete('ConfigMap', 'owner');
    c.delete('Namespace', 'shop');
    run(c, 90_000);
  } },
];
