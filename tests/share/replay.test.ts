import { describe, expect, it } from 'vitest';
import { DEMO_MANIFEST } from '../../src/demo/demoManifest';
import type { Cluster } from '../../src/engine/api';
import { createCluster } from '../../src/engine/index';
import { decodeSession, encodeSession } from '../../src/share/encode';
import { journalOf } from '../../src/share/recorder';
import type { ClusterSettings, Session } from '../../src/share/session';
import { captureSession, freshCluster, replaySession } from '../../src/share/sessionCluster';

const SETTINGS: ClusterSettings = { seed: 7, nodes: 2, proxyMode: 'ipvs' };

/** A learner's session: applies, stepping, kubectl commands, traffic, faults and a Node cordoned. */
function learnerSession(settings: ClusterSettings): { cluster: Cluster; session: Session } {
  const cluster = freshCluster(createCluster, settings);
  const steps = (n: number) => { for (let i = 0; i < n; i++) cluster.step(); };
  cluster.apply(DEMO_MANIFEST);
  steps(40);
  cluster.scale('Deployment', 'web', 4);
  cluster.advance(20_000);
  cluster.rollout('restart', 'Deployment', 'web');
  steps(60);
  cluster.startTraffic({ service: 'web', ratePerSecond: 5 });
  cluster.cordon('node-1');
  steps(25);
  const pod = cluster.list('Pod').find((p) => p.metadata.labels?.app === 'web')!;
  cluster.killContainer(pod.metadata.name, 'nginx');
  steps(20);
  cluster.apply('apiVersion: v1\nkind: Pod\nmetadata:\n  name: broken\nspec:\n  containers: []\n'); // refused
  cluster.rollout('undo', 'Deployment', 'web', undefined, { toRevision: 1 });
  cluster.delete('Service', 'web', undefined, { propagationPolicy: 'Foreground' });
  steps(30);
  return { cluster, session: captureSession(cluster, settings, cluster.steps.length - 12) };
}

let shared: ReturnType<typeof learnerSession> | undefined;
/** The session with the test settings, built once for the tests that only read it. */
const sharedSession = () => (shared ??= learnerSession(SETTINGS));

const podsAndIps = (c: Cluster) =>
  c.list('Pod').map((p) => `${p.metadata.name} ${(p.status as { podIP?: string } | undefined)?.podIP ?? '-'} ${p.spec && (p.spec as { nodeName?: string }).nodeName}`);

describe('replaySession', () => {
  it('replays a session through a link into exactly the same Steps, objects, clock and moment', () => {
    const { cluster, session } = sharedSession();
    const decoded = decodeSession(encodeSession(session));
    if (!decoded.ok) throw new Error(decoded.problem.code);
    const replayed = replaySession(createCluster, decoded.session);
    expect(replayed.mismatch).toBeUndefined();
    expect(replayed.cluster.steps).toEqual(cluster.steps);
    expect(replayed.cluster.now).toBe(cluster.now);
    expect(podsAndIps(replayed.cluster)).toEqual(podsAndIps(cluster));
    expect(replayed.cluster.get('ConfigMap', 'kube-proxy', 'kube-system')).toEqual(cluster.get('ConfigMap', 'kube-proxy', 'kube-system'));
    expect(replayed.cursor).toBe(cluster.steps.length - 12);
  });

  it('uses the settings: another seed or Node count gives other Steps', () => {
    const { cluster } = sharedSession();
    expect(learnerSession({ ...SETTINGS, seed: 8 }).cluster.steps).not.toEqual(cluster.steps);
    expect(learnerSession({ ...SETTINGS, nodes: 3 }).cluster.list('Node')).toHaveLength(3);
  });

  it('records the replay again, so the replayed cluster captures the same session', () => {
    const { session } = sharedSession();
    const replayed = replaySession(createCluster, session);
    expect(captureSession(replayed.cluster, SETTINGS, session.cursor)).toEqual(session);
    expect(journalOf(replayed.cluster)?.entries).toEqual(session.journal);
  });

  it('continues the same way after a replay as the original does', () => {
    const { cluster, session } = learnerSession(SETTINGS);
    const replayed = replaySession(createCluster, session).cluster;
    for (const c of [cluster, replayed]) {
      c.scale('Deployment', 'web', 1);
      for (let i = 0; i < 30; i++) c.step();
    }
    expect(replayed.steps).toEqual(cluster.steps);
  });

  it('reports where a session replays differently instead of hiding it', () => {
    const { session } = sharedSession();
    const scale = session.journal.findIndex((e) => e.op === 'scale');
    const tampered: Session = { ...session, journal: session.journal.map((e, i) => (i === scale && e.op !== 'step' ? { ...e, at: e.at + 1 } : e)) };
    const at = (session.journal[scale] as { at: number }).at;
    expect(replaySession(createCluster, tampered).mismatch).toEqual({ code: 'callAt', op: 'scale', at: at + 1, now: at });
    expect(replaySession(createCluster, { ...session, steps: session.steps + 1 }).mismatch)
      .toEqual({ code: 'stepCount', count: session.steps + 1, now: session.steps });
  });

  it('keeps the cursor within the replayed Steps', () => {
    const { session } = sharedSession();
    const replayed = replaySession(createCluster, { ...session, cursor: 1_000_000 });
    expect(replayed.cursor).toBe(replayed.cluster.steps.length - 1);
  });
});
