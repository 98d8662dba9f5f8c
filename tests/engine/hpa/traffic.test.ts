import { describe, expect, it } from 'vitest';
import { newCluster, syncErrors } from '../helpers';
import { hpaV2, join, MIN, replicasOf, rescales } from './fixtures';

/** agnhost serving HTTP: 1m idle plus 10m per request per second it answers. */
const web = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 1
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: app
        image: registry.k8s.io/e2e-test-images/agnhost:2.39
        args: [netexec, --http-port=8080]
        resources: {requests: {cpu: 100m}}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{port: 80, targetPort: 8080}]
`;

describe('HPA driven by live traffic', () => {
  it('scales out while requests arrive and back in 300s after they stop', () => {
    const c = newCluster();
    c.apply(join(web, hpaV2()));
    c.advance(MIN);
    c.startTraffic({ service: 'web', ratePerSecond: 30, from: { node: 'node-1' } });
    c.advance(10 * MIN);
    // 30 req/s ≈ 300m over 100m requests: at 50% that is about 6 Pods
    const up = rescales(c);
    expect(up.length).toBeGreaterThan(0);
    expect(replicasOf(c)).toBeGreaterThanOrEqual(5);
    expect(replicasOf(c)).toBeLessThanOrEqual(7);
    for (const r of up) {
      const m = /desired = ceil\((\d+) × (\d+)% \/ 50%\) = (\d+)/.exec(r.message)!;
      expect(Math.ceil(Number(m[1]) * (Number(m[2]) / 50))).toBe(Number(m[3]));
    }

    const stoppedAt = c.now;
    c.stopTraffic('traffic-1');
    c.advance(10 * MIN);
    const down = rescales(c).slice(up.length);
    expect(down.map((r) => r.events[0])).toEqual(['SuccessfulRescale: New size: 1; reason: All metrics below target']);
    // the high recommendations keep it up for the whole 300s window after usage fell
    expect(down[0].time - stoppedAt).toBeGreaterThan(300_000);
    expect(down[0].time - stoppedAt).toBeLessThanOrEqual(360_000);
    expect(syncErrors(c)).toEqual([]);
  });
});
