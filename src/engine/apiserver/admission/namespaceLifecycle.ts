/**
 * The NamespaceLifecycle admission plugin: content only goes into a namespace that exists and is
 * not being terminated, and the system namespaces cannot be deleted.
 * upstream: plugin/pkg/admission/namespace/lifecycle/admission.go
 */
import type { StoreReader } from '../../controllers/types';
import type { KindInfo } from '../kinds';
import { resourceName } from '../messages';

/** Namespaces the API server refuses to delete. */
export const IMMORTAL_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

/** upstream apierrors.NewForbidden: `pods "web" is forbidden: …` (no name: `pods is forbidden: …`). */
export function forbiddenMessage(info: KindInfo, name: string | undefined, reason: string): string {
  return `${resourceName(info)}${name ? ` "${name}"` : ''} is forbidden: ${reason}`;
}

/** Why a create into `namespace` is refused, if it is. */
export function namespaceCreateProblem(info: KindInfo, name: string | undefined, namespace: string, store: Pick<StoreReader, 'get'>): string | undefined {
  if (!info.namespaced) return undefined;
  const ns = store.get('Namespace', namespace);
  if (!ns) return `namespaces "${namespace}" not found`;
  if (ns.metadata.deletionTimestamp) {
    return forbiddenMessage(info, name, `unable to create new content in namespace ${namespace} because it is being terminated`);
  }
  return undefined;
}

/** `namespaces "default" is forbidden: this namespace may not be deleted` */
export function namespaceDeleteProblem(name: string): string | undefined {
  return IMMORTAL_NAMESPACES.includes(name) ? `namespaces "${name}" is forbidden: this namespace may not be deleted` : undefined;
}
