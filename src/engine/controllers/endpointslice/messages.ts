/**
 * Step messages of the EndpointSlice controller: what the write lists and which Pod changes made
 * it, in the terms of the endpoint conditions (ready / serving / terminating).
 */
import type { Endpoint, EndpointPort } from 'kubernetes-types/discovery/v1';
import type { SliceObject } from './sliceObjects';

const MAX_NAMES = 4;

export function formatPorts(ports: readonly EndpointPort[] | undefined): string {
  if (!ports?.length) return 'no ports';
  return ports.map((p) => `${p.name ? `${p.name}:` : ''}${p.port}/${p.protocol ?? 'TCP'}`).join(', ');
}

/** `a, b, c and 5 more` */
export function listNames(names: string[]): string {
  if (names.length <= MAX_NAMES) return names.join(', ');
  return `${names.slice(0, MAX_NAMES).join(', ')} and ${names.length - MAX_NAMES} more`;
}

const target = (ep: Endpoint) => ep.targetRef?.name ?? ep.addresses[0];

/** The condition triple as kubectl would show it, for one endpoint. */
export function conditionText(ep: Endpoint): string {
  const c = ep.conditions ?? {};
  if (c.terminating) return c.serving ? 'terminating, still serving' : 'terminating, not serving';
  if (c.ready) return c.serving === false ? 'published though not ready (publishNotReadyAddresses)' : 'ready';
  return 'not ready';
}

/** `3 endpoints (2 ready, 1 not ready)` */
export function countText(endpoints: readonly Endpoint[]): string {
  const ready = endpoints.filter((e) => e.conditions?.ready).length;
  const terminating = endpoints.filter((e) => e.conditions?.terminating).length;
  const parts = [`${ready} ready`];
  if (endpoints.length - ready - terminating > 0) parts.push(`${endpoints.length - ready - terminating} not ready`);
  if (terminating) parts.push(`${terminating} terminating`);
  return `${endpoints.length} endpoint${endpoints.length === 1 ? '' : 's'} (${parts.join(', ')})`;
}

/** What changed between two versions of a slice's endpoints, Pod by Pod. */
export function endpointChanges(before: readonly Endpoint[], after: readonly Endpoint[]): string[] {
  const old = new Map(before.map((e) => [target(e), e]));
  const now = new Map(after.map((e) => [target(e), e]));
  const added = after.filter((e) => !old.has(target(e))).map((e) => `${target(e)} (${conditionText(e)})`);
  const removed = before.filter((e) => !now.has(target(e))).map(target);
  const changed = after.filter((e) => old.has(target(e)) && conditionText(old.get(target(e))!) !== conditionText(e))
    .map((e) => `${target(e)} is now ${conditionText(e)}`);
  const out: string[] = [];
  if (added.length) out.push(`added ${listNames(added)}`);
  if (removed.length) out.push(`removed ${listNames(removed)}`);
  if (changed.length) out.push(listNames(changed));
  return out;
}

export function createMessage(service: string, slice: SliceObject, selector: string): string {
  if (!slice.endpoints.length) {
    return `EndpointSlice for Service ${service} created empty: no Pod matching ${selector} has an IP yet, so this ` +
      'placeholder tells kube-proxy the Service has no endpoints';
  }
  return `EndpointSlice for Service ${service} created with ${countText(slice.endpoints)} on ${formatPorts(slice.ports)} ` +
    `for the Pods matching ${selector}: ${listNames(slice.endpoints.map(target))}`;
}

export function updateMessage(service: string, slice: SliceObject, old: SliceObject, recycled = false): string {
  const changes = endpointChanges(old.endpoints ?? [], slice.endpoints);
  const what = changes.length ? changes.join('; ') : 'labels brought in line with the Service';
  const head = `EndpointSlice ${slice.metadata.name} of Service ${service}: ${what}; `;
  if (!slice.endpoints.length) return `${head}no endpoints left, so it stays as the Service's empty placeholder slice`;
  const reuse = recycled ? ' (the slice is reused rather than deleting one and creating another)' : '';
  return `${head}now ${countText(slice.endpoints)} on ${formatPorts(slice.ports)}${reuse}`;
}

export function deleteMessage(service: string, slice: SliceObject, owned: boolean): string {
  if (!owned) return `EndpointSlice ${slice.metadata.name} deleted: it belongs to an earlier Service named ${service}`;
  return `EndpointSlice ${slice.metadata.name} deleted: none of its ${slice.endpoints?.length ?? 0} endpoints is wanted any more ` +
    `for Service ${service} (their Pods are gone, no longer match, or are listed elsewhere)`;
}
