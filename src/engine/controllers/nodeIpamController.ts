import type { KubeObject } from '../api';
import { clone } from '../util/objects';
import type { Controller } from './types';

/** The cluster CIDR the Pod CIDRs are cut from (kube-controller-manager --cluster-cidr). */
export const CLUSTER_CIDR = '10.244.0.0/16';

/** node-ipam-controller: gives every Node without one a /24 of the cluster CIDR for its Pods. */
export const nodeIpamController: Controller = {
  name: 'node-ipam-controller',
  watches: [{ kind: 'Node', map: (node) => ((node.spec as { podCIDR?: string })?.podCIDR ? [] : [node.metadata.name]) }],
  reconcile(key, ctx) {
    const node = ctx.get('Node', key);
    if (!node || (node.spec as { podCIDR?: string })?.podCIDR) return;
    const used = new Set(ctx.list('Node').map((n) => (n.spec as { podCIDR?: string })?.podCIDR).filter(Boolean));
    let i = 1;
    while (used.has(`10.244.${i}.0/24`)) i++;
    const cidr = `10.244.${i}.0/24`;
    const next = clone(node) as KubeObject & { spec: Record<string, unknown> };
    next.spec = { ...(next.spec ?? {}), podCIDR: cidr, podCIDRs: [cidr] };
    ctx.update(next, `Allocated Pod CIDR ${cidr} to Node ${key}`);
    ctx.event(node, 'Normal', 'CIDRAssignmentSucceeded', `Node ${key} status is now: CIDRAssignmentSucceeded`);
  },
};
