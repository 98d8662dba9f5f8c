import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Container } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR, HAS_CORPUS } from '../../corpus';
import { parseAllDocuments } from 'yaml';
import { lookupImage } from '../../../src/engine/kubelet/images';
import { interpret, type Program } from '../../../src/engine/kubelet/program';

const CORPUS = CORPUS_DIR;

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? yamlFiles(p) : /\.ya?ml$/.test(f) ? [p] : [];
  });
}

function containersIn(node: unknown, out: Container[] = []): Container[] {
  if (Array.isArray(node)) node.forEach((n) => containersIn(n, out));
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (typeof o.image === 'string' && typeof o.name === 'string') out.push(o as unknown as Container);
    Object.values(o).forEach((v) => containersIn(v, out));
  }
  return out;
}

const ALL = (HAS_CORPUS ? yamlFiles(CORPUS) : []).flatMap((file) => parseAllDocuments(readFileSync(file, 'utf8'))
  .flatMap((d) => containersIn(d.toJS()))
  .map((c) => ({ key: `${relative(CORPUS, file)}#${c.name}`, c })));

/** Placeholders in the docs that no registry serves: they fail to pull, as they would on a real cluster. */
const PLACEHOLDERS = new Set(['example-image', 'gcr.io/my-gcp-project/my-kube-scheduler:1.0']);

function programOf(c: Container): Program {
  const looked = lookupImage(c.image as string);
  if (!looked.ok) throw new Error(looked.message);
  const env: Record<string, string> = { HOSTNAME: 'web-0' };
  for (const e of c.env ?? []) if (e.value !== undefined) env[e.name] = String(e.value);
  return interpret({
    image: looked.image, command: c.command, args: c.args?.map(String), env,
    ports: (c.ports ?? []).map((p) => ({ port: p.containerPort, protocol: p.protocol === 'UDP' ? 'UDP' : 'TCP' })),
    mounts: (c.volumeMounts ?? []).map((m) => m.mountPath),
  });
}

describe.skipIf(!HAS_CORPUS)('the corpus', () => {
  it('has containers to check', () => {
    expect(ALL.length).toBeGreaterThan(100);
  });

  it.each(ALL.map(({ key, c }) => [key, c.image as string]))('%s: %s resolves', (_key, ref) => {
    const looked = lookupImage(ref);
    if (PLACEHOLDERS.has(ref)) expect(looked).toMatchObject({ ok: false, reason: 'ErrImagePull' });
    else expect(looked.ok ? 'ok' : looked.message).toBe('ok');
  });

  it.each(ALL.filter(({ c }) => !PLACEHOLDERS.has(c.image as string)).map(({ key, c }) => [key, c]))('%s starts', (_key, c) => {
    const p = programOf(c as Container);
    expect(p.startError).toBeUndefined();
    if (p.exitAfterMs !== undefined) expect(p.exitAfterMs).toBeGreaterThanOrEqual(0);
    else expect(p.listens.length + p.output.length + p.files.length >= 0).toBe(true);
  });
});

type Expect = { serves: number[] } | { exits: number; before?: number } | 'forever';

