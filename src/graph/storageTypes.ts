/**
 * Graph elements for storage, configuration and namespaces: PersistentVolumeClaims,
 * PersistentVolumes and StorageClasses; the ConfigMaps and Secrets Pods read; namespace boxes.
 * (Joined into the graph's unions in types.ts.)
 */
import type { TextPart } from '../i18n/textParts';
import type { GraphRef, Tone } from './types';

export type StorageKind = 'PersistentVolumeClaim' | 'PersistentVolume' | 'StorageClass';

export type StorageData = {
  kind: StorageKind;
  name: string;
  namespace?: string;
  uid: string;
  /**
   * kubectl's STATUS (`Pending`, `Bound`, `Available`, `Released`, `Lost`, `Failed`, `Terminating`); '' for a class;
   * `not found` for a claim a Pod names that does not exist (`missing`: the card words that in the UI's language).
   */
  status: string;
  tone: Tone;
  /** Short facts, one line each: `1Gi · RWO`, `class standard`, `WaitForFirstConsumer · reclaim Delete`, … (words translated, data marked). */
  details: TextPart[][];
  /** What it waits for, in the controller's words (a Pending claim's newest Event: English, as the engine wrote it). */
  reason?: string;
  /** A StorageClass marked `storageclass.kubernetes.io/is-default-class`. */
  isDefault?: boolean;
  /** Referenced by a Pod but not in the cluster. */
  missing?: boolean;
  ref: GraphRef;
  /** `PersistentVolumeClaim data, Bound to pvc-…`, `PersistentVolume pvc-…, Bound, 1Gi RWO`, `StorageClass standard (default)`. */
  ariaLabel: string;
};

export type ConfigData = {
  kind: 'ConfigMap' | 'Secret';
  name: string;
  namespace: string;
  uid: string;
  /** Its keys (never a Secret's values). */
  keys: string[];
  /** A Secret's `type` (`Opaque`, `kubernetes.io/tls`, …). */
  type?: string;
  immutable: boolean;
  /** Referenced by a Pod but not in the cluster (the Pod's container cannot start, or its volume not mount). */
  missing: boolean;
  /** Pods drawn that read it. */
  usedBy: number;
  ref: GraphRef;
  /** `ConfigMap app-config`, `Secret creds, not found`. */
  ariaLabel: string;
};

export type NamespaceBoxData = {
  kind: 'Namespace';
  name: string;
  /** `Active` or `Terminating` (the Namespace's phase), or `not found` when the Namespace is gone. */
  phase: string;
  /** Pods drawn in it. */
  pods: number;
  ref: GraphRef;
  /** `Namespace team-a, Terminating` (`not found` in the UI's language). */
  ariaLabel: string;
};

/** Pod → claim, claim → volume, volume → class (and claim → class while it waits). */
export type StorageLink = 'uses' | 'bound' | 'binding' | 'class' | 'waits';

export type StorageEdgeData = { relation: 'storage'; link: StorageLink; missing?: boolean };

/** ConfigMap or Secret → what reads it: a Pod's volume, or a container's env / envFrom. */
export type ConfigEdgeData = {
  relation: 'config'; usage: 'volume' | 'env'; secret: boolean; missing: boolean;
  /** Among the edges into the same part of the same Pod (their labels are placed apart). */
  slot: number;
};
