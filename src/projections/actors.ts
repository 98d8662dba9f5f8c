/**
 * The kinds of actor that make Steps, so the timeline can colour them consistently:
 * the learner (kubectl), the bootstrapper, controllers, the scheduler, kubelets and kube-proxies.
 */
export type ActorKind = 'user' | 'bootstrap' | 'controller' | 'scheduler' | 'kubelet' | 'proxy' | 'other';

/** kube-controller-manager loops whose names do not end in `-controller`. */
const CONTROLLERS = new Set(['garbage-collector', 'root-ca-cert-publisher', 'horizontal-pod-autoscaler',
  'persistentvolume-binder', 'attachdetach', 'taint-eviction', 'endpointslice-mirroring']);

export function actorKind(actor: string): ActorKind {
  if (actor === 'kubectl' || actor.startsWith('kubectl ')) return 'user';
  if (actor === 'kubeadm') return 'bootstrap';
  if (actor === 'kube-scheduler' || actor === 'default-scheduler') return 'scheduler';
  if (actor === 'kubelet' || actor.startsWith('kubelet/')) return 'kubelet';
  if (actor === 'kube-proxy' || actor.startsWith('kube-proxy/')) return 'proxy';
  if (actor.endsWith('-controller') || actor.endsWith('controller-manager') || CONTROLLERS.has(actor)) return 'controller';
  return 'other';
}

/** A short word for the kind, shown to screen readers and in tooltips (colour is never the only carrier). */
export const ACTOR_KIND_LABEL: Record<ActorKind, string> = {
  user: 'you (kubectl)',
  bootstrap: 'cluster setup',
  controller: 'controller',
  scheduler: 'scheduler',
  kubelet: 'kubelet',
  proxy: 'kube-proxy',
  other: 'component',
};
