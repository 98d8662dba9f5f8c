import { createCluster } from '../src/engine';
const c = createCluster({ nodes: 3 });
const docs = [];
for (let i = 4; i <= 100; i++) docs.push(`apiVersion: v1\nkind: Node\nmetadata:\n  name: node-${i}\n`);
c.apply(docs.join('---\n'));
c.advance(5000);
const counts = new Map<string, number>();
const proto = Object.getPrototypeOf(c);
const orig = proto.runOne;
proto.runOne = function (this: any) {
  const e = this.agenda.heap[0];
  orig.call(this);
  if (e) { const k = e.actor.replace(/\/.*/, '/*'); counts.set(k, (counts.get(k) ?? 0) + 1); }
};
c.apply(`apiVersion: apps/v1
kind: Deployment
metadata: {name: big}
spec:
  replicas: 1000
  selector: {matchLabels: {app: big}}
  template:
    metadata: {labels: {app: big}}
    spec:
      containers: [{name: app, image: "nginx:1.26", resources: {requests: {cpu: 100m, memory: 64Mi}}}]
`);
c.advance(60000);
console.log('steps', c.steps.length, [...counts].sort((a, b) => b[1] - a[1]));
const byActor = new Map<string, number>();
for (const s of c.steps) { const k = s.actor.replace(/\/.*/, '/*'); byActor.set(k, (byActor.get(k) ?? 0) + 1); }
console.log([...byActor].sort((a, b) => b[1] - a[1]));
