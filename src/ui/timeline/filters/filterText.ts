/**
 * The words of the timeline's filters, in the UI's language: actor choices, filter chips, the
 * grouping choices, and the store's notices (why a move found nothing). Pure: `t` decides the language.
 */
import { messageParts, type TextPart } from '../../../i18n/textParts';
import { englishT, type Translate } from '../../../i18n/translate';
import { isActorKind, type ActorKind } from '../../../projections/actors';
import type { StepGrouping } from '../../../projections/stepGroups';
import type { ActorOption } from '../../../projections/stepFilter';
import type { TimelineNotice } from '../../../store/timelineSlice';

/** A kind as a choice of the actor filter ("Every kubelet"). */
export function actorKindOption(kind: ActorKind, t: Translate = englishT): string {
  switch (kind) {
    case 'user': return t('timelineFilters.kindUser');
    case 'scheduler': return t('timelineFilters.kindScheduler');
    case 'controller': return t('timelineFilters.kindController');
    case 'kubelet': return t('timelineFilters.kindKubelet');
    case 'proxy': return t('timelineFilters.kindProxy');
    case 'bootstrap': return t('timelineFilters.kindBootstrap');
    default: return t('timelineFilters.kindOther');
  }
}

/** One actor as a choice, with its kind ("kubelet/node-1 (kubelet)"). */
export function actorNameOption(actor: string, kind: ActorKind, t: Translate = englishT): string {
  switch (kind) {
    case 'user': return t('timelineFilters.actorUser', { actor });
    case 'scheduler': return t('timelineFilters.actorScheduler', { actor });
    case 'controller': return t('timelineFilters.actorController', { actor });
    case 'kubelet': return t('timelineFilters.actorKubelet', { actor });
    case 'proxy': return t('timelineFilters.actorProxy', { actor });
    case 'bootstrap': return t('timelineFilters.actorBootstrap', { actor });
    default: return t('timelineFilters.actorOther', { actor });
  }
}

/** An option of the actor filter with the number of Steps it matches: "Every kubelet (12)". */
export function actorOptionLabel(option: ActorOption, t: Translate = englishT): string {
  const label = option.actor === undefined ? actorKindOption(option.kind, t) : actorNameOption(option.actor, option.kind, t);
  return t('timelineFilters.optionCount', { label, count: option.count });
}

function everyKind(kind: ActorKind, t: Translate): string {
  switch (kind) {
    case 'user': return t('timelineFilters.everyUser');
    case 'scheduler': return t('timelineFilters.everyScheduler');
    case 'controller': return t('timelineFilters.everyController');
    case 'kubelet': return t('timelineFilters.everyKubelet');
    case 'proxy': return t('timelineFilters.everyProxy');
    case 'bootstrap': return t('timelineFilters.everyBootstrap');
    default: return t('timelineFilters.everyOther');
  }
}

/**
 * The actor filter's value in a chip: a kind in words ("every kubelet"), or the actor's name
 * (`name`: data, shown as it is).
 */
export function actorFilterText(value: string, t: Translate = englishT): { text: string; name?: string } {
  if (value.startsWith('kind:')) {
    const kind = value.slice(5);
    return isActorKind(kind) ? { text: everyKind(kind, t) } : { text: kind, name: kind };
  }
  const name = value.replace(/^actor:/, '');
  return { text: name, name };
}

export function groupingLabel(grouping: StepGrouping, t: Translate = englishT): string {
  switch (grouping) {
    case 'reconcile': return t('timelineFilters.groupReconcile');
    case 'second': return t('timelineFilters.groupSecond');
    default: return t('timelineFilters.groupWrite');
  }
}

/** The store's notice (why the last move found nothing) in words, the object it names as data. */
export function timelineNoticeParts(notice: TimelineNotice, t: Translate = englishT): TextPart[] {
  return messageParts((mark) => {
    switch (notice.code) {
      case 'idle': return t('timelineFilters.idle');
      case 'quiet': {
        const minutes = Math.max(1, Math.round(notice.withinMs / 60_000));
        if (notice.seeking === 'object') return t('timelineFilters.quietTouch', { name: mark(notice.object), minutes });
        return notice.seeking === 'match' ? t('timelineFilters.quietMatch', { minutes }) : t('timelineFilters.quiet', { minutes });
      }
      case 'noMatch': return notice.direction === 'later' ? t('timelineFilters.noLaterMatch') : t('timelineFilters.noEarlierMatch');
      case 'untouched': {
        const name = mark(notice.object);
        return notice.direction === 'later' ? t('timelineFilters.noLaterTouch', { name }) : t('timelineFilters.noEarlierTouch', { name });
      }
    }
  });
}
