/** Workload scenarios for the Step-message coverage test: rollouts, scaling, StatefulSets, DaemonSets, Jobs, CronJobs. */
import type { Cluster } from '../../src/engine';

export interface Scenario {
  name: string;
  nodes?: number;
  run(c: Cluster): void;
}

export function apply(c: Cluster, yaml: string): void {
  const result = c.apply(yaml);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
}

/** Runs the cluster `ms` of virtual time, in one-second slices. */
export function run(c: Cluster, ms: number): void {
  for (let left = ms; left > 0; left -= 1000) c.advance(Math.min(1000, left));
}

export function deployment(name: string, replicas: number, image = 'nginx:1.27', extra = ''): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}}
spec:
  replicas: ${replicas}
  revisionHistoryLimit: 2
  selector: {matchLabels: {app: ${name}}}
${extra}  template:
    metadata: {labels: {app: ${name}}}
    spec:
      containers: [{name: app, image: "${image}", resources: {requests: {cpu: 100m}}}]
`;
}

const statefulSet = (replicas: number, image: string, extra = '') => `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  serviceName: db
  replicas: ${replicas}
  selector: {matchLabels: {app: db}}
${extra}  persistentVolumeClaimRetentionPolicy: {whenDeleted: Delete, whenScaled: Delete}
  template:
    metadata: {labels: {app: db}}
    spec:
      containers: [{name: db, image: "${image}", volumeMounts: [{name: data, mountPath: /data}]}]
  volumeClaimTemplates:
  - metadata: {name: data}
    spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
`;

const daemonSet = (image: string, strategy: string) => `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  selector: {matchLabels: {app: agent}}
  updateStrategy: {type: RollingUpdate, rollingUpdate: ${strategy}}
  template:
    metadata: {labels: {app: agent}}
    spec:
      nodeSelector: {role: worker}
      containers: [{name: agent, image: "${image}", command: [sleep, infinity]}]
`;

const job = (name: string, spec: string, command: string) => `apiVersion: batch/v1
kind: Job
metadata: {name: ${name}}
spec:
${spec}  template:
    spec:
      restartPolicy: Never
      containers: [{name: work, image: busybox:1.36, command: [sh, -c, "${command}"]}]
`;

const cronJob = (name: string, schedule: string, extra: string, command: string) => `apiVersion: batch/v1
kind: CronJob
metadata: {name: ${name}}
spec:
  schedule: "${schedule}"
${extra}  jobTemplate:
    spec:
      backoffLimit: 0
      template:
        spec:
          restartPolicy: Never
          containers: [{name: work, image: busybox:1.36, command: [sh, -c, "${command}"]}]
`;

export const WORKLOADS: Scenario[] = [
  { name: 'Deployment rollout: update, pause, resume, restart, undo, history cleanup', run(c) {
    apply(c, deployment('web', 4, 'nginx:1.27', '  strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 25%, maxUnavailable: 25%}}\n'));
    run(c, 40_000);
    apply(c, deployment('web', 4, 'nginx:1.28', '  strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 25%, maxUnavailable: 25%}}\n'));
    run(c, 60_000);
    c.rollout('pause', 'Deployment', 'web');
    apply(c, deployment('web', 4, 'nginx:1.29', '  strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 25%, maxUnavailable: 25%}}\n'));
    c.scale('Deployment', 'web', 6);
    run(c, 20_000);
    c.rollout('resume', 'Deployment', 'web');
    run(c, 60_000);
    c.rollout('restart', 'Deployment', 'web');
    run(c, 60_000);
    c.rollout('undo', 'Deployment', 'web');
    run(c, 60_000);
    c.rollout('undo', 'Deployment', 'web', undefined, { toRevision: 1 });
    c.scale('Deployment', 'web', 15);
    run(c, 60_000);
    c.scale('Deployment', 'web', 2);
    run(c, 30_000);
    c.delete('Deployment', 'web', undefined, { propagationPolicy: 'Foreground' });
    run(c, 60_000);
  } },
  { name: 'Deployment: Recreate, a bad image that never becomes ready, a progress deadline', run(c) {
    apply(c, deployment('rec', 3, 'nginx:1.27', '  strategy: {type: Recreate}\n  progressDeadlineSeconds: 30\n'));
    run(c, 30_000);
    apply(c, deployment('rec', 3, 'nginx:9.99-missing', '  strategy: {type: Recreate}\n  progressDeadlineSeconds: 30\n'));
    run(c, 120_000);
    c.delete('Deployment', 'rec', undefined, { propagationPolicy: 'Orphan' });
    run(c, 20_000);
  } },
  { name: 'ReplicaSet and ReplicationController: scale, adopt, release, delete ranking', run(c) {
    apply(c, `apiVersion: v1
kind: Pod
metadata: {name: stray, labels: {app: fe}}
spec: {containers: [{name: app, image: nginx:1.27}]}
---
apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: frontend}
spec:
  replicas: 3
  minReadySeconds: 5
  selector: {matchLabels: {app: fe}}
  template:
    metadata: {labels: {app: fe}}
    spec: {containers: [{name: app, image: nginx:1.27}]}
---
apiVersion: v1
kind: ReplicationController
metadata: {name: legacy}
spec:
  replicas: 2
  selector: {app: legacy}
  template:
    metadata: {labels: {app: legacy}}
    spec: {containers: [{name: app, image: nginx:1.27}]}
