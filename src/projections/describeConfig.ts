/**
 * `kubectl describe` for ConfigMaps, Secrets and Namespaces (upstream kubectl `describeConfigMap`,
 * `describeSecret`, `describeNamespace`). Secrets show sizes, never values.
 */
import type { ConfigMap, Namespace, Secret } from 'kubernetes-types/core/v1';
import { LEVEL_0, LEVEL_1, PrefixWriter } from './tabWriter';
import { printAnnotations, printLabels } from './describeFields';
import { describeEvents, type EventObject } from './events';
import { rfc1123z } from './time';
import type { KubeObject } from '../engine/api';

function header(w: PrefixWriter, meta: { name?: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> } | undefined, namespaced = true): void {
  w.write(LEVEL_0, `Name:\t${meta?.name ?? ''}\n`);
  if (namespaced) w.write(LEVEL_0, `Namespace:\t${meta?.namespace ?? ''}\n`);
  printLabels(w, 'Labels', meta?.labels);
  printAnnotations(w, 'Annotations', meta?.annotations);
}

/** Bytes of base64 data once decoded. */
function decodedLength(base64: string): number {
  const clean = base64.replace(/\s/g, '');
  const padding = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
  return Math.max(0, Math.floor((clean.length * 3) / 4) - padding);
}

export function describeConfigMap(cm: ConfigMap, events: readonly EventObject[], now: number): string {
  const w = new PrefixWriter();
  header(w, cm.metadata);
  w.write(LEVEL_0, '\nData\n====\n');
  for (const key of Object.keys(cm.data ?? {}).sort()) {
    w.write(LEVEL_0, `${key}:\n----\n`);
    w.write(LEVEL_0, `${cm.data![key]}\n`);
  }
  w.write(LEVEL_0, '\nBinaryData\n====\n');
  for (const key of Object.keys(cm.binaryData ?? {}).sort()) {
    w.write(LEVEL_0, `${key}: ${decodedLength(cm.binaryData![key])} bytes\n`);
  }
  w.write(LEVEL_0, '\n');
  describeEvents(w, events, now);
  return w.toString();
}

export function describeSecret(secret: Secret): string {
  const w = new PrefixWriter();
  header(w, secret.metadata);
  w.write(LEVEL_0, `\nType:\t${secret.type ?? ''}\n`);
  w.write(LEVEL_0, '\nData\n====\n');
  for (const key of Object.keys(secret.data ?? {}).sort()) {
    w.write(LEVEL_0, `${key}:\t${decodedLength(secret.data![key])} bytes\n`);
  }
  return w.toString();
}

export function describeNamespace(ns: Namespace): string {
  const w = new PrefixWriter();
  header(w, ns.metadata, false);
  w.write(LEVEL_0, `Status:\t${ns.status?.phase ?? ''}\n`);
  const conditions = ns.status?.conditions ?? [];
  if (conditions.length) {
    w.write(LEVEL_0, 'Conditions:\n');
    w.write(LEVEL_1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage\n');
    w.write(LEVEL_1, '----\t------\t------------------\t------\t-------\n');
    for (const c of conditions) {
      w.write(LEVEL_1, `${c.type}\t${c.status}\t${rfc1123z(c.lastTransitionTime)}\t${c.reason ?? ''}\t${c.message ?? ''}\n`);
    }
  }
  w.write(LEVEL_0, '\nNo resource quota.\n');
  w.write(LEVEL_0, '\nNo LimitRange resource.\n');
  return w.toString();
}

/** upstream kubectl `describeServiceAccount` (without token Secrets, which 1.24+ no longer creates). */
export function describeServiceAccount(sa: KubeObject & { imagePullSecrets?: { name: string }[]; secrets?: { name?: string }[] },
  events: readonly EventObject[], now: number): string {
  const w = new PrefixWriter();
  header(w, sa.metadata);
  const list = (items: { name?: string }[] | undefined): string => items?.length ? items.map((s) => s.name ?? '').join(', ') : '<none>';
  w.write(LEVEL_0, `Image pull secrets:\t${list(sa.imagePullSecrets)}\n`);
  w.write(LEVEL_0, `Mountable secrets:\t${list(sa.secrets)}\n`);
  w.write(LEVEL_0, 'Tokens:\t<none>\n');
  describeEvents(w, events, now);
  return w.toString();
}
