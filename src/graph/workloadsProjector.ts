/**
 * The workloads and Services of a snapshot as graph elements (placed in the band above the lane),
 * the revision each Pod runs, and the edges between what is drawn. Per-object data is memoized
 * by uid + resourceVersion (+ what else it shows), so unchanged elements are the same objects.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { ClusterView, KubeObject } from '../engine/api';
import { englishT, type Translate } from '../i18n/translate';
import { createEdgeBuilder } from './edges';
import type { Rect } from './placement';
import { controllerOf, type RevisionIndex } from './revisions';
import { isApiServerService, MANAGED_BY_LABEL, SERVICE_NAME_LABEL, serviceData, serviceEndpoints, type PodEndpoint } from './services';
import type { GraphEdge, RevisionBadge, ServiceData, WorkloadData } from './types';
import { bandColumns, serviceId, workloadId, type BandEntry } from './workloadsBand';
import { lastRunText } from './workloadsBatch';
import { collectWorkloads, templateLabels } from './workloadsCollect';
import { workloadData } from './workloadsKinds';
import { placeBand } from './workloadsLayout';

export interface BandElement {
  id: string;
  type: 'workload' | 'service';
  data: WorkloadData | ServiceData;
  rect: Rect;
}

export interface WorkloadsFrame {
  /** The revision a Pod runs, if its owner keeps revisions. */
  podRevision(pod: Pod): RevisionBadge | undefined;
  /** The band's elements (y from 0), in rows that wrap relative to the Node grid's width. */
  band(gridWidth: number): { elements: BandElement[]; width: number; height: number };
  /** Edges between drawn elements; `drawnPods` maps a drawn Pod's uid to its graph node id. */
  edges(drawnPods: ReadonlyMap<string, string>): GraphEdge[];
}

interface Memo<D> { key: string; data: D }
interface Drawn<D> { entry: BandEntry; data: D }

