/**
 * The kinds of actor that make Steps, so the timeline can colour them consistently:
 * the learner (kubectl), the bootstrapper, controllers, the scheduler, kubelets and kube-proxies.
 * Words for the kinds are the UI's (`src/i18n/actorKinds.ts`, the timeline's filter texts).
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

/** Every kind, in the order the timeline lists them (the learner first). */
export const ACTOR_KINDS: readonly ActorKind[] = ['user', 'scheduler', 'controller', 'kubelet', 'proxy', 'bootstrap', 'other'];

export function isActorKind(value: string): value is ActorKind {
  return (ACTOR_KINDS as readonly string[]).includes(value);
}