/** What each notable corpus container's process does (real behaviour of the image and command). */
const EXPECTED: Record<string, Expect> = {
  'k8s-website/pods/probe/exec-liveness.yaml#liveness': { exits: 0, before: 700_000 },
  'k8s-website/pods/probe/http-liveness.yaml#liveness': { serves: [8080] },
  'k8s-website/pods/probe/tcp-liveness-readiness.yaml#goproxy': { serves: [8080] },
  'k8s-website/pods/probe/grpc-liveness.yaml#etcd': { serves: [2379, 2380] },
  'k8s-website/controllers/job.yaml#pi': { exits: 0, before: 1_000 },
  'k8s-website/controllers/job-pod-failure-policy-example.yaml#main': { exits: 42, before: 6_000 },
  'k8s-website/controllers/job-success-policy.yaml#main': { exits: 1 },
  'k8s-website/controllers/job-backoff-limit-per-index-example.yaml#example': { exits: 1 },
  'k8s-website/application/job/cronjob.yaml#hello': { exits: 0, before: 100 },
  'k8s-website/application/job/indexed-job.yaml#input': { exits: 0 },
  'k8s-website/application/job/indexed-job.yaml#worker': { exits: 0 },
  'k8s-website/application/job/job-sidecar.yaml#myjob': { exits: 0 },
  'k8s-website/application/job/job-sidecar.yaml#logshipper': 'forever',
  'k8s-website/application/deployment-sidecar.yaml#myapp': 'forever',
  'k8s-website/admin/dns/busybox.yaml#busybox': { exits: 0, before: 3_600_001 },
  'k8s-website/admin/logging/two-files-counter-pod.yaml#count': 'forever',
  'k8s-website/admin/logging/two-files-counter-pod-streaming-sidecar.yaml#count-log-1': 'forever',
  'k8s-website/admin/resource/limit-range-pod-1.yaml#busybox-cnt01': 'forever',
  'k8s-website/application/basic-daemonset.yaml#log-machine-id': { exits: 0 },
  'k8s-website/application/basic-daemonset.yaml#pause': 'forever',
  'k8s-website/pods/init-containers.yaml#install': { exits: 0 },
  'k8s-website/pods/init-containers.yaml#nginx': { serves: [80] },
  'k8s-website/pods/two-container-pod.yaml#debian-container': { exits: 0 },
  'k8s-website/pods/two-container-pod.yaml#nginx-container': { serves: [80] },
  'k8s-website/pods/security/seccomp/ga/audit-pod.yaml#test-container': { serves: [5678] },
  'k8s-website/pods/resource/cpu-request-limit.yaml#cpu-demo-ctr': 'forever',
  'k8s-website/pods/config/redis-pod.yaml#redis': { serves: [6379] },
  'k8s-website/application/guestbook/redis-leader-deployment.yaml#leader': { serves: [6379] },
  'k8s-website/application/guestbook/redis-follower-deployment.yaml#follower': { serves: [6379] },
  'k8s-website/application/guestbook/frontend-deployment.yaml#guestbook': { serves: [80] },
  'k8s-website/application/php-apache.yaml#php-apache': { serves: [80] },
  'k8s-website/application/mysql/mysql-statefulset.yaml#init-mysql': { exits: 0 },
  'k8s-website/application/mysql/mysql-statefulset.yaml#clone-mysql': { exits: 0 },
  'k8s-website/application/mysql/mysql-statefulset.yaml#mysql': { serves: [3306] },
  'k8s-website/application/mysql/mysql-statefulset.yaml#xtrabackup': { serves: [3307] },
  'k8s-website/application/zookeeper/zookeeper.yaml#kubernetes-zookeeper': { serves: [2181, 2888, 3888] },
  'k8s-website/application/cassandra/cassandra-statefulset.yaml#cassandra': { serves: [7000, 7001, 7199, 9042] },
  'k8s-website/service/load-balancer-example.yaml#hello-world': { serves: [8080] },
  'k8s-website/configmap/env-configmap.yaml#app': { exits: 0 },
  'k8s-website/pods/inject/dapi-envars-pod.yaml#test-container': 'forever',
  'k8s-examples/AI/model-serving-tensorflow/deployment.yaml#tensorflow-serving': { serves: [8500, 8501] },
  'k8s-examples/_archived/cockroachdb/cockroachdb-statefulset.yaml#cockroachdb': { serves: [26257, 8080] },
  'k8s-examples/_archived/cockroachdb/cockroachdb-statefulset.yaml#bootstrap': { exits: 0 },
  'k8s-examples/_archived/cluster-dns/dns-frontend-pod.yaml#dns-frontend': { exits: 0 },
  'k8s-examples/_archived/storage/minio/minio-distributed-statefulset.yaml#minio': { serves: [9000] },
};

describe.skipIf(!HAS_CORPUS)('corpus containers behave as their images do', () => {
  const byKey = new Map(ALL.map(({ key, c }) => [key, c]));

  it.each(Object.entries(EXPECTED))('%s', (key, expected) => {
    const c = byKey.get(key);
    expect(c, key).toBeDefined();
    const p = programOf(c as Container);
    if (expected === 'forever') {
      expect(p.exitAfterMs).toBeUndefined();
    } else if ('serves' in expected) {
      expect(p.exitAfterMs).toBeUndefined();
      expect(p.listens.map((l) => l.port)).toEqual(expected.serves);
    } else {
      expect(p.exitAfterMs).toBeDefined();
      expect(p.exitCode).toBe(expected.exits);
      if (expected.before) expect(p.exitAfterMs).toBeLessThan(expected.before);
    }
  });
});