/** `t` words the elements' texts and accessible names (English by default). */
export function createWorkloadsProjector(t: Translate = englishT): { frame(view: ClusterView, pods: readonly Pod[]): WorkloadsFrame } {
  let workloadMemo = new Map<string, Memo<WorkloadData>>();
  let serviceMemo = new Map<string, Memo<ServiceData>>();
  const edgeBuilder = createEdgeBuilder(t);

  function workload(obj: KubeObject, revisions: RevisionIndex, hidden: number, now: number, next: Map<string, Memo<WorkloadData>>): WorkloadData {
    const uid = obj.metadata.uid;
    const revision = obj.kind === 'ReplicaSet' ? revisions.ofReplicaSet(uid) : revisions.ofOwner(uid);
    const age = obj.kind === 'CronJob' ? lastRunText(obj, now, t) : '';
    const key = `${obj.metadata.resourceVersion}|${revision?.label}|${revision?.newest}|${hidden}|${age}`;
    let memo = workloadMemo.get(uid);
    if (!memo || memo.key !== key) memo = { key, data: workloadData(obj, { now, revision, hiddenChildren: hidden, t }) };
    next.set(uid, memo);
    return memo.data;
  }

  function service(svc: KubeObject, found: ReturnType<typeof serviceEndpoints>, next: Map<string, Memo<ServiceData>>): ServiceData {
    const c = { ready: 0, notReady: 0, terminating: 0 };
    for (const e of found.endpoints) c[e.state] += 1;
    const key = `${svc.metadata.resourceVersion}|${found.source}|${c.ready}|${c.notReady}|${c.terminating}`;
    let memo = serviceMemo.get(svc.metadata.uid);
    if (!memo || memo.key !== key) memo = { key, data: serviceData(svc, found, t) };
    next.set(svc.metadata.uid, memo);
    return memo.data;
  }

  function frame(view: ClusterView, pods: readonly Pod[]): WorkloadsFrame {
    const snapshot = collectWorkloads(view);
    const nextWorkloads = new Map<string, Memo<WorkloadData>>();
    const workloads: Drawn<WorkloadData>[] = snapshot.workloads.map((obj) => {
      const data = workload(obj, snapshot.revisions, snapshot.hiddenByDeployment.get(obj.metadata.uid) ?? 0, view.now, nextWorkloads);
      const owner = controllerOf(obj);
      const entry: BandEntry = {
        id: workloadId(data), kind: data.kind, name: data.name, namespace: data.namespace, uid: data.uid,
        created: obj.metadata.creationTimestamp ?? '', templateLabels: templateLabels(obj),
        ...(owner ? { ownerUid: owner.uid } : {}),
        ...(data.kind === 'ReplicaSet' && data.revision ? { order: data.revision.revision } : {}),
      };
      return { entry, data };
    });
    workloadMemo = nextWorkloads;

    const nextServices = new Map<string, Memo<ServiceData>>();
    const endpointsOf = new Map<string, PodEndpoint[]>();
    const services = serviceElements(view, pods).map(({ svc, found }) => {
      const data = service(svc, found, nextServices);
      const entry: BandEntry = {
        id: serviceId(data), kind: 'Service', name: data.name, namespace: data.namespace, uid: data.uid,
        created: svc.metadata.creationTimestamp ?? '',
        selector: (svc.spec as { selector?: Record<string, string> } | undefined)?.selector,
      };
      endpointsOf.set(entry.id, found.endpoints);
      return { entry, data };
    });
    serviceMemo = nextServices;

    const byUid = new Map(workloads.map((w) => [w.entry.uid, w]));
    return {
      podRevision: (pod) => snapshot.revisions.ofPod(pod),
      band(gridWidth) {
        const { columns, tiers } = bandColumns(workloads.map((w) => w.entry), services.map((s) => s.entry));
        const placed = placeBand(columns, gridWidth, tiers);
        const elements: BandElement[] = [];
        for (const w of workloads) elements.push({ id: w.entry.id, type: 'workload', data: w.data, rect: placed.rects.get(w.entry.id)! });
        for (const s of services) elements.push({ id: s.entry.id, type: 'service', data: s.data, rect: placed.rects.get(s.entry.id)! });
        return { elements, width: placed.width, height: placed.height };
      },
      edges(drawnPods) {
        for (const w of workloads) {
          const owner = w.entry.ownerUid ? byUid.get(w.entry.ownerUid) : undefined;
          if (owner) edgeBuilder.owns(owner.entry.id, w.entry.id, `${owner.data.kind} ${owner.data.name}`, `${w.data.kind} ${w.data.name}`, false);
        }
        for (const pod of pods) {
          const target = drawnPods.get(pod.metadata?.uid ?? '');
          const ref = target ? controllerOf(pod) : undefined;
          const owner = ref ? byUid.get(ref.uid) : undefined;
          if (owner && target) edgeBuilder.owns(owner.entry.id, target, `${owner.data.kind} ${owner.data.name}`, `Pod ${pod.metadata?.name}`, true);
        }
        for (const s of services) {
          for (const e of endpointsOf.get(s.entry.id) ?? []) {
            const target = drawnPods.get(e.pod.metadata?.uid ?? '');
            if (target) edgeBuilder.endpoint(s.entry.id, target, s.data.name, e.pod.metadata?.name ?? '', e.state);
          }
        }
        return edgeBuilder.finish();
      },
    };
  }

  return { frame };
}

/** Every Service but the API server's, with the Pods it sends to. */
function serviceElements(view: ClusterView, pods: readonly Pod[]) {
  const services = view.list('Service').filter((s) => !isApiServerService(s));
  if (!services.length) return [];
  const slices = new Map<string, KubeObject[]>();
  let controllerPresent = false;
  for (const slice of view.list('EndpointSlice')) {
    const labels = slice.metadata.labels ?? {};
    if (labels[MANAGED_BY_LABEL] === 'endpointslice-controller.k8s.io') controllerPresent = true;
    const name = labels[SERVICE_NAME_LABEL];
    if (!name) continue;
    const key = `${slice.metadata.namespace ?? 'default'}/${name}`;
    const list = slices.get(key);
    if (list) list.push(slice);
    else slices.set(key, [slice]);
  }
  const byUid = new Map<string, Pod>();
  const byName = new Map<string, Pod>();
  const byNamespace = new Map<string, Pod[]>();
  for (const p of pods) {
    const ns = p.metadata?.namespace ?? 'default';
    byUid.set(p.metadata?.uid ?? '', p);
    byName.set(`${ns}/${p.metadata?.name}`, p);
    const list = byNamespace.get(ns);
    if (list) list.push(p);
    else byNamespace.set(ns, [p]);
  }
  return services.map((svc) => {
    const ns = svc.metadata.namespace ?? 'default';
    const found = serviceEndpoints(svc, slices.get(`${ns}/${svc.metadata.name}`) ?? [], controllerPresent,
      byNamespace.get(ns) ?? [], byUid, byName);
    return { svc, found };
  });
}
