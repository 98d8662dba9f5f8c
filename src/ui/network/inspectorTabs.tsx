/**
 * The inspector's network and autoscaling tabs: Traffic and kube-proxy for a Service, kube-proxy
 * and Top for a Node, DNS for a Pod, Autoscaling for an HPA or a workload an HPA scales.
 */
import type { ClusterView } from '../../engine/api';
import { translator, type Translate } from '../../i18n/translate';
import { HPA_KIND, hpasTargeting } from '../../projections/hpa';
import { usePlayground, type ObjectRef } from '../../store';
import { HpaPanel } from '../hpa/HpaPanel';
import { DnsPanel } from './DnsPanel';
import { ProxyRulesPanel } from './ProxyRulesPanel';
import { TopPanel } from './TopPanel';
import { TrafficPanel } from './TrafficPanel';

export type NetworkTabId = 'traffic' | 'proxy' | 'dns' | 'top' | 'autoscaling';

export const NETWORK_TAB_IDS: ReadonlySet<string> = new Set<NetworkTabId>(['traffic', 'proxy', 'dns', 'top', 'autoscaling']);

/** A tab's name: kube-proxy and DNS are the same in every language. */
function tabLabel(id: NetworkTabId, t: Translate): string {
  switch (id) {
    case 'traffic': return t('network.tabTraffic');
    case 'proxy': return 'kube-proxy';
    case 'dns': return 'DNS';
    case 'top': return t('network.tabTop');
    case 'autoscaling': return t('network.tabAutoscaling');
  }
}
const SCALED_KINDS = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController']);

const key = (ref: ObjectRef) => `${ref.namespace ?? 'default'}/${ref.name}`;

/** The HPA the Autoscaling tab shows for a selection: the HPA itself, or the first one scaling the workload. */
export function hpaOf(selection: ObjectRef, view: ClusterView): { name: string; namespace: string } | undefined {
  const namespace = selection.namespace ?? 'default';
  if (selection.kind === HPA_KIND) return { name: selection.name, namespace };
  if (!SCALED_KINDS.has(selection.kind)) return undefined;
  const hpa = hpasTargeting(view, selection.kind, selection.name, namespace)[0];
  return hpa ? { name: hpa.metadata.name, namespace } : undefined;
}

function tabIds(selection: ObjectRef, view: ClusterView): NetworkTabId[] {
  switch (selection.kind) {
    case 'Service': return ['traffic', 'proxy'];
    case 'Node': return ['proxy', 'top'];
    case 'Pod': return ['dns'];
    default: return hpaOf(selection, view) ? ['autoscaling'] : [];
  }
}

/**
 * The extra tabs the selected object gets, named in `t`'s language — by default the store's current
 * one (the inspector re-renders on a language change, so the names follow it).
 */
export function networkTabs(selection: ObjectRef, view: ClusterView, t: Translate = translator(usePlayground.getState().language)):
  { id: NetworkTabId; label: string }[] {
  return tabIds(selection, view).map((id) => ({ id, label: tabLabel(id, t) }));
}

export function NetworkTabPanel({ tab, selection, view }: { tab: NetworkTabId; selection: ObjectRef; view: ClusterView }) {
  switch (tab) {
    case 'traffic': return <TrafficPanel service={key(selection)} />;
    case 'proxy': return selection.kind === 'Node' ? <ProxyRulesPanel node={selection.name} /> : <ProxyRulesPanel service={key(selection)} />;
    case 'dns': return <DnsPanel pod={key(selection)} />;
    case 'top': return <TopPanel />;
    case 'autoscaling': {
      const hpa = hpaOf(selection, view);
      return hpa ? <HpaPanel name={hpa.name} namespace={hpa.namespace} /> : null;
    }
  }
}
