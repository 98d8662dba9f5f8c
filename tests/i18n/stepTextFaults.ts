/** Fault and Pod-lifecycle scenarios for the Step-message coverage test. */
import { apply, deployment, run, type Scenario } from './stepTextWorkloads';

const pod = (name: string, containers: string, extra = '') => `apiVersion: v1
kind: Pod
metadata: {name: ${name}, labels: {app: ${name}}}
spec:
${extra}  containers:
${containers}`;

const probed = (name: string) => pod(name, `  - name: app
    image: nginx:1.27
    resources: {limits: {memory: 128Mi}}
    livenessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 5}
    readinessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 2}
    startupProbe: {httpGet: {path: /, port: 80}, periodSeconds: 2, failureThreshold: 30}
`);

export const FAULTS: Scenario[] = [
  { name: 'Container faults: kill, probes failing and recovering, memory exhaustion with and without a limit', run(c) {
    apply(c, [probed('web'), pod('hog', '  - {name: app, image: nginx:1.27}\n'),
      pod('never', '  - {name: app, image: nginx:1.27}\n', '  restartPolicy: Never\n'),
      pod('onfailure', '  - {name: app, image: nginx:1.27}\n', '  restartPolicy: OnFailure\n')].join('---\n'));
    run(c, 30_000);
    c.killContainer('web', 'app');
    c.killContainer('never', 'app', undefined, 3);
    c.killContainer('onfailure', 'app', undefined, 0);
    run(c, 20_000);
    for (const probe of ['startup', 'readiness', 'liveness'] as const) {
      c.failProbe('web', 'app', probe, true);
      run(c, 30_000);
      c.failProbe('web', 'app', probe, false);
      run(c, 30_000);
    }
    c.exhaustMemory('web', 'app');
    run(c, 30_000);
    c.exhaustMemory('hog', 'app');
    run(c, 60_000);
  } },
  { name: 'Node faults: kubelet stopped past the eviction timeout and restarted, cordon, drain with a budget, Nodes added and removed', run(c) {
    apply(c, deployment('web', 3) + `---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: web-pdb}
spec: {minAvailable: 2, selector: {matchLabels: {app: web}}}
---
apiVersion: v1
kind: Pod
metadata: {name: bare}
spec:
  nodeName: node-1
  containers: [{name: app, image: nginx:1.27}]
  tolerations: [{key: node.kubernetes.io/unreachable, operator: Exists, effect: NoExecute, tolerationSeconds: 10}]
`);
    run(c, 40_000);
    c.stopKubelet('node-1');
    run(c, 400_000);
    c.startKubelet('node-1');
    run(c, 60_000);
    c.cordon('node-2');
    c.uncordon('node-2');
    c.addNode('node-4', { cpu: 2, memory: '4Gi', pods: 20 });
    run(c, 20_000);
    c.drain('node-2', { ignoreDaemonSets: true, force: true });
    run(c, 90_000);
    c.removeNode('node-3');
    run(c, 90_000);
    for (const name of ['node-1', 'node-2', 'node-4']) c.stopKubelet(name);
    run(c, 120_000);
  } },
  { name: 'Image pull errors, CrashLoopBackOff, init containers, sidecars, hooks, grace periods', run(c) {
    apply(c, [
      pod('typo', '  - {name: app, image: "ngnix:1.25"}\n'),
      pod('upper', '  - {name: app, image: "NGINX:latest"}\n'),
      pod('neverpull', '  - {name: app, image: "nginx:1.25", imagePullPolicy: Never}\n'),
      pod('private', '  - {name: app, image: "registry.example.com/team/app:1.0"}\n'),
      pod('crash', '  - {name: app, image: busybox:1.36, command: [sh, -c, "exit 1"]}\n'),
      pod('nobin', '  - {name: app, image: busybox:1.36, command: [nosuchbinary]}\n'),
      pod('init', '  - {name: app, image: nginx:1.27}\n', `  initContainers:
  - {name: migrate, image: busybox:1.36, command: [sh, -c, "sleep 2"]}
  - {name: proxy, image: nginx:1.27, restartPolicy: Always}
`),
      pod('hook', `  - name: app
    image: nginx:1.27
    lifecycle: {postStart: {exec: {command: [sh, -c, "exit 1"]}}}
`),
      pod('stubborn', '  - {name: app, image: busybox:1.36, command: [sh, -c, "trap \'\' TERM; sleep 3600"]}\n', '  terminationGracePeriodSeconds: 3\n'),
      pod('deadline', '  - {name: app, image: busybox:1.36, command: [sleep, "3600"]}\n', '  activeDeadlineSeconds: 20\n'),
      pod('host', '  - {name: app, image: nginx:1.27}\n', '  hostNetwork: true\n'),
    ].join('---\n'));
    run(c, 120_000);
    apply(c, pod('init', '  - {name: app, image: nginx:1.28}\n', `  initContainers:
  - {name: migrate, image: busybox:1.36, command: [sh, -c, "sleep 2"]}
  - {name: proxy, image: nginx:1.27, restartPolicy: Always}
`));
    run(c, 30_000);
    for (const name of ['stubborn', 'init', 'crash']) c.delete('Pod', name);
    c.delete('Pod', 'typo', undefined, { gracePeriodSeconds: 0 });
    run(c, 60_000);
  } },
  { name: 'Scheduling failures: too big, no matching Node, taints, gates, ports', run(c) {
    apply(c, [
      pod('huge', '  - {name: app, image: nginx:1.27, resources: {requests: {cpu: "64"}}}\n'),
      pod('picky', '  - {name: app, image: nginx:1.27}\n', '  nodeSelector: {disk: ssd}\n'),
      pod('gated', '  - {name: app, image: nginx:1.27}\n', '  schedulingGates: [{name: example.com/wait}]\n'),
      pod('port-a', '  - {name: app, image: nginx:1.27, ports: [{containerPort: 80, hostPort: 8080}]}\n', '  nodeName: node-1\n'),
      pod('rejected', '  - {name: app, image: nginx:1.27, resources: {requests: {cpu: "8"}}}\n', '  nodeName: node-2\n'),
    ].join('---\n'));
    run(c, 30_000);
    apply(c, 'apiVersion: v1\nkind: Node\nmetadata: {name: node-3, labels: {disk: ssd}}\nspec:\n  taints: [{key: dedicated, value: db, effect: NoSchedule}]\n');
    c.addNode('big', { cpu: 96, memory: '256Gi' });
    run(c, 60_000);
  } },
];
