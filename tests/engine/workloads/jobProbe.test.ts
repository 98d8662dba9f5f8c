import { it } from 'vitest';
import { createCluster } from '../../../src/engine';
it('probe', () => {
  const c = createCluster();
  const r = c.apply(`apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  restartPolicy: Never
  containers:
  - name: app
    image: busybox:1.36
    command: ["sh", "-c", "sleep 3; exit 1"]
`);
  console.log(JSON.stringify(r));
  for (let i = 0; i < 60; i++) { const s = c.step(); if (!s) break; console.log(s.time, s.actor, s.message, s.events.join('|')); }
  const p = c.get('Pod', 'p') as any;
  console.log(JSON.stringify(p.status, null, 1));
});
