import type { StoreApi } from 'zustand/vanilla';
import type { ApplyError, ApplyResult, Cluster, ClusterOptions } from '../engine/api';
import type { CommandsSlice } from './commandsSlice';
import type { FaultsSlice } from './faultsSlice';
import type { LanguageSlice } from './languageSlice';
import type { LessonSlice } from './lessonSlice';
import type { NamespaceSlice } from './namespaceSlice';
import type { NetworkSlice } from './networkSlice';
import type { SessionSlice } from './sessionSlice';
import type { ClassroomSettingsSlice } from './settingsSlice';
import type { TimelineSlice } from './timelineSlice';

/** What the inspector and canvas point at: an API object by kind, name and namespace. */
export interface ObjectRef {
  kind: string;
  name: string;
  namespace?: string;
}

/** One line of a successful apply, as kubectl reports it. */
export type AppliedObject = Extract<ApplyResult, { ok: true }>['results'][number];

export interface ClusterSlice {
  cluster: Cluster;
  /** Bumps on every engine change (Step, apply, delete) and on reset. */
  version: number;
  /** Starts again with a fresh cluster (default Nodes only); the editor text is kept. */
  resetCluster(): void;
}

export interface CursorSlice {
  /** Index of the Step shown; -1 only while the cluster has no Steps at all. */
  cursor: number;
  /** The cursor follows the newest Step as the engine adds Steps. */
  following: boolean;
  playing: boolean;
  /** Moves the cursor; at the newest Step asks the engine for the next one (cluster.step()). */
  stepForward(): void;
  stepBack(): void;
  setCursor(index: number): void;
  play(): void;
  pause(): void;
  togglePlay(): void;
}

export interface SettingsSlice {
  /** Playback speed in Steps per second. */
  speed: number;
  setSpeed(stepsPerSecond: number): void;
}

export interface SelectionSlice {
  selection: ObjectRef | null;
  select(ref: ObjectRef | null): void;
}

export interface EditorSlice {
  editorText: string;
  /** Errors of the last failed apply; empty after a successful one. */
  problems: ApplyError[];
  /** Objects of the last successful apply (for the kubectl-like summary); null if none yet. */
  lastApplied: AppliedObject[] | null;
  /** Applies the editor text like `kubectl apply -f`; a failed apply changes nothing in the cluster. */
  applyText(): ApplyResult;
  setEditorText(text: string): void;
}

export type PlaygroundState = ClusterSlice & CursorSlice & SettingsSlice & SelectionSlice & EditorSlice & CommandsSlice
  & NamespaceSlice & NetworkSlice & SessionSlice & ClassroomSettingsSlice & LessonSlice
  & TimelineSlice & LanguageSlice & FaultsSlice;

export type PlaygroundStore = StoreApi<PlaygroundState>;

/** Where the editor text is kept between visits (localStorage in the browser). */
export type TextStorage = Pick<Storage, 'getItem' | 'setItem'>;

export interface PlaygroundDeps {
  createCluster(options?: ClusterOptions): Cluster;
  /** The manifest shown and applied when nothing was saved. */
  demoText: string;
  storage?: TextStorage | null;
  /** Debounce of editor-text saves, in wall-clock ms. */
  saveDelayMs?: number;
  /** The browser's preferred languages (`navigator.languages`); read from the browser when omitted. */
  languages?: readonly string[];
}

export type SliceSet = PlaygroundStore['setState'];
export type SliceGet = PlaygroundStore['getState'];
