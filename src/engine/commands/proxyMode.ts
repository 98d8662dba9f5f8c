import type { CommandResult, KubeObject, ProxyMode } from '../api';
import type { ReconcileContext } from '../controllers/types';
import { clone } from '../util/objects';

/** The kube-proxy ConfigMap kubeadm writes; `mode` in its config.conf picks iptables or ipvs. */
export const KUBE_PROXY_CONFIGMAP = { name: 'kube-proxy', namespace: 'kube-system' };

export function kubeProxyConfig(mode: ProxyMode): string {
  return [
    'apiVersion: kubeproxy.config.k8s.io/v1alpha1',
    'kind: KubeProxyConfiguration',
    'bindAddress: 0.0.0.0',
    'clusterCIDR: 10.244.0.0/16',
    'iptables:',
    '  masqueradeAll: false',
    '  minSyncPeriod: 1s',
    '  syncPeriod: 30s',
    'ipvs:',
    '  scheduler: ""',
    '  syncPeriod: 30s',
    `mode: ${mode}`,
    '',
  ].join('\n');
}

/** The proxy mode a kube-proxy ConfigMap selects (iptables when unset, as upstream on Linux). */
export function proxyModeOf(configMap: KubeObject | undefined): ProxyMode {
  const conf = (configMap?.data as Record<string, string> | undefined)?.['config.conf'] ?? '';
  return /^mode:\s*"?ipvs"?\s*$/m.test(conf) ? 'ipvs' : 'iptables';
}

/** `kubectl -n kube-system edit configmap kube-proxy` to change `mode`, then kube-proxy re-syncs. */
export function setProxyMode(ctx: ReconcileContext, mode: ProxyMode): CommandResult {
  if (mode !== 'iptables' && mode !== 'ipvs') return { ok: false, message: `error: unknown proxy mode "${mode}"` };
  const cm = ctx.get('ConfigMap', KUBE_PROXY_CONFIGMAP.name, KUBE_PROXY_CONFIGMAP.namespace);
  if (!cm) return { ok: false, message: 'Error from server (NotFound): configmaps "kube-proxy" not found' };
  if (proxyModeOf(cm) === mode) return { ok: true, message: 'configmap/kube-proxy unchanged' };
  const next = clone(cm);
  next.data = { ...(cm.data as Record<string, string>), 'config.conf': kubeProxyConfig(mode) };
  const result = ctx.update(next, `Set kube-proxy mode to ${mode} in ConfigMap kube-system/kube-proxy`);
  return result.ok ? { ok: true, message: 'configmap/kube-proxy edited' } : { ok: false, message: result.message };
}
