/**
 * upstream validateAndParseSelector: the scale must have a selector, and its Pods must be
 * autoscaled by this HPA alone. Returns the selected Pods, or the failure to record.
 */
import type { KubeObject } from '../../api';
import { keyOf } from '../../util/objects';
import type { ReconcileContext } from '../types';
import { invalidSelector, type ConditionChange } from './conditions';
import { hpaSpecOf } from './hpaSpec';
import { getScale, type Scale } from './scaleTarget';

export type SelectorCheck =
  | { ok: true; pods: KubeObject[] }
  | { ok: false; error: string; event: { reason: string; message: string }; condition: ConditionChange };

const selects = (scale: Scale, pods: KubeObject[]) => pods.some((p) => scale.matches(p.metadata.labels));

export function checkSelector(ctx: Pick<ReconcileContext, 'get' | 'list'>, hpa: KubeObject, scale: Scale): SelectorCheck {
  if (!scale.selector) {
    const message = 'selector is required';
    return { ok: false, error: message, event: { reason: 'SelectorRequired', message },
      condition: invalidSelector("the HPA target's scale is missing a selector") };
  }
  const namespace = hpa.metadata.namespace ?? 'default';
  const pods = ctx.list('Pod', namespace).filter((p) => scale.matches(p.metadata.labels));
  // upstream tracks the selector of every HPA it has synced; here each other HPA's target is read directly
  const controlling = [keyOf(hpa)];
  for (const other of ctx.list('HorizontalPodAutoscaler', namespace)) {
    if (other.metadata.uid === hpa.metadata.uid) continue;
    const theirs = getScale(ctx, namespace, hpaSpecOf(other).scaleTargetRef);
    if (theirs.ok && theirs.scale.selector && selects(theirs.scale, pods)) controlling.push(keyOf(other));
  }
  if (controlling.length > 1) {
    const message = `pods by selector ${scale.selector} are controlled by multiple HPAs: [${controlling.sort().join(' ')}]`;
    return { ok: false, error: message, event: { reason: 'AmbiguousSelector', message }, condition: invalidSelector(message, 'AmbiguousSelector') };
  }
  return { ok: true, pods };
}
