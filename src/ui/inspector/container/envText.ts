/**
 * The words of the container view's environment table: where a value comes from and what it
 * depends on, from the projection's data (`src/projections/containerEnv.ts`). Pure: takes the
 * translator, English by default. Field paths, resource names, kinds and object names stay as
 * Kubernetes writes them.
 */
import type { EnvChange, EnvNote, EnvSource } from '../../../projections/containerEnv';
import { englishT, type Translate } from '../../../i18n/translate';

/** `text`, and whether it is data only (field paths, names: shown untranslated, marked so). */
export interface SourceText {
  text: string;
  data: boolean;
}

export function envSourceText(source: EnvSource, t: Translate = englishT): SourceText {
  switch (source.type) {
    case 'value':
      return source.expands?.length
        ? { text: t('container.fromValueExpanding', { vars: source.expands.map((n) => `$(${n})`).join(' ') }), data: false }
        : { text: t('container.fromValue'), data: false };
    case 'configMapKeyRef':
    case 'secretKeyRef': {
      const kind = source.type === 'configMapKeyRef' ? 'ConfigMap' : 'Secret';
      return { text: t('container.fromKey', { kind, name: source.name, key: source.key }), data: false };
    }
    case 'envFrom':
      return source.prefix
        ? { text: t('container.fromEnvFromPrefix', { kind: source.kind, name: source.name, prefix: source.prefix }), data: false }
        // i18n-data: the envFrom field, a kind and a name, as written in the Pod spec
        : { text: `envFrom ${source.kind} ${source.name}`, data: true };
    case 'fieldRef':
      // i18n-data: the fieldRef field and its path, as written in the Pod spec
      return { text: `fieldRef ${source.fieldPath}`, data: true };
    case 'resourceFieldRef':
      return {
        // i18n-data: the resourceFieldRef field, container, resource and divisor, as written in the Pod spec
        text: `resourceFieldRef ${source.containerName ? `${source.containerName} ` : ''}${source.resource}${source.divisor ? ` ÷ ${source.divisor}` : ''}`,
        data: true,
      };
    case 'service':
      return { text: `Service ${source.service}`, data: true };
  }
}

export function envNoteText(note: EnvNote, t: Translate = englishT): string {
  switch (note.type) {
    case 'awaitingPodIP': return t('container.noteAwaitingPodIP');
    case 'awaitingNode': return t('container.noteAwaitingNode');
    case 'limitUnscheduled': return t('container.noteLimitUnscheduled', { resource: note.resource });
    case 'limitFromNode': return t('container.noteLimitFromNode', { resource: note.resource, node: note.node });
  }
}

/** How a started container's variable differs from its source now (kinds and names stay as Kubernetes writes them). */
export function envChangeText(change: EnvChange, t: Translate = englishT): string {
  const s = change.source;
  switch (change.type) {
    case 'changed': return s ? t('container.changedSinceStart', { kind: s.kind, name: s.name }) : t('container.expandedChangedSinceStart');
    // a literal is never removed nor added: only sourced values are
    case 'removed': return t('container.removedSinceStart', { kind: s?.kind ?? '', name: s?.name ?? '' });
    case 'added': return t('container.addedSinceStart', { kind: s?.kind ?? '', name: s?.name ?? '' });
  }
}