`);
    run(c, 30_000);
    c.scale('ReplicaSet', 'frontend', 6);
    c.scale('ReplicationController', 'legacy', 0);
    run(c, 30_000);
    c.scale('ReplicaSet', 'frontend', 1);
    apply(c, 'apiVersion: v1\nkind: Pod\nmetadata: {name: stray, labels: {app: other}}\nspec: {containers: [{name: app, image: nginx:1.27}]}\n');
    run(c, 30_000);
    c.delete('ReplicaSet', 'frontend');
    c.delete('ReplicationController', 'legacy', undefined, { propagationPolicy: 'Orphan' });
    run(c, 40_000);
  } },
  { name: 'StatefulSet: ordered start with claims, partitioned rollout, undo, scale down, Parallel', run(c) {
    apply(c, statefulSet(3, 'nginx:1.27', '  minReadySeconds: 2\n'));
    run(c, 90_000);
    apply(c, statefulSet(3, 'nginx:1.28', '  minReadySeconds: 2\n  updateStrategy: {type: RollingUpdate, rollingUpdate: {partition: 1}}\n'));
    run(c, 60_000);
    c.rollout('undo', 'StatefulSet', 'db');
    run(c, 60_000);
    c.scale('StatefulSet', 'db', 1);
    run(c, 60_000);
    c.delete('StatefulSet', 'db');
    run(c, 30_000);
    apply(c, statefulSet(2, 'nginx:1.27', '  podManagementPolicy: Parallel\n'));
    run(c, 60_000);
    c.scale('StatefulSet', 'db', 0);
    run(c, 30_000);
  } },
  { name: 'DaemonSet: eligible Nodes, rolling update both ways, a tainted Node, undo', nodes: 3, run(c) {
    apply(c, 'apiVersion: v1\nkind: Node\nmetadata: {name: node-1, labels: {role: worker}}\n---\napiVersion: v1\nkind: Node\nmetadata: {name: node-2, labels: {role: worker}}\n');
    apply(c, daemonSet('fluent/fluent-bit:3.2', '{maxUnavailable: 1}'));
    run(c, 40_000);
    apply(c, daemonSet('fluent/fluent-bit:3.3', '{maxUnavailable: 1}'));
    run(c, 60_000);
    apply(c, daemonSet('fluent/fluent-bit:3.4', '{maxUnavailable: 0, maxSurge: 1}'));
    run(c, 60_000);
    apply(c, 'apiVersion: v1\nkind: Node\nmetadata: {name: node-2, labels: {role: worker}}\nspec:\n  taints: [{key: dedicated, value: db, effect: NoExecute}]\n');
    c.addNode('node-4', { labels: { role: 'worker' } });
    run(c, 40_000);
    c.rollout('undo', 'DaemonSet', 'agent');
    run(c, 60_000);
    c.removeNode('node-4');
    run(c, 60_000);
    c.delete('DaemonSet', 'agent', undefined, { propagationPolicy: 'Orphan' });
    run(c, 20_000);
  } },
  { name: 'Jobs: completions, back-off limit, deadline, indexed failures, pod failure policy, suspend, TTL', run(c) {
    apply(c, job('pi', '  completions: 4\n  parallelism: 2\n', 'sleep 2'));
    apply(c, job('crash', '  backoffLimit: 2\n', 'exit 1'));
    apply(c, job('slow', '  activeDeadlineSeconds: 5\n', 'sleep 60'));
    apply(c, job('idx', '  completions: 3\n  parallelism: 3\n  completionMode: Indexed\n  backoffLimitPerIndex: 0\n', 'exit $JOB_COMPLETION_INDEX'));
    apply(c, job('policy', '  podFailurePolicy:\n    rules: [{action: FailJob, onExitCodes: {containerName: work, operator: In, values: [42]}}]\n', 'exit 42'));
    apply(c, job('queue', '  parallelism: 2\n', 'sleep 3'));
    apply(c, job('short', '  ttlSecondsAfterFinished: 10\n', 'true'));
    apply(c, job('later', '  completions: 2\n  parallelism: 2\n', 'sleep 30'));
    run(c, 3_000);
    c.setSuspended('Job', 'later', true);
    run(c, 10_000);
    c.setSuspended('Job', 'later', false);
    run(c, 120_000);
    c.delete('Job', 'pi', undefined, { propagationPolicy: 'Foreground' });
    run(c, 20_000);
  } },
  { name: 'CronJobs over three hours: history limits, Forbid, Replace, a time zone', run(c) {
    apply(c, cronJob('report', '*/10 * * * *', '  successfulJobsHistoryLimit: 2\n  failedJobsHistoryLimit: 1\n', 'true'));
    apply(c, cronJob('flaky', '*/20 * * * *', '  failedJobsHistoryLimit: 1\n', 'exit 1'));
    apply(c, cronJob('long', '*/15 * * * *', '  concurrencyPolicy: Replace\n', 'sleep 1200'));
    apply(c, cronJob('single', '*/15 * * * *', '  concurrencyPolicy: Forbid\n', 'sleep 1200'));
    apply(c, cronJob('paris', '30 10 * * *', '  timeZone: Europe/Paris\n', 'true'));
    for (let i = 0; i < 180; i++) c.advance(60_000);
    c.setSuspended('CronJob', 'report', true);
    c.advance(1_800_000);
    c.delete('CronJob', 'report');
    run(c, 10_000);
  } },
];
