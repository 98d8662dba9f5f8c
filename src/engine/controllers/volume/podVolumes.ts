/**
 * A Pod's claims as the scheduler's volume binder sees them, and which volumes would serve them on
 * one node: pure functions over a snapshot of claims, volumes and classes.
 * upstream: pkg/scheduler/framework/plugins/volumebinding/binder.go (GetPodVolumeClaims,
 * FindPodVolumes, findMatchingVolumes, checkVolumeProvisions, checkBoundClaims, GetEligibleNodes)
 */
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { StoreReader } from '../types';
import { ANN_BIND_COMPLETED, LABEL_HOSTNAME, NO_PROVISIONER } from './constants';
import { claimClass, getClass, isDelayBinding, type ClaimObject, type VolumeObject } from './storageClasses';
import { nodeSelectorTermsMatch } from '../../scheduler/nodeSelectors';
import { claimRequest, findMatchingVolume, volumeFitsNode } from './volumeMatch';

export const ERR_REASON_BIND_CONFLICT = "node(s) didn't find available persistent volumes to bind";
export const ERR_REASON_NODE_CONFLICT = 'node(s) had volume node affinity conflict';
export const ERR_REASON_PV_NOT_EXIST = 'node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s)';
export const ERR_REASON_UNBOUND_IMMEDIATE = 'pod has unbound immediate PersistentVolumeClaims';

/** The claim each of the Pod's volumes uses: `persistentVolumeClaim.claimName`, or `<pod>-<volume>` for an ephemeral volume. */
export function podClaimNames(pod: Pod): { volume: string; claim: string; ephemeral: boolean }[] {
  const out: { volume: string; claim: string; ephemeral: boolean }[] = [];
  for (const v of pod.spec?.volumes ?? []) {
    if (v.persistentVolumeClaim) out.push({ volume: v.name, claim: v.persistentVolumeClaim.claimName, ephemeral: false });
    else if (v.ephemeral) out.push({ volume: v.name, claim: `${pod.metadata?.name}-${v.name}`, ephemeral: true });
  }
  return out;
}

export const isClaimFullyBound = (c: ClaimObject) => !!c.spec?.volumeName && !!c.metadata.annotations?.[ANN_BIND_COMPLETED];

export interface PodVolumeClaims {
  bound: ClaimObject[];
  /** WaitForFirstConsumer claims: the scheduler picks their volume (or has one provisioned) for the chosen node. */
  delayed: ClaimObject[];
  /** Immediate claims (or claims naming a volume) not bound yet: the PV controller must bind them first. */
  unboundImmediate: ClaimObject[];
}

/** The Pod's claims sorted by binding state, or the PreFilter refusal for a missing or deleted claim. */
export function podVolumeClaims(pod: Pod, reader: Pick<StoreReader, 'get'>): PodVolumeClaims | { error: string } {
  const out: PodVolumeClaims = { bound: [], delayed: [], unboundImmediate: [] };
  const ns = pod.metadata?.namespace ?? 'default';
  for (const { claim: name, ephemeral } of podClaimNames(pod)) {
    const claim = reader.get('PersistentVolumeClaim', name, ns) as ClaimObject | undefined;
    if (!claim) {
      return { error: ephemeral ? `waiting for ephemeral volume controller to create the persistentvolumeclaim "${name}"`
        : `persistentvolumeclaim "${name}" not found` };
    }
    if (ephemeral && !claim.metadata.ownerReferences?.some((r) => r.controller && r.uid === pod.metadata?.uid)) {
      return { error: `PVC ${ns}/${name} was not created for pod ${ns}/${pod.metadata?.name} (pod is not owner)` };
    }
    if (claim.metadata.deletionTimestamp) return { error: `persistentvolumeclaim "${name}" is being deleted` };
    if (isClaimFullyBound(claim)) out.bound.push(claim);
    else if (isDelayBinding(claim, reader) && !claim.spec?.volumeName) out.delayed.push(claim);
    else out.unboundImmediate.push(claim);
  }
  return out;
}

/** upstream GetEligibleNodes: bound volumes pinned by `kubernetes.io/hostname In [...]` narrow the candidate nodes. */
export function eligibleNodes(bound: readonly ClaimObject[], reader: Pick<StoreReader, 'get'>): Set<string> | undefined {
  let eligible: Set<string> | undefined;
  for (const claim of bound) {
    const pv = reader.get('PersistentVolume', claim.spec!.volumeName!) as VolumeObject | undefined;
    const terms = pv?.spec?.nodeAffinity?.required?.nodeSelectorTerms;
    if (!terms) continue;
    const names = new Set<string>();
    for (const term of terms) {
      let nodes: Set<string> | undefined;
      for (const e of term.matchExpressions ?? []) {
        if (e.key !== LABEL_HOSTNAME || e.operator !== 'In') continue;
        const values = new Set(e.values ?? []);
        nodes = nodes ? new Set([...nodes].filter((n) => values.has(n))) : values;
      }
      for (const n of nodes ?? []) names.add(n);
    }
    if (!names.size) continue;
    eligible = eligible ? new Set([...eligible].filter((n) => names.has(n))) : names;
  }
  return eligible;
}

export interface NodeVolumes {
  reasons: string[];
  /** Existing volumes chosen for delayed claims on this node. */
  bindings: { claim: ClaimObject; volume: VolumeObject }[];
  /** Delayed claims to be provisioned on this node. */
  provisions: ClaimObject[];
}

/** upstream FindPodVolumes: can this node serve every claim, and how (bound volumes, matches, provisioning)? */
export function findPodVolumes(claims: PodVolumeClaims, node: Node, reader: Pick<StoreReader, 'get' | 'list'>,
  volumes?: readonly VolumeObject[]): NodeVolumes {
  const out: NodeVolumes = { reasons: [], bindings: [], provisions: [] };
  let boundSatisfied = true;
  let boundFound = true;
  for (const claim of claims.bound) {
    const pv = reader.get('PersistentVolume', claim.spec!.volumeName!) as VolumeObject | undefined;
    if (!pv) { boundFound = false; break; }
    if (!volumeFitsNode(pv, node)) { boundSatisfied = false; break; }
  }
  let unboundSatisfied = true;
  if (claims.delayed.length) {
    const candidates = volumes ?? reader.list('PersistentVolume') as VolumeObject[];
    const chosen = new Set<string>();
    const byRequest = [...claims.delayed].sort((a, b) => claimRequest(a) - claimRequest(b));
    for (const claim of byRequest) {
      const pv = findMatchingVolume(claim, candidates, node, chosen, true) as VolumeObject | undefined;
      if (pv) {
        chosen.add(pv.metadata.name);
        out.bindings.push({ claim, volume: pv });
        continue;
      }
      const sc = getClass(reader, claimClass(claim));
      const topologyOk = !sc?.allowedTopologies?.length ||
        nodeSelectorTermsMatch(sc.allowedTopologies.map((t) => ({
          matchExpressions: (t.matchLabelExpressions ?? []).map((e) => ({ key: e.key, operator: 'In', values: e.values })),
        })), node);
      if (!sc || !sc.provisioner || sc.provisioner === NO_PROVISIONER || !topologyOk) unboundSatisfied = false;
      else out.provisions.push(claim);
    }
  }
  if (!boundSatisfied) out.reasons.push(ERR_REASON_NODE_CONFLICT);
  if (!unboundSatisfied) out.reasons.push(ERR_REASON_BIND_CONFLICT);
  if (!boundFound) out.reasons.push(ERR_REASON_PV_NOT_EXIST);
  return out;
}
