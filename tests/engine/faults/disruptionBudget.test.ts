import { describe, expect, it } from 'vitest';
import { apply, cluster, deployment, eventsAbout, nodeOf, pods, runUntil, type Obj } from './faultHelpers';

const pdb = (name: string, field: string, selector = '{matchLabels: {app: web}}') => `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: ${name}}
spec:
  ${field}
  selector: ${selector}
`;

const statusOf = (c: ReturnType<typeof cluster>, name: string) => (c.get('PodDisruptionBudget', name) as Obj).status;

describe('disruption-controller', () => {
  it.each([
    ['minAvailable: 2', 3, { currentHealthy: 3, desiredHealthy: 2, disruptionsAllowed: 1, expectedPods: 3 }],
    ['minAvailable: "50%"', 3, { currentHealthy: 3, desiredHealthy: 2, disruptionsAllowed: 1, expectedPods: 3 }],
    ['maxUnavailable: 1', 4, { currentHealthy: 4, desiredHealthy: 3, disruptionsAllowed: 1, expectedPods: 4 }],
    ['maxUnavailable: "50%"', 3, { currentHealthy: 3, desiredHealthy: 1, disruptionsAllowed: 2, expectedPods: 3 }],
    ['minAvailable: 5', 3, { currentHealthy: 3, desiredHealthy: 5, disruptionsAllowed: 0, expectedPods: 3 }],
  ])('%s over %i replicas', (field, replicas, expected) => {
    const c = cluster(3);
    apply(c, deployment('web', replicas) + '---\n' + pdb('budget', field));
    c.advance(20_000);
    const status = statusOf(c, 'budget');
    expect(status).toMatchObject({ ...expected, observedGeneration: 1 });
    const allowed = expected.disruptionsAllowed > 0;
    expect(status.conditions).toEqual([{ type: 'DisruptionAllowed', status: allowed ? 'True' : 'False',
      reason: allowed ? 'SufficientPods' : 'InsufficientPods', message: '', observedGeneration: 1, lastTransitionTime: expect.any(String) }]);
  });

  it('follows Pods going unready and coming back', () => {
    const c = cluster(3);
    apply(c, deployment('web', 3) + '---\n' + pdb('budget', 'minAvailable: 2'));
    c.advance(20_000);
    const victim = nodeOf(pods(c)[0])!;
    c.stopKubelet(victim);
    c.advance(60_000);
    expect(statusOf(c, 'budget')).toMatchObject({ currentHealthy: 2, desiredHealthy: 2, disruptionsAllowed: 0 });
    expect(statusOf(c, 'budget').conditions[0]).toMatchObject({ status: 'False', reason: 'InsufficientPods' });
  });

  it('records NoPods when the selector matches nothing', () => {
    const c = cluster(1);
    apply(c, pdb('empty', 'minAvailable: 1', '{matchLabels: {app: nothing}}'));
    c.advance(1000);
    expect(eventsAbout(c, 'empty', 'NoPods')).toEqual([expect.objectContaining({ type: 'Normal', message: 'No matching pods found',
      source: { component: 'controllermanager' } })]);
    expect(statusOf(c, 'empty')).toMatchObject({ currentHealthy: 0, desiredHealthy: 1, disruptionsAllowed: 0, expectedPods: 0 });
  });

  it('fails safe when a percentage needs a controller it cannot scale (a DaemonSet)', () => {
    const c = cluster(2);
    apply(c, `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec:
      containers: [{name: a, image: busybox:1.36, command: [sleep, infinity]}]
---
` + pdb('agents', 'maxUnavailable: "50%"', '{matchLabels: {app: agent}}'));
    c.advance(20_000);
    const agent = pods(c)[0].metadata.name;
    const status = statusOf(c, 'agents');
    expect(status.disruptionsAllowed).toBe(0);
    expect(status.conditions[0]).toMatchObject({ type: 'DisruptionAllowed', status: 'False', reason: 'SyncFailed',
      message: expect.stringMatching(/^found no controllers for pod "agent-\w{5}"$/) });
    expect(eventsAbout(c, 'agents', 'CalculateExpectedPodCountFailed')[0].message).toMatch(/^Failed to calculate the number of expected pods: found no controllers for pod/);
    expect(agent).toMatch(/^agent-/);
  });

  it('warns about unmanaged Pods and leaves them out of a percentage', () => {
    const c = cluster(1);
    apply(c, deployment('web', 2) + `---
apiVersion: v1
kind: Pod
metadata: {name: stray, labels: {app: web}}
spec:
  containers: [{name: app, image: nginx:1.27}]
---
` + pdb('budget', 'minAvailable: "50%"'));
    c.advance(20_000);
    expect(statusOf(c, 'budget')).toMatchObject({ currentHealthy: 3, desiredHealthy: 1, expectedPods: 2, disruptionsAllowed: 2 });
    expect(eventsAbout(c, 'budget', 'UnmanagedPods')[0].message).toBe('Pods selected by this PodDisruptionBudget (selector: ' +
      '&LabelSelector{MatchLabels:map[string]string{app: web,},MatchExpressions:[]LabelSelectorRequirement{},}) were found to be ' +
      'unmanaged. As a result, the status of the PDB cannot be calculated correctly, which may result in undefined behavior. ' +
      'To account for these pods please set ".spec.minAvailable" field of the PDB to an integer value.');
  });

  it('the Eviction API refuses a Pod two budgets select (drain reports it and gives up)', () => {
    const c = cluster(2);
    apply(c, deployment('web', 2) + '---\n' + pdb('one', 'minAvailable: 0') + '---\n' + pdb('two', 'maxUnavailable: 2'));
    c.advance(20_000);
    const pod = pods(c)[0];
    const node = nodeOf(pod)!;
    const result = c.drain(node);
    runUntil(c, () => result.lines.some((l) => l.startsWith('error: unable to drain')), 10_000);
    const error = `error when evicting pods/"${pod.metadata.name}" -n "default": Internal error occurred: ` +
      'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.';
    expect(result.lines).toEqual([
      `node/${node} cordoned`,
      `evicting pod default/${pod.metadata.name}`,
      `There are pending pods in node "${node}" when an error occurred: ${error}`,
      `pod/${pod.metadata.name}`,
      `error: unable to drain node "${node}" due to error: ${error}, continuing command...`,
      'There are pending nodes to be drained:',
      ` ${node}`,
      `error: ${error}`,
    ]);
    expect(c.get('Pod', pod.metadata.name)).toBeDefined();
  });
});
