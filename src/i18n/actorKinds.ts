/** The kind of a Step's actor in words, for tooltips and screen readers (colour is never the only carrier). */
import type { ActorKind } from '../projections/actors';
import type { Translate } from './types';

export function actorKindLabel(kind: ActorKind, t: Translate): string {
  switch (kind) {
    case 'user': return t('actor.user');
    case 'bootstrap': return t('actor.bootstrap');
    case 'controller': return t('actor.controller');
    case 'scheduler': return t('actor.scheduler');
    case 'kubelet': return t('actor.kubelet');
    case 'proxy': return t('actor.proxy');
    default: return t('actor.other');
  }
}
