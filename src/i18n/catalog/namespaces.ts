/** The namespace picker and grouping. */
import type { Messages } from '../types';

const en = {
  'namespaces.groupBy': 'Group by namespace',
  'namespaces.groupByHint': "Draw a box per namespace across the Nodes, with each namespace's Pods, claims, ConfigMaps and Secrets inside it",
  'namespaces.picker': 'Namespace',
  'namespaces.all': 'All namespaces',
  'namespaces.inspect': 'Inspect Namespace {name}',
  'namespaces.inspectHint': 'Inspect Namespace {name}: its phase, and the Delete action',
  'namespaces.boxLabel': 'namespace',
  'namespaces.terminating': '◌ {phase}: its objects are being deleted',
  'namespaces.notFound': 'Namespace not found',
} as const;

const zh: Messages<typeof en> = {
  'namespaces.groupBy': '按命名空间分组',
  'namespaces.groupByHint': '为每个命名空间画一个横跨各 Node 的框，框内是该命名空间的 Pod、PVC、ConfigMap 和 Secret',
  'namespaces.picker': '命名空间',
  'namespaces.all': '所有命名空间',
  'namespaces.inspect': '查看 Namespace {name}',
  'namespaces.inspectHint': '查看 Namespace {name}：它的阶段，以及删除操作',
  'namespaces.boxLabel': '命名空间',
  'namespaces.terminating': '◌ {phase}：其中的对象正在被删除',
  'namespaces.notFound': '未找到该 Namespace',
};

export const namespaces = { en, zh };
