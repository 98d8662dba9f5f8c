import { describe, expect, it } from 'vitest';
import { actorKind } from '../../src/projections/actors';

describe('actorKind', () => {
  it.each([
    ['kubectl', 'user'], ['kubeadm', 'bootstrap'], ['deployment-controller', 'controller'],
    ['replicaset-controller', 'controller'], ['garbage-collector', 'controller'], ['root-ca-cert-publisher', 'controller'], ['kube-scheduler', 'scheduler'],
    ['kubelet/node-1', 'kubelet'], ['kube-proxy/node-2', 'proxy'], ['something-else', 'other'],
  ])('%s → %s', (actor, kind) => {
    expect(actorKind(actor)).toBe(kind);
  });
});
