/**
 * Guided lessons: the Lessons dialog, the lesson being followed and its stage, and playback to the
 * stage's pause point. Entering a stage applies its manifests through the editor (so the learner
 * sees them there) and runs its commands, all through the lesson runner (`src/lessons/runner.ts`),
 * the same code the lesson tests run. Going back replays the lesson on a fresh cluster: the engine
 * is deterministic, so the replay is the cluster the learner saw.
 */
import type { Cluster } from '../engine/api';
import { enterStage, runStage, runStages, stageReached, stepTowardPause, type EnterOptions, type StageEntry } from '../lessons/runner';
import type { Lesson } from '../lessons/types';
import { DEFAULT_SETTINGS } from '../share/session';
import type { SliceGet, SliceSet } from './types';

export interface LessonProgress {
  lesson: Lesson;
  /** Index of the stage being shown. */
  stage: number;
  /** How the stage was entered (where its run starts, what its commands printed). */
  entry: StageEntry;
  /** The cluster the stage was entered on; after a reset elsewhere the stage is replayed. */
  cluster: Cluster;
  /** "Next stage" was pressed on the last stage. */
  finished: boolean;
}

export interface LessonSlice {
  /** The Lessons dialog (the library) is open. */
  lessonsOpen: boolean;
  lessonProgress: LessonProgress | null;
  /** Playing Step by Step toward the stage's pause point. */
  lessonPlaying: boolean;
  openLessons(): void;
  closeLessons(): void;
  /** Resets the cluster (default settings) and enters the lesson's first stage. */
  startLesson(lesson: Lesson): void;
  /** Enters stage `index`: the next one after finishing the current run, any other by replaying. */
  goToStage(index: number): void;
  nextStage(): void;
  previousStage(): void;
  /** Runs the cluster to the stage's pause point at once. */
  runToPause(): void;
  /** Plays toward the pause point one Step at a time, at the timeline's speed. */
  playToPause(): void;
  stopLessonPlay(): void;
  exitLesson(): void;
}

/** Whether the stage shown is at its pause point on the cluster shown. */
export function selectStageReached(s: { cluster: Cluster; lessonProgress: LessonProgress | null }): boolean {
  const p = s.lessonProgress;
  if (!p || p.cluster !== s.cluster) return false;
  return stageReached(s.cluster, p.lesson.stages[p.stage], p.entry);
}

export function createLessonSlice(set: SliceSet, get: SliceGet): LessonSlice {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stopTimer = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };

  /** Manifests go through the editor: it shows them, and the apply summary reports them. */
  const viaEditor: EnterOptions = {
    apply: (yaml) => {
      get().setEditorText(yaml);
      return get().applyText();
    },
  };

  /** A fresh cluster with the settings the lessons are written (and tested) for. */
  const resetForLessons = () => {
    const s = get();
    const same = (Object.keys(DEFAULT_SETTINGS) as (keyof typeof DEFAULT_SETTINGS)[]).every((k) => s.clusterSettings[k] === DEFAULT_SETTINGS[k]);
    if (same) s.resetCluster();
    else s.resetWithSettings(DEFAULT_SETTINGS);
  };

  const showNewest = (cluster: Cluster) => set({ cursor: cluster.steps.length - 1, following: true });

  const tick = () => {
    timer = undefined;
    const s = get();
    const p = s.lessonProgress;
    if (!s.lessonPlaying || !p || p.cluster !== s.cluster) {
      set({ lessonPlaying: false });
      return;
    }
    const last = s.cluster.steps.length - 1;
    if (s.cursor < last) {
      s.setCursor(s.cursor + 1); // Steps already made (an apply's, a command's) are shown one by one first
    } else if (stepTowardPause(s.cluster, p.lesson.stages[p.stage], p.entry)) {
      showNewest(s.cluster);
    } else {
      set({ lessonPlaying: false });
      return;
    }
    const now = get();
    if (now.cursor >= now.cluster.steps.length - 1 && selectStageReached(now)) {
      set({ lessonPlaying: false });
      return;
    }
    timer = setTimeout(tick, 1000 / now.speed);
  };

  const stopPlay = () => {
    stopTimer();
    if (get().lessonPlaying) set({ lessonPlaying: false });
  };

  return {
    lessonsOpen: false,
    lessonProgress: null,
    lessonPlaying: false,
    openLessons: () => set({ lessonsOpen: true }),
    closeLessons: () => set({ lessonsOpen: false }),
    startLesson(lesson) {
      stopPlay();
      get().pause();
      resetForLessons();
      const cluster = get().cluster;
      const entry = enterStage(cluster, lesson.stages[0], 0, viaEditor);
      set({ lessonsOpen: false, lessonProgress: { lesson, stage: 0, entry, cluster, finished: false } });
      showNewest(cluster);
    },
    goToStage(index) {
      const p = get().lessonProgress;
      if (!p) return;
      stopPlay();
      get().pause();
      const { lesson } = p;
      const target = Math.max(0, Math.min(lesson.stages.length - 1, index));
      if (p.cluster === get().cluster && target === p.stage + 1) {
        runStage(p.cluster, lesson.stages[p.stage], p.entry);
      } else {
        resetForLessons();
        runStages(get().cluster, lesson, 0, target, viaEditor);
      }
      const cluster = get().cluster;
      const entry = enterStage(cluster, lesson.stages[target], target, viaEditor);
      set({ lessonProgress: { lesson, stage: target, entry, cluster, finished: false } });
      showNewest(cluster);
    },
    nextStage() {
      const p = get().lessonProgress;
      if (!p || p.finished) return;
      if (p.stage < p.lesson.stages.length - 1) {
        get().goToStage(p.stage + 1);
        return;
      }
      stopPlay();
      if (p.cluster === get().cluster) runStage(p.cluster, p.lesson.stages[p.stage], p.entry);
      set({ lessonProgress: { ...p, finished: true } });
      showNewest(get().cluster);
    },
    previousStage() {
      const p = get().lessonProgress;
      if (!p) return;
      if (p.finished) set({ lessonProgress: { ...p, finished: false } });
      else if (p.stage > 0) get().goToStage(p.stage - 1);
    },
    runToPause() {
      const p = get().lessonProgress;
      if (!p || p.cluster !== get().cluster) return;
      stopPlay();
      get().pause();
      runStage(p.cluster, p.lesson.stages[p.stage], p.entry);
      showNewest(p.cluster);
    },
    playToPause() {
      const s = get();
      if (s.lessonPlaying || !s.lessonProgress || s.lessonProgress.cluster !== s.cluster) return;
      s.pause();
      set({ lessonPlaying: true });
      tick();
    },
    stopLessonPlay: stopPlay,
    exitLesson() {
      stopPlay();
      set({ lessonProgress: null });
    },
  };
}
